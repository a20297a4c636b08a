import * as i from './inputs';

/** The events and meetings routes as /api/v1/openapi.json lists them. */
export const eventsRouteDocs = [
	{ method: 'get', path: '/events', summary: 'Events the caller may see (along their org path, for their audience), upcoming first; with past=1 those already over too; with the caller’s own registration statuses', tag: 'events', query: i.eventsQuery },
	{ method: 'post', path: '/events', summary: 'Organise an event (school staff and leaders in their school; unit and city officers at their level): kind, times, a learning place or venue, capacity (null = unlimited), audience, registration window; online adds a Jitsi room. Audited.', tag: 'events', body: i.eventInput, status: 201 },
	{ method: 'get', path: '/events/{id}', summary: 'One event: the caller’s and their children’s registrations (status, waitlist place, attendance, feedback), and for the organiser every registration and the feedback', tag: 'events' },
	{ method: 'post', path: '/events/{id}/cancel', summary: 'The organiser (or the leader or officer over them) cancels the event; registrants are notified. Audited.', tag: 'events' },
	{ method: 'get', path: '/events/{id}/registrations', summary: 'The organiser’s list of registrations: confirmed, then the waitlist in order', tag: 'events' },
	{ method: 'post', path: '/events/{id}/registrations', summary: 'Register oneself, or (a parent) one’s child: confirmed while places remain, else waitlisted in order of registration (the event row is locked, so capacity holds under concurrency). Audited.', tag: 'events', body: i.registrationInput, status: 201 },
	{ method: 'delete', path: '/events/{id}/registrations/{personId}', summary: 'Cancel a registration (one’s own, one’s child’s, or the organiser anyone’s); a freed place goes to the first waitlisted, who is notified. Audited.', tag: 'events' },
	{ method: 'put', path: '/events/{id}/attendance', summary: 'The organiser records who attended: every row must be a confirmed registration, else nothing is written. Audited.', tag: 'events', body: i.attendanceInput },
	{ method: 'post', path: '/events/{id}/feedback', summary: 'Feedback (rating 1–5 and a comment) from someone who attended, or their parent, once the event has begun; given again it replaces the first. Audited.', tag: 'events', body: i.feedbackInput, status: 201 },
	{ method: 'get', path: '/meetings', summary: 'Online meetings the caller organises or is invited to, newest first, with their answer', tag: 'meetings' },
	{ method: 'post', path: '/meetings', summary: 'Create an online meeting (Jitsi room generated): for a class (its learners) or parent group (its parents) by the class’s teacher, homeroom teacher or leader; for a club, training, staff or other with named invitees the organiser may see. Invitees are notified. Audited.', tag: 'meetings', body: i.meetingInput, status: 201 },
	{ method: 'get', path: '/meetings/{id}', summary: 'One meeting (organiser and invitees only); for the organiser every invitation with its answer and first join time', tag: 'meetings' },
	{ method: 'put', path: '/meetings/{id}/response', summary: 'An invitee accepts or declines. Audited.', tag: 'meetings', body: i.meetingResponseInput },
	{ method: 'post', path: '/meetings/{id}/cancel', summary: 'The organiser cancels the meeting; invitees are notified. Audited.', tag: 'meetings' }
] as const;
