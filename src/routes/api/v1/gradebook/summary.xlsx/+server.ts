import { endpoint } from '#lib/server/http/api';
import { XLSX_TYPE } from '#lib/server/imports/templates';
import { summaryQuery } from '#lib/server/gradebook/report-inputs';
import { gradebookSummary, summaryFileName, summaryXlsx } from '#lib/server/gradebook/summaries';

/** The summary as an .xlsx download with Vietnamese headers. */
export const GET = endpoint({ query: summaryQuery }, async ({ db, p, query }) => {
	const summary = await gradebookSummary(db, p, query);
	return new Response((await summaryXlsx(summary)) as BodyInit, {
		headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${summaryFileName(summary)}"`, 'cache-control': 'private, no-store' }
	});
});
