import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { returnInput } from '#lib/server/programs/survey-inputs';
import { returnResponse } from '#lib/server/programs/survey-service';

export const POST = endpoint({ body: returnInput }, ({ db, p, event, body }) => returnResponse(db, p, parse(idParam, event.params).id, body.reason));
