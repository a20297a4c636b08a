import { endpoint } from '#lib/server/http/api';
import { scoresInput } from '#lib/server/gradebook/inputs';
import { saveCells } from '#lib/server/gradebook/service';

export const PUT = endpoint({ body: scoresInput }, ({ db, p, body }) => saveCells(db, p, body));
