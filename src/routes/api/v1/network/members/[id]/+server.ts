import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { profilePatch } from '#lib/server/network/inputs';
import { getMember, updateProfile } from '#lib/server/network/service';

export const GET = endpoint({}, ({ db, p, event }) => getMember(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: profilePatch }, ({ db, p, event, body }) => updateProfile(db, p, parse(idParam, event.params).id, body));
