import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { statusQuery } from '#lib/server/programs/survey-inputs';
import { surveyStatusBoard } from '#lib/server/programs/survey-service';

export const GET = endpoint({ query: statusQuery }, ({ db, p, event, query }) => surveyStatusBoard(db, p, parse(idParam, event.params).id, query));
