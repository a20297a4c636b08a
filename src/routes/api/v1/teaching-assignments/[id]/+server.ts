import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { removeAssignment } from '#lib/server/gradebook/service';

export const DELETE = endpoint({}, ({ db, p, event }) => removeAssignment(db, p, parse(idParam, event.params).id));
