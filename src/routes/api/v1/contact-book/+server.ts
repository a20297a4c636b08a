import { endpoint } from '#lib/server/http/api';
import { entriesInput } from '#lib/server/messaging/inputs';
import { writeEntries } from '#lib/server/messaging/contact-book';

export const POST = endpoint({ body: entriesInput, status: 201 }, ({ db, p, body }) => writeEntries(db, p, body));
