import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { sendSurvey } from '#lib/server/programs/survey-service';

export const POST = endpoint({}, ({ db, p, event }) => sendSurvey(db, p, parse(idParam, event.params).id));
