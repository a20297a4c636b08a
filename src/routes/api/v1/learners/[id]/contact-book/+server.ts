import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { learnerContactBook } from '#lib/server/messaging/contact-book';

export const GET = endpoint({}, ({ db, p, event }) => learnerContactBook(db, p, parse(idParam, event.params).id));
