import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { submitInput } from '#lib/server/programs/survey-inputs';
import { submitResponse } from '#lib/server/programs/survey-service';

export const POST = endpoint({ body: submitInput }, ({ db, p, event, body }) => submitResponse(db, p, parse(idParam, event.params).id, body));
