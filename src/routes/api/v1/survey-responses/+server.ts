import { endpoint } from '#lib/server/http/api';
import { responsesQuery } from '#lib/server/programs/survey-inputs';
import { listResponses } from '#lib/server/programs/survey-service';

export const GET = endpoint({ query: responsesQuery }, async ({ db, p, query }) => ({ items: await listResponses(db, p, query) }));
