import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { reuseItem } from '#lib/server/learning/library';

export const POST = endpoint({}, ({ db, p, event }) => reuseItem(db, p, parse(idParam, event.params).id));
