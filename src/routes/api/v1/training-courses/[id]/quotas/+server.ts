import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { quotasInput } from '#lib/server/programs/training-inputs';
import { getCourse, setQuotas } from '#lib/server/programs/training-service';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: (await getCourse(db, p, parse(idParam, event.params).id)).quotas }));
export const PUT = endpoint({ body: quotasInput }, ({ db, p, event, body }) => setQuotas(db, p, parse(idParam, event.params).id, body.quotas));
