/**
 * Pure rules of the program's publications (thông báo, tài liệu hướng dẫn, tin tức, giá trị):
 * the kinds, the audiences and what may appear on the public page. Which roles make up an audience
 * is the central policy's (`publicationAudienceRoles`, tested in pilot-policy.test.ts).
 */
export const PUBLICATION_KINDS = ['announcement', 'guidance', 'news', 'value'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const PUBLICATION_AUDIENCES = ['leaders', 'staff', 'parents', 'learners', 'everyone'] as const;
export type PublicationAudience = (typeof PUBLICATION_AUDIENCES)[number];

/** Only news and value statements may be public (announcements and guidance are for the audience). */
export const PUBLIC_KINDS: readonly PublicationKind[] = ['news', 'value'];
export const mayBePublic = (kind: PublicationKind) => PUBLIC_KINDS.includes(kind);
