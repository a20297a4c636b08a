import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { XLSX_TYPE } from '#lib/server/imports/templates';
import { getReport } from '#lib/server/programs/report-service';
import { reportXlsx } from '#lib/server/programs/report-export';

export const GET = endpoint({}, async ({ db, p, event }) => {
	const file = await reportXlsx(await getReport(db, p, parse(idParam, event.params).id));
	return new Response(file.bytes as BodyInit, { headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' } });
});
