import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonPlaceInput } from '#lib/server/learning/projects-inputs';
import { linkLessonPlace, placesOfLesson } from '#lib/server/learning/places';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await placesOfLesson(db, p, parse(idParam, event.params).id) }));
export const POST = endpoint({ body: lessonPlaceInput, status: 201 }, ({ db, p, event, body }) => linkLessonPlace(db, p, parse(idParam, event.params).id, body.placeId));
