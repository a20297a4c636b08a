import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { mentorInput } from '#lib/server/learning/projects-inputs';
import { setMentor } from '#lib/server/learning/projects';

export const PUT = endpoint({ body: mentorInput }, ({ db, p, event, body }) => setMentor(db, p, parse(idParam, event.params).id, body.mentorId));
