import { endpoint } from '#lib/server/http/api';
import { placeInput, placesQuery } from '#lib/server/learning/projects-inputs';
import { createPlace, listPlaces } from '#lib/server/learning/places';

export const GET = endpoint({ query: placesQuery }, async ({ db, p, query }) => ({ items: await listPlaces(db, p, query) }));
export const POST = endpoint({ body: placeInput, status: 201 }, ({ db, p, body }) => createPlace(db, p, body));
