import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { readUploads } from '#lib/server/files/upload';
import { addCourseDocuments, mayAddCourseDocuments } from '#lib/server/programs/training-service';

/** Multipart/form-data, field `file` (up to 5): refused before a byte is stored to whom may not run the course. */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => {
	const { id } = parse(idParam, event.params);
	await mayAddCourseDocuments(db, p, id);
	return addCourseDocuments(db, p, id, (await readUploads(event.request)).files);
});
