import * as i from './report-inputs';

/** The periodic reports' routes as /api/v1/openapi.json lists them. */
export const reportRouteDocs = [
	{ method: 'get', path: '/program-reports', summary: 'Periodic reports the caller may read (a school leader: their school’s; a unit officer: their unit’s and its schools’; the city officer: all), with status, due date, overdue, and whether the caller owns or receives each. Paged by cursor: `{ items, next }`, the caller’s own reports and those sent to them first, then the others, each newest period first; pass `next` as `cursor` for the following page (`next` is null on the last), `limit` per page (default 50, at most 200)', tag: 'programs', query: i.reportsQuery },
	{ method: 'post', path: '/program-reports', summary: 'Generate a report (draft) for one of the caller’s organisations (`school:<id>` or `unit:<id>`) and a calendar period (`2026-11`, `2026-Q4`, `2026`); one per organisation, template and period (409). Audited.', tag: 'programs', body: i.createReportInput, status: 201 },
	{ method: 'get', path: '/program-reports/{id}', summary: 'One report: figures (live while a draft or returned, the snapshot once submitted), narrative, the moves open to the caller and, for a unit or the city, the roll-up of the level below for the same period', tag: 'programs' },
	{ method: 'put', path: '/program-reports/{id}', summary: 'The owner saves the narrative (a returned report becomes a draft again). Audited.', tag: 'programs', body: i.narrativeInput },
	{ method: 'post', path: '/program-reports/{id}/submit', summary: 'The owner submits it up the tree (school → its management unit → city; the city’s is final): the figures are snapshotted, the receivers notified; a second submit is a 409. Audited.', tag: 'programs', body: i.submitInput },
	{ method: 'post', path: '/program-reports/{id}/accept', summary: 'The receiver (an officer of the parent organisation) accepts a submitted report; the sender is notified. Audited.', tag: 'programs', body: i.decisionInput },
	{ method: 'post', path: '/program-reports/{id}/return', summary: 'The receiver returns a submitted report with a comment (required); the sender is notified and may edit and resubmit. Audited.', tag: 'programs', body: i.decisionInput },
	{ method: 'get', path: '/program-reports/{id}/pdf', summary: 'The report as PDF: official header, period, figures with targets, narrative, status and signature block (application/pdf)', tag: 'programs' },
	{ method: 'get', path: '/program-reports/{id}/xlsx', summary: 'The report as .xlsx: a figures sheet (numbers as numbers) and a narrative sheet', tag: 'programs' },
	{ method: 'get', path: '/report-figures', summary: 'The report figures computed live over an org path the caller may read reports of, for [from, to) (optionally only a template’s groups; default all)', tag: 'programs', query: i.figuresQuery }
] as const;
