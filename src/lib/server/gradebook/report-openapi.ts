import * as i from './report-inputs';

/** The gradebook's outputs (report cards, summaries, the grid as .xlsx) as /api/v1/openapi.json lists them. */
export const gradebookReportRouteDocs = [
	{ method: 'get', path: '/gradebook/report-cards/{learnerId}.pdf', summary: 'Phiếu báo kết quả học tập of one learner for a term or the year (PDF, Vietnamese): the class’s GVCN and school leaders, the learner’s parents and the learner (who, where the school shows scores only after publishing, see no result resting on an unpublished column)', tag: 'gradebook', query: i.learnerReportCardQuery },
	{ method: 'get', path: '/gradebook/report-cards.pdf', summary: 'Every learner’s report card of a class in one PDF, a page each; GVCN and school leaders', tag: 'gradebook', query: i.classReportCardsQuery },
	{ method: 'get', path: '/gradebook/summary', summary: 'For a school, a grade level or a class: secondary classes by learning and conduct level and per-subject score bands; primary classes by subject level (T/H/C) and, for the year, by overall result (TT27)', tag: 'gradebook', query: i.summaryQuery },
	{ method: 'get', path: '/gradebook/summary.xlsx', summary: 'The same summary as an .xlsx with Vietnamese headers', tag: 'gradebook', query: i.summaryQuery },
	{ method: 'get', path: '/gradebook/grid.xlsx', summary: 'A class’s subject grid for a term as .xlsx (STT | Mã học sinh | Họ và tên | TX1 … | GK | CK | ĐTBmhk)', tag: 'gradebook', query: i.gridXlsxQuery },
	{ method: 'post', path: '/gradebook/grid.xlsx', summary: 'Import the grid’s .xlsx layout (multipart field file), all or nothing: 400 with every (row, column, message), 409 when a cell changed meanwhile, 423 when locked. Send the Origin header of this server.', tag: 'gradebook', query: i.gridXlsxQuery, multipart: true }
] as const;
