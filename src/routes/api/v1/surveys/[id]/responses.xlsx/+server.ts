import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { XLSX_TYPE } from '#lib/server/imports/templates';
import { responsesXlsx } from '#lib/server/programs/survey-export';

export const GET = endpoint({}, async ({ db, p, event }) => {
	const x = await responsesXlsx(db, p, parse(idParam, event.params).id);
	return new Response(x.bytes as BodyInit, { headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${x.fileName}"`, 'cache-control': 'private, no-store' } });
});
