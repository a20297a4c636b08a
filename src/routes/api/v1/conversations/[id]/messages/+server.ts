import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { readUploads } from '#lib/server/files/upload';
import { discardUploads } from '#lib/server/files/upload';
import { ValidationError } from '#lib/server/errors';
import { messageInput } from '#lib/server/messaging/inputs';
import { postMessage } from '#lib/server/messaging/service';
import { m } from '#lib/paraglide/messages.js';

/** JSON `{body}`, or multipart with a `body` field and up to 5 files. */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => {
	const { id } = parse(idParam, event.params);
	if (event.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		const upload = await readUploads(event.request);
		let input;
		try {
			input = parse(messageInput, { body: upload.fields.body ?? '' });
		} catch (e) {
			await discardUploads(upload.files);
			throw e;
		}
		return postMessage(db, p, id, input, upload.files);
	}
	let raw: unknown;
	try {
		raw = await event.request.json();
	} catch {
		throw new ValidationError(m.error_invalid_json());
	}
	return postMessage(db, p, id, parse(messageInput, raw));
});
