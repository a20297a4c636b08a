import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { scoresInput } from '#lib/server/programs/training-inputs';
import { recordScores } from '#lib/server/programs/training-service';

export const PUT = endpoint({ body: scoresInput }, ({ db, p, event, body }) => recordScores(db, p, parse(idParam, event.params).id, body.rows));
