/** Pure rules of clubs, forums and parent committees. No database, no HTTP. */
import { searchKey } from '../learning/library-rules';

import { CLUB_AUDIENCES, CLUB_KINDS, CLUB_LEVELS, COMMITTEE_ROLES, type ClubKind, type ClubLevel, type CommitteeRole } from '#lib/community/vocabulary';
import { containsPattern } from '../db/like';

export { CLUB_AUDIENCES, CLUB_KINDS, CLUB_LEVELS, COMMITTEE_ROLES, type ClubKind, type ClubLevel, type CommitteeRole };

/** A club's level from its row: a school's club has a school; otherwise the city's sits at the root (one segment). */
export function clubLevel(club: { schoolId: string | null; path: string }): ClubLevel {
	if (club.schoolId) return 'school';
	return club.path.split('/').filter(Boolean).length <= 1 ? 'city' : 'unit';
}

export type MembershipStatus = 'requested' | 'approved' | 'rejected' | 'left';

/**
 * May someone (re)ask to join, given their current membership? Yes with none, after leaving or
 * after a rejection (a new school year, a new try); not while a request waits or once a member.
 */
export function mayRequestAgain(current: MembershipStatus | null): boolean {
	return current === null || current === 'left' || current === 'rejected';
}

/** Only a waiting request is decided; approving or rejecting twice is refused. */
export function mayDecide(current: MembershipStatus | null): boolean {
	return current === 'requested';
}

/** What a forum thread is searched by: title and body without case or diacritics. */
export const threadSearchText = (title: string, body: string) => searchKey(title, body);

/** The LIKE pattern of a search (the query's key, its wildcards escaped). */
export const searchPattern = (q: string) => containsPattern(searchKey(q));

/**
 * Who sees a hidden thread or reply: its space's moderators only (the author too would let a
 * hidden insult live on in its author's view, so no).
 */
export function visibleToReader(item: { hidden: boolean }, isModerator: boolean): boolean {
	return !item.hidden || isModerator;
}

/** A locked thread takes no more replies, except from a moderator (a closing word). */
export function mayReply(thread: { locked: boolean }, isModerator: boolean): boolean {
	return !thread.locked || isModerator;
}

export { isHttpsUrl } from '../learning/project-rules';
