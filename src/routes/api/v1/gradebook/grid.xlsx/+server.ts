import { endpoint } from '#lib/server/http/api';
import { ValidationError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';
import { XLSX_TYPE } from '#lib/server/imports/templates';
import { gridXlsxQuery } from '#lib/server/gradebook/report-inputs';
import { exportGridXlsx, importGridXlsx, xlsxUpload } from '#lib/server/gradebook/grid-xlsx';

/** A class's subject grid for a term as .xlsx, in the layout teachers keep. */
export const GET = endpoint({ query: gridXlsxQuery }, async ({ db, p, query }) => {
	const file = await exportGridXlsx(db, p, query);
	return new Response(file.bytes as BodyInit, {
		headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
	});
});

/** Imports the same layout (multipart field `file`): every cell or nothing. */
export const POST = endpoint({ query: gridXlsxQuery }, async ({ db, p, query, event }) => {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		throw new ValidationError(m.gbr_file_missing(), [{ path: 'file', message: m.gbr_file_missing() }]);
	}
	return importGridXlsx(db, p, query, await xlsxUpload(form));
});
