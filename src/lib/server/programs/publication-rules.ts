/**
 * Pure rules of the program's publications (thông báo, tài liệu hướng dẫn, tin tức, giá trị):
 * the kinds, the audiences, which audiences a role belongs to, whether a school level is reached,
 * and what may appear on the public page.
 */
export const PUBLICATION_KINDS = ['announcement', 'guidance', 'news', 'value'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const PUBLICATION_AUDIENCES = ['leaders', 'staff', 'parents', 'learners', 'everyone'] as const;
export type PublicationAudience = (typeof PUBLICATION_AUDIENCES)[number];

/** Only news and value statements may be public (announcements and guidance are for the audience). */
export const PUBLIC_KINDS: readonly PublicationKind[] = ['news', 'value'];
export const mayBePublic = (kind: PublicationKind) => PUBLIC_KINDS.includes(kind);

/**
 * Is a person whose schools have these levels reached by a publication limited to `levels`?
 * No limit reaches everyone; otherwise one of their schools must have a listed level.
 */
export function levelsReach(limit: readonly string[], personLevels: readonly string[]): boolean {
	return limit.length === 0 || personLevels.some((l) => limit.includes(l));
}
