/** Labels of the events and meetings modules' enumerations, in the user's language. */
import { m } from '#lib/paraglide/messages.js';

type Labels = Record<string, () => string>;

export const eventKindLabel = (k: string): string =>
	({ seminar: m.evt_kind_seminar, talk: m.evt_kind_talk, experience_day: m.evt_kind_experience_day, fair: m.evt_kind_fair, other: m.evt_kind_other } as Labels)[k]?.() ?? k;
export const audienceLabel = (a: string): string =>
	({ learners: m.evt_audience_learners, parents: m.evt_audience_parents, staff: m.evt_audience_staff, everyone: m.evt_audience_everyone } as Labels)[a]?.() ?? a;
export const registrationStatusLabel = (s: string): string =>
	({ confirmed: m.evt_status_confirmed, waitlisted: m.evt_status_waitlisted, cancelled: m.evt_status_cancelled } as Labels)[s]?.() ?? s;
export const meetingForLabel = (k: string): string =>
	({ class: m.evt_mtg_for_class, parent_group: m.evt_mtg_for_parent_group, club: m.evt_mtg_for_club, training: m.evt_mtg_for_training, staff: m.evt_mtg_for_staff, other: m.evt_mtg_for_other } as Labels)[k]?.() ?? k;
export const meetingResponseLabel = (r: string | null): string =>
	r === 'accepted' ? m.evt_mtg_accepted() : r === 'declined' ? m.evt_mtg_declined() : m.evt_mtg_no_answer();
