import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { discardUploads, readUploads } from '#lib/server/files/upload';
import { evidenceInput, milestoneParams } from '#lib/server/programs/pilot-inputs';
import { addEvidence } from '#lib/server/programs/pilot-service';

/** JSON (a note and a link) or multipart (the same fields and one file). */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => {
	const { id, milestoneId } = parse(milestoneParams, event.params);
	if (event.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		const upload = await readUploads(event.request, { maxFiles: 1 });
		let fields;
		try {
			fields = parse(evidenceInput, { note: upload.fields.note ?? '', url: upload.fields.url ?? null });
		} catch (e) {
			// Refused fields: the stored upload goes too (addEvidence discards it on its own refusals).
			await discardUploads(upload.files);
			throw e;
		}
		return addEvidence(db, p, id, milestoneId, { ...fields, upload: upload.files[0] });
	}
	let raw: unknown;
	try {
		raw = await event.request.json();
	} catch {
		raw = undefined;
	}
	return addEvidence(db, p, id, milestoneId, parse(evidenceInput, raw));
});
