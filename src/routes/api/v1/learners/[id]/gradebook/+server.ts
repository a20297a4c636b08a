import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { learnerGradebookQuery } from '#lib/server/gradebook/family-inputs';
import { learnerGradebook } from '#lib/server/gradebook/learner-view';

export const GET = endpoint({ query: learnerGradebookQuery }, ({ db, p, query, event }) => learnerGradebook(db, p, parse(idParam, event.params).id, query));
