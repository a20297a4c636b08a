import { endpoint } from '#lib/server/http/api';
import { retakeInput } from '#lib/server/gradebook/inputs';
import { addRetakeColumn } from '#lib/server/gradebook/service';

export const POST = endpoint({ body: retakeInput, status: 201 }, ({ db, p, body }) => addRetakeColumn(db, p, body));
