import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { answersInput } from '#lib/server/programs/survey-inputs';
import { getResponse, saveResponseDraft } from '#lib/server/programs/survey-service';

export const GET = endpoint({}, ({ db, p, event }) => getResponse(db, p, parse(idParam, event.params).id));
export const PUT = endpoint({ body: answersInput }, ({ db, p, event, body }) => saveResponseDraft(db, p, parse(idParam, event.params).id, body));
