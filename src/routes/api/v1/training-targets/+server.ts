import { endpoint } from '#lib/server/http/api';
import { targetsInput, targetsQuery } from '#lib/server/programs/training-inputs';
import { setTargets, targetsBoard } from '#lib/server/programs/training-board';

export const GET = endpoint({ query: targetsQuery }, ({ db, p, query }) => targetsBoard(db, p, query.programYear));
export const PUT = endpoint({ body: targetsInput }, ({ db, p, body }) => setTargets(db, p, body));
