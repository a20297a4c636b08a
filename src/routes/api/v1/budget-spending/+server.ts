import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { discardUploads, readUploads } from '#lib/server/files/upload';
import { entriesQuery, spendingInput } from '#lib/server/programs/budget-inputs';
import { budgetAccess, createSpending, listSpending, plain } from '#lib/server/programs/budget-service';

export const GET = endpoint({ query: entriesQuery }, async ({ db, p, query }) => plain({ items: await listSpending(db, p, query) }));

/** JSON, or multipart/form-data with the same fields and the documents as files. */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => {
	if (!event.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		let raw: unknown;
		try {
			raw = await event.request.json();
		} catch {
			raw = undefined;
		}
		return plain(await createSpending(db, p, parse(spendingInput, raw)));
	}
	await budgetAccess(db, p, 'create'); // refuse before a byte is stored
	const upload = await readUploads(event.request);
	let input;
	try {
		input = parse(spendingInput, upload.fields);
	} catch (e) {
		await discardUploads(upload.files);
		throw e;
	}
	return plain(await createSpending(db, p, input, upload.files));
});
