import { endpoint } from '#lib/server/http/api';
import { classReportCardsQuery } from '#lib/server/gradebook/report-inputs';
import { classReportCards, pdfResponse } from '#lib/server/gradebook/report-card';

/** Every learner's report card of a class in one PDF, a page each. */
export const GET = endpoint({ query: classReportCardsQuery }, async ({ db, p, query }) => pdfResponse(await classReportCards(db, p, query)));
