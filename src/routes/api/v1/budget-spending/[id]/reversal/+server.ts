import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { reversalInput } from '#lib/server/programs/budget-inputs';
import { plain, reverseSpending } from '#lib/server/programs/budget-service';

export const POST = endpoint({ body: reversalInput, status: 201 }, async ({ db, p, body, event }) => plain(await reverseSpending(db, p, idOr404(event.params.id!), body)));
