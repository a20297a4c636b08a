import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { feedbackInput } from '#lib/server/programs/training-inputs';
import { giveFeedback } from '#lib/server/programs/training-service';

export const POST = endpoint({ body: feedbackInput, status: 201 }, ({ db, p, event, body }) => giveFeedback(db, p, parse(idParam, event.params).id, body));
