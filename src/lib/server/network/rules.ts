/** The community network's vocabularies and pure rules. No database, no HTTP. */
import type { Role } from '../auth/principal';
import { searchKey } from '../learning/library-rules';

export const MEMBER_KINDS = ['mentor', 'alumnus', 'business', 'partner_org'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const OFFERS = ['talk', 'mentoring', 'internship', 'judging', 'hosting_visit'] as const;
export type Offer = (typeof OFFERS)[number];
export const MEMBER_STATUSES = ['pending', 'vetted', 'rejected', 'suspended'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const BACKGROUND_CHECKS = ['done', 'not_done'] as const;
export const VETTING_DECISIONS = ['vetted', 'rejected'] as const;
export type VettingDecision = (typeof VETTING_DECISIONS)[number];
export const ENGAGEMENT_STATUSES = ['requested', 'accepted', 'declined', 'done', 'cancelled'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/** The code of conduct a member agrees to; its text is the message `net_coc_text`. Bump on any change. */
export const CODE_OF_CONDUCT_VERSION = '2026-12-01';

/** How long an emailed invitation stays valid. */
export const INVITATION_DAYS = 14;

/** The role vetting grants: mentors are mentors, alumni alumni, a business or organisation's person a partner contact. */
export function roleForKind(kind: MemberKind): Role {
	if (kind === 'mentor') return 'mentor';
	if (kind === 'alumnus') return 'alumnus';
	return 'partner_contact';
}

export interface VettingRecord {
	identityChecked: boolean;
	backgroundCheck: (typeof BACKGROUND_CHECKS)[number];
	backgroundCheckedOn?: string | null;
	codeOfConductConfirmed: boolean;
	decision: VettingDecision;
}

/**
 * What is missing before a decision may be recorded (field → message key): vetting needs the
 * identity checked and the code of conduct agreed; a background check marked done needs its date.
 * Rejecting needs nothing more than the record.
 */
export function vettingProblems(v: VettingRecord, memberAgreedToCode: boolean): Partial<Record<'identityChecked' | 'codeOfConductConfirmed' | 'backgroundCheckedOn', 'identity' | 'code' | 'date'>> {
	const out: ReturnType<typeof vettingProblems> = {};
	if (v.backgroundCheck === 'done' && !v.backgroundCheckedOn) out.backgroundCheckedOn = 'date';
	if (v.decision !== 'vetted') return out;
	if (!v.identityChecked) out.identityChecked = 'identity';
	if (!v.codeOfConductConfirmed || !memberAgreedToCode) out.codeOfConductConfirmed = 'code';
	return out;
}

/** Which statuses a vetter may move a member to from where they are. */
export function vetterMayMove(from: MemberStatus, to: MemberStatus): boolean {
	if (to === 'vetted' || to === 'rejected') return from === 'pending' || from === 'suspended' || (from === 'rejected' && to === 'vetted');
	if (to === 'suspended') return from === 'vetted';
	return false;
}

/** Schools see a member only when vetted and consenting to be contacted. */
export const listedToSchools = (m: { status: string; consentContact: boolean }) => m.status === 'vetted' && m.consentContact;

/** Who moves an engagement where: the member answers a request; the school cancels or records the outcome. */
export type EngagementActor = 'member' | 'school';
const MOVES: Record<EngagementActor, Partial<Record<EngagementStatus, readonly EngagementStatus[]>>> = {
	member: { requested: ['accepted', 'declined'] },
	school: { requested: ['cancelled'], accepted: ['done', 'cancelled'] }
};
export function engagementMayMove(actor: EngagementActor, from: EngagementStatus, to: EngagementStatus): boolean {
	return (MOVES[actor][from] ?? []).includes(to);
}

/** The stored search key of a member: their name, organisation, title, bio and areas, without diacritics. */
export const memberSearchKey = (name: string, m: { organisation: string; title: string; bio: string; areas: string }) => searchKey(name, m.organisation, m.title, m.bio, m.areas);

/** A member's vetting path covers a school (or class) path: registered at the city, the school's unit, or the school itself. */
export const pathCovers = (memberPath: string, path: string) => path.startsWith(memberPath);
