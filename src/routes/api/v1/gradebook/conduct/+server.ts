import { endpoint } from '#lib/server/http/api';
import { conductInput } from '#lib/server/gradebook/inputs';
import { saveConduct } from '#lib/server/gradebook/class-results';

export const PUT = endpoint({ body: conductInput }, ({ db, p, body }) => saveConduct(db, p, body));
