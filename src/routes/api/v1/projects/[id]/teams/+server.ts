import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { teamInput } from '#lib/server/learning/projects-inputs';
import { addTeam } from '#lib/server/learning/projects';

export const POST = endpoint({ body: teamInput, status: 201 }, ({ db, p, event, body }) => addTeam(db, p, parse(idParam, event.params).id, body));
