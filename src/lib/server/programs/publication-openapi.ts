import * as i from './publication-inputs';

/** The publications routes as /api/v1/openapi.json lists them. */
export const publicationRouteDocs = [
	{ method: 'get', path: '/publications', summary: 'Publications for the caller’s audience along their path (and those their office published), newest first, each with whether the caller has read it', tag: 'publications', query: i.publicationsQuery },
	{ method: 'post', path: '/publications', summary: 'A city or unit officer publishes an announcement, guidance, news or value statement from their org unit to an audience (leaders, staff, parents, learners, everyone), optionally only schools of some levels; news and values may be public (/program). The audience is notified in one fan-out. Audited.', tag: 'publications', body: i.publicationInput, status: 201 },
	{ method: 'get', path: '/publications/{id}', summary: 'Read one publication; the caller’s read is recorded once. For the publishing office, the read statistics (read / audience). Withdrawn: 410 to its audience (details: title, withdrawnAt, reason), no read recorded; the office still reads it', tag: 'publications' },
	{ method: 'patch', path: '/publications/{id}', summary: 'Whoever may publish it corrects the title, body or attachment (not the kind, audience or levels: withdraw and publish anew); sets editedAt, audited with before and after; the audience is not notified again. 403 to a reader who is not its office, 409 once withdrawn', tag: 'publications', body: i.publicationPatch },
	{ method: 'post', path: '/publications/{id}/withdrawal', summary: 'Whoever may publish it withdraws it (thu hồi) with an optional reason: gone from the audience’s lists and the public page (404 there), 410 to its audience, reads stop. Audited. 409 when already withdrawn', tag: 'publications', body: i.publicationWithdrawal },
	{ method: 'get', path: '/publications/{id}/reads', summary: 'The publishing office’s read statistics: the audience size computed in SQL, how many of it have read, and who has not (403 for a reader who is not the office)', tag: 'publications' }
] as const;
