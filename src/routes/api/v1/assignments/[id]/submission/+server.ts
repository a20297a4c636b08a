import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { submitWork } from '#lib/server/learning/assignments';

export const POST = endpoint({}, ({ db, p, event }) => submitWork(db, p, parse(idParam, event.params).id, event.request));
