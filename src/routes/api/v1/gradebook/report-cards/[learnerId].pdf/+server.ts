import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';
import { learnerReportCardQuery } from '#lib/server/gradebook/report-inputs';
import { learnerReportCard, pdfResponse } from '#lib/server/gradebook/report-card';

/** Phiếu báo kết quả học tập of one learner for a term or the year, as a PDF download. */
export const GET = endpoint({ query: learnerReportCardQuery }, async ({ db, p, query, event }) => {
	const learnerId = z.uuid().safeParse(event.params.learnerId);
	if (!learnerId.success) throw new NotFoundError(m.error_not_found());
	return pdfResponse(await learnerReportCard(db, p, { learnerId: learnerId.data, period: query.period, classId: query.classId }));
});
