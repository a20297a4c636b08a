import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { publicationWithdrawal } from '#lib/server/programs/publication-inputs';
import { withdrawPublication } from '#lib/server/programs/publication-service';

export const POST = endpoint({ body: publicationWithdrawal }, ({ db, p, event, body }) => withdrawPublication(db, p, parse(idParam, event.params).id, body));
