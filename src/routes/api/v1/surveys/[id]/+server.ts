import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { surveyUpdate } from '#lib/server/programs/survey-inputs';
import { getSurvey, updateSurvey } from '#lib/server/programs/survey-service';

export const GET = endpoint({}, ({ db, p, event }) => getSurvey(db, p, parse(idParam, event.params).id));
export const PUT = endpoint({ body: surveyUpdate }, ({ db, p, event, body }) => updateSurvey(db, p, parse(idParam, event.params).id, body));
