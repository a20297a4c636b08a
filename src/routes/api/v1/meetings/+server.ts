import { endpoint } from '#lib/server/http/api';
import { meetingInput } from '#lib/server/events/inputs';
import { createMeeting, listMeetings } from '#lib/server/events/meetings';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listMeetings(db, p) }));
export const POST = endpoint({ body: meetingInput, status: 201 }, ({ db, p, body }) => createMeeting(db, p, body));
