import { endpoint } from '#lib/server/http/api';
import { peopleQuery, personInput } from '#lib/server/people/inputs';
import { createPerson, searchPeople } from '#lib/server/people/service';

/** Search by name ignoring diacritics, within the caller's scope, paginated. */
export const GET = endpoint({ query: peopleQuery }, ({ db, p, query }) => searchPeople(db, p, query));
export const POST = endpoint({ body: personInput, status: 201 }, ({ db, p, body }) => createPerson(db, p, body));
