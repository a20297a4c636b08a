import { endpoint } from '#lib/server/http/api';
import { ValidationError } from '#lib/server/errors';
import { xlsxUpload } from '#lib/server/gradebook/grid-xlsx';
import { yearField } from '#lib/server/programs/budget-inputs';
import { budgetAccess, importPlanXlsx, plain } from '#lib/server/programs/budget-service';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

const query = z.object({ year: yearField });

/** A year's plan from an .xlsx in the export's layout (multipart field `file`): all rows or none. */
export const POST = endpoint({ query }, async ({ db, p, query, event }) => {
	await budgetAccess(db, p, 'update');
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		throw new ValidationError(m.gbr_file_missing(), [{ path: 'file', message: m.gbr_file_missing() }]);
	}
	return plain(await importPlanXlsx(db, p, query.year, await xlsxUpload(form)));
});
