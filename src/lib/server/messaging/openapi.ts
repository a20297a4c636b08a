import * as i from './inputs';

/** The messaging and contact-book routes as /api/v1/openapi.json lists them. */
export const messagingRouteDocs = [
	{ method: 'get', path: '/conversations', summary: 'The caller’s conversations (they are a member of), newest first, each with its unread count, and the total unread', tag: 'messaging' },
	{ method: 'post', path: '/conversations', summary: 'Start (or continue) a direct conversation with one person, with a first message. Allowed only where the central policy’s mayStartConversation allows (never a learner with a community member, parent with parent, learner with learner). Audited.', tag: 'messaging', body: i.directInput, status: 201 },
	{ method: 'get', path: '/conversations/contacts', summary: 'The people the caller may start a conversation with', tag: 'messaging' },
	{ method: 'get', path: '/conversations/{id}', summary: 'A thread as the caller sees it (members only; an announcement’s parents see the teacher’s messages and their own replies), with attachments and, for the announcement’s author, read receipts', tag: 'messaging' },
	{ method: 'post', path: '/conversations/{id}/read', summary: 'Mark the conversation read up to now (moves the caller’s read pointer)', tag: 'messaging', status: 204 },
	{ method: 'post', path: '/conversations/{id}/messages', summary: 'Post a message (JSON), or with files (multipart: body and up to 5 files). Members only; an announcement’s parents only when replies are allowed. The other members are notified; open pages get it live.', tag: 'messaging', body: i.messageInput, status: 201 },
	{ method: 'get', path: '/conversations/{id}/events', summary: 'Server-sent events (text/event-stream): each new message of the conversation the caller may see, as event `message`. In-process: with several processes, messages posted through another process arrive on reload.', tag: 'messaging' },
	{ method: 'get', path: '/conversations/{id}/messages/{messageId}/files/{fileId}', summary: 'Download a message’s attachment (streamed, attachment disposition, nosniff, sandbox CSP): whoever sees the message', tag: 'messaging' },
	{ method: 'post', path: '/announcements', summary: 'A class’s teacher or homeroom teacher announces to every parent of the class (one set-based fan-out), replies allowed or not; the parents are notified. Audited.', tag: 'messaging', body: i.announcementInput, status: 201 },
	{ method: 'post', path: '/project-channels', summary: 'A teacher of a project’s class opens its supervised channel: the class’s teachers, the teams’ learners and — only if included — the outside mentor. Audited.', tag: 'messaging', body: i.projectChannelInput, status: 201 },
	{ method: 'post', path: '/messages/{id}/reports', summary: 'A member reports a message; the school’s leaders are notified. Audited.', tag: 'messaging', body: i.reportInput, status: 201 },
	{ method: 'get', path: '/message-reports', summary: 'Reported messages the caller reviews (school leaders: their school’s), open first', tag: 'messaging', query: i.reportsQuery },
	{ method: 'post', path: '/message-reports/{id}/review', summary: 'Dismiss a report, or act on it by hiding the message (school leaders). Audited.', tag: 'messaging', body: i.reviewInput },
	{ method: 'get', path: '/learners/{id}/contact-book', summary: 'A learner’s contact book (sổ liên lạc): the homeroom teacher’s notes with the parent’s acknowledgement and reply, scores and absences from the gradebook’s family view, the class announcements the caller received', tag: 'messaging' },
	{ method: 'post', path: '/contact-book', summary: 'The homeroom teacher writes a daily or weekly note for one or more learners of the class, all or nothing; their parents are notified. Audited.', tag: 'messaging', body: i.entriesInput, status: 201 },
	{ method: 'post', path: '/contact-book/{id}/acknowledge', summary: 'A parent acknowledges a note, optionally replying; the author is notified of a reply. Audited.', tag: 'messaging', body: i.acknowledgeInput }
] as const;
