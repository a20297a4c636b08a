/** Labels of the community network's vocabularies, for pages (server and browser). */
import { m } from '#lib/paraglide/messages.js';

export const MEMBER_KIND_KEYS = ['mentor', 'alumnus', 'business', 'partner_org'] as const;
export const OFFER_KEYS = ['talk', 'mentoring', 'internship', 'judging', 'hosting_visit'] as const;

const kinds: Record<string, () => string> = { mentor: m.net_kind_mentor, alumnus: m.net_kind_alumnus, business: m.net_kind_business, partner_org: m.net_kind_partner_org };
const offers: Record<string, () => string> = { talk: m.net_offer_talk, mentoring: m.net_offer_mentoring, internship: m.net_offer_internship, judging: m.net_offer_judging, hosting_visit: m.net_offer_hosting_visit };
const statuses: Record<string, () => string> = { pending: m.net_status_pending, vetted: m.net_status_vetted, rejected: m.net_status_rejected, suspended: m.net_status_suspended };
const engagementStatuses: Record<string, () => string> = { requested: m.net_eng_status_requested, accepted: m.net_eng_status_accepted, declined: m.net_eng_status_declined, done: m.net_eng_status_done, cancelled: m.net_eng_status_cancelled };

export const memberKindLabel = (k: string) => kinds[k]?.() ?? k;
export const offerLabel = (k: string) => offers[k]?.() ?? k;
export const memberStatusLabel = (k: string) => statuses[k]?.() ?? k;
export const engagementStatusLabel = (k: string) => engagementStatuses[k]?.() ?? k;
