/** Labels of the community modules' vocabularies, in the reader's language (shared by pages). */
import { m } from '#lib/paraglide/messages.js';
import { CLUB_AUDIENCES, CLUB_KINDS, CLUB_LEVELS, COMMITTEE_ROLES } from './vocabulary';

export { CLUB_AUDIENCES, CLUB_KINDS, CLUB_LEVELS, COMMITTEE_ROLES };

/** A value's label from a table of messages; an unknown value shows as itself. */
const from =
	(table: Record<string, () => string>) =>
	(v: string): string =>
		Object.hasOwn(table, v) ? table[v]() : v;

export const clubKindLabel = from({ science_tech: m.club_kind_science_tech, innovation: m.club_kind_innovation, arts: m.club_kind_arts, sports: m.club_kind_sports, language: m.club_kind_language, community_service: m.club_kind_community_service, other: m.club_kind_other });
export const clubLevelLabel = from({ school: m.club_level_school, unit: m.club_level_unit, city: m.club_level_city });
export const audienceLabel = from({ learners: m.club_open_learners, staff: m.club_open_staff, parents: m.club_open_parents });
export const memberStatusLabel = from({ requested: m.club_status_requested, approved: m.club_status_approved, rejected: m.club_status_rejected, left: m.club_status_left });
export const committeeRoleLabel = from({ chair: m.club_cmt_role_chair, vice_chair: m.club_cmt_role_vice_chair, member: m.club_cmt_role_member });
export const spaceKindLabel = from({ school: m.club_forum_kind_school, club: m.club_forum_kind_club, city_teachers: m.club_forum_kind_city, committee: m.club_forum_kind_committee });
