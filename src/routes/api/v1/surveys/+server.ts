import { endpoint } from '#lib/server/http/api';
import { surveyInput } from '#lib/server/programs/survey-inputs';
import { createSurvey, listSurveys } from '#lib/server/programs/survey-service';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listSurveys(db, p) }));
export const POST = endpoint({ body: surveyInput, status: 201 }, ({ db, p, body }) => createSurvey(db, p, body));
