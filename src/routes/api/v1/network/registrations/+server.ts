import { endpoint } from '#lib/server/http/api';
import { registrationInput } from '#lib/server/network/inputs';
import { register } from '#lib/server/network/service';

export const POST = endpoint({ body: registrationInput, public: true, status: 202 }, ({ db, body }) => register(db, body));
