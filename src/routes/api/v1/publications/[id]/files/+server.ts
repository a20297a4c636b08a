import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { readUploads } from '#lib/server/files/upload';
import { attachDocuments, mayCorrectPublication } from '#lib/server/programs/publication-service';

/** Multipart/form-data, field `file` (up to 5): refused before a byte is stored to whom may not correct it. */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => {
	const { id } = parse(idParam, event.params);
	await mayCorrectPublication(db, p, id);
	const upload = await readUploads(event.request);
	return attachDocuments(db, p, id, upload.files);
});
