import * as i from './inputs';
import { downloadQueryDoc } from '../learning/assignment-inputs';

/** The club and forum routes as /api/v1/openapi.json lists them. */
export const communityRouteDocs = [
	{ method: 'get', path: '/clubs', summary: 'Clubs the caller may see (their school’s, their unit’s, the city’s), by kind and level, with the caller’s membership status', tag: 'community', query: i.clubsQuery },
	{ method: 'post', path: '/clubs', summary: 'A school leader (or a unit or city officer at their level) creates a club and names its advisor, a staff member there; its forum space comes with it. Audited.', tag: 'community', body: i.clubInput, status: 201 },
	{ method: 'get', path: '/clubs/{id}', summary: 'A club: description, advisor, news and showcase for everyone along its path; members, activities and attendance for members; waiting requests for the advisor', tag: 'community' },
	{ method: 'post', path: '/clubs/{id}/members', summary: 'Ask to join (learners of schools under the club, staff or parents, as the club is open to); the advisor is notified. Audited.', tag: 'community', status: 201 },
	{ method: 'put', path: '/clubs/{id}/members/{personId}', summary: 'The advisor (or a leader or officer over the club) approves or rejects a waiting request; the person and their parents are notified. Audited.', tag: 'community', body: i.membershipDecision },
	{ method: 'delete', path: '/clubs/{id}/members/{personId}', summary: 'Leave the club (or withdraw one’s request); the advisor or a manager may take a member off. Kept as `left`. Audited.', tag: 'community', status: 204 },
	{ method: 'post', path: '/clubs/{id}/activities', summary: 'The advisor records an activity (time, place). Audited.', tag: 'community', body: i.activityInput, status: 201 },
	{ method: 'put', path: '/clubs/{id}/activities/{activityId}/attendance', summary: 'Who came to an activity: the members named are present, every other member absent. Audited.', tag: 'community', body: i.attendanceInput },
	{ method: 'post', path: '/clubs/{id}/posts', summary: 'A news post of the club, by its advisor. Audited.', tag: 'community', body: i.clubPostInput, status: 201 },
	{ method: 'post', path: '/clubs/{id}/showcase', summary: 'A product for the club’s showcase (an https link; a file is added on the club page, multipart). Audited.', tag: 'community', body: i.showcaseInput, status: 201 },
	{ method: 'get', path: '/clubs/{id}/showcase/{itemId}/file', summary: 'Download the file of a showcase item (streamed, attachment disposition, nosniff, sandbox CSP; images inline with ?inline=1): whoever may read the club', tag: 'community', query: downloadQueryDoc },
	{ method: 'get', path: '/forums', summary: 'Forum spaces the caller may read: their school’s staff space and the city’s teachers’ (staff only), their clubs’, their committees’', tag: 'community' },
	{ method: 'post', path: '/forums', summary: 'A school leader opens the school’s staff space; a city officer the city’s teachers’ space. Audited.', tag: 'community', body: i.spaceInput, status: 201 },
	{ method: 'get', path: '/forums/{id}', summary: 'A space: categories and threads (pinned first; hidden ones for moderators only), searched with q ignoring case and diacritics ("phan so" finds "Phân số")', tag: 'community', query: i.spaceQuery },
	{ method: 'post', path: '/forums/{id}/categories', summary: 'A moderator adds a category. Audited.', tag: 'community', body: i.categoryInput, status: 201 },
	{ method: 'post', path: '/forums/{id}/threads', summary: 'Start a thread (whoever may read the space). Audited.', tag: 'community', body: i.threadInput, status: 201 },
	{ method: 'get', path: '/forum-threads/{id}', summary: 'A thread with the replies the caller may see (hidden ones for moderators only)', tag: 'community' },
	{ method: 'patch', path: '/forum-threads/{id}', summary: 'A moderator pins, locks or hides a thread. Audited.', tag: 'community', body: i.threadModeration },
	{ method: 'post', path: '/forum-threads/{id}/posts', summary: 'Reply (not to a locked thread, unless a moderator); the thread’s author is notified', tag: 'community', body: i.replyInput, status: 201 },
	{ method: 'patch', path: '/forum-posts/{id}', summary: 'A moderator hides or shows a reply. Audited.', tag: 'community', body: i.postModeration }
] as const;
