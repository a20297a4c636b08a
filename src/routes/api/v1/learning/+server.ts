import { endpoint } from '#lib/server/http/api';
import { learnerQuery } from '#lib/server/learning/elearning-inputs';
import { learnerOverview } from '#lib/server/learning/elearning';

/** A learner's own learning; a parent or teacher names the learner. */
export const GET = endpoint({ query: learnerQuery }, ({ db, p, query }) => learnerOverview(db, p, query.learnerId ?? p.personId));
