import * as i from './inputs';

/** The community network's routes as /api/v1/openapi.json lists them. */
export const networkRouteDocs = [
	{ method: 'post', path: '/network/registrations', summary: 'Register as a mentor, alumnus, business or partner-organisation contact (the code of conduct agreed): a community account and a pending member at the city, with no role until vetted. Always 202, whether or not the email has an account (its owner is emailed instead).', tag: 'network', body: i.registrationInput, public: true, status: 202 },
	{ method: 'post', path: '/network/invitations', summary: 'An officer or school leader invites someone by email to join the network at their scope (a one-time link, 14 days). Audited.', tag: 'network', body: i.invitationInput, status: 201 },
	{ method: 'get', path: '/network/invitations/{token}', summary: 'The email and kind of an unused, unexpired invitation (404 otherwise)', tag: 'network', public: true },
	{ method: 'post', path: '/network/invitations/{token}', summary: 'Complete an invitation: a community account and a pending member where the inviter works. Used once. Audited.', tag: 'network', body: i.invitationAcceptInput, public: true, status: 201 },
	{ method: 'get', path: '/network/members', summary: 'Search the network: school staff, leaders and officers see vetted members who consent to be contacted along their path; vetters also the members within their scope (status=pending: those waiting). Text ignoring diacritics, offer, kind.', tag: 'network', query: i.membersQuery },
	{ method: 'get', path: '/network/me', summary: 'The caller’s own network profile, whatever its status (404 if they have none)', tag: 'network' },
	{ method: 'get', path: '/network/members/{id}', summary: 'One member: profile, contact details for staff within their vetting path, vetting history for vetters', tag: 'network' },
	{ method: 'patch', path: '/network/members/{id}', summary: 'The member edits their own profile: offers, fields, phone, consent to be contacted (withdrawn, they leave the search at once). Audited.', tag: 'network', body: i.profilePatch },
	{ method: 'post', path: '/network/members/{id}/vetting', summary: 'A vetter within the member’s path records identity check, background check (done with its date, or not done), code of conduct, and decides vetted (needs identity and code of conduct; grants mentor, alumnus or partner_contact at the vetting scope) or rejected. Never one’s own. Audited; the member is notified.', tag: 'network', body: i.vettingInput, status: 201 },
	{ method: 'post', path: '/network/members/{id}/suspension', summary: 'Suspend a vetted member: the role is removed at once. Audited; the member is notified.', tag: 'network', body: i.suspensionInput, status: 201 },
	{ method: 'get', path: '/network/engagements', summary: 'Requests and engagements the caller may see: the member’s own; the school’s for its staff and leader; officers’ within their scope', tag: 'network', query: i.engagementsQuery },
	{ method: 'post', path: '/network/engagements', summary: 'A teacher or school leader asks a vetted, consenting member for one of their offers (for a class, a club label or a project, on a date). Audited; the member is notified.', tag: 'network', body: i.engagementInput, status: 201 },
	{ method: 'get', path: '/network/engagements/{id}', summary: 'One request or engagement', tag: 'network' },
	{ method: 'post', path: '/network/engagements/{id}/answer', summary: 'The member accepts or declines a request. Audited; the requester is notified.', tag: 'network', body: i.engagementAnswer },
	{ method: 'post', path: '/network/engagements/{id}/outcome', summary: 'The requester or the school leader records the outcome of an accepted engagement (done, with the outcome and an optional 1–5 rating) or cancels it. Audited; the member is notified.', tag: 'network', body: i.engagementOutcome }
] as const;
