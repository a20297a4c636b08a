/** The community modules' vocabularies, shared by the server rules and the pages. */
export const CLUB_KINDS = ['science_tech', 'innovation', 'arts', 'sports', 'language', 'community_service', 'other'] as const;
export type ClubKind = (typeof CLUB_KINDS)[number];
/** Who may ask to join a club. */
export const CLUB_AUDIENCES = ['learners', 'staff', 'parents'] as const;
/** Where a club lives: a school, a management unit, or the city department. */
export const CLUB_LEVELS = ['school', 'unit', 'city'] as const;
export type ClubLevel = (typeof CLUB_LEVELS)[number];
/** Thông tư 55/2011 Điều 5: a chair (trưởng ban), vice chairs (phó trưởng ban) and members. */
export const COMMITTEE_ROLES = ['chair', 'vice_chair', 'member'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
