import { endpoint } from '#lib/server/http/api';
import { XLSX_TYPE } from '#lib/server/imports/templates';
import { yearQuery } from '#lib/server/programs/budget-inputs';
import { exportBudgetXlsx } from '#lib/server/programs/budget-service';

export const GET = endpoint({ query: yearQuery }, async ({ db, p, query }) => {
	const file = await exportBudgetXlsx(db, p, query.year ?? null);
	return new Response(file.bytes as BodyInit, { headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' } });
});
