import { endpoint } from '#lib/server/http/api';
import { resultsQuery } from '#lib/server/gradebook/inputs';
import { classResults } from '#lib/server/gradebook/class-results';

export const GET = endpoint({ query: resultsQuery }, ({ db, p, query }) => classResults(db, p, { classId: query.classId, period: query.period }));
