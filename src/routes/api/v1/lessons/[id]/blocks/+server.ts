import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { blockInput } from '#lib/server/learning/elearning-inputs';
import { addBlock } from '#lib/server/learning/elearning';

export const POST = endpoint({ body: blockInput, status: 201 }, ({ db, p, event, body }) => addBlock(db, p, parse(idParam, event.params).id, body));
