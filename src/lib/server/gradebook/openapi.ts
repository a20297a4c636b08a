import * as i from './inputs';

/** The gradebook routes as /api/v1/openapi.json lists them. */
export const gradebookRouteDocs = [
	{ method: 'get', path: '/teaching-assignments', summary: 'Who teaches which subject in which class (phân công giảng dạy), within scope', tag: 'gradebook', query: i.assignmentsQuery },
	{ method: 'post', path: '/teaching-assignments', summary: 'Assign (or reassign) the teacher of a subject in a class; school leader. Audited.', tag: 'gradebook', body: i.assignmentInput, status: 201 },
	{ method: 'delete', path: '/teaching-assignments/{id}', summary: 'Remove a teaching assignment. Audited.', tag: 'gradebook', status: 204 },
	{ method: 'get', path: '/gradebook/grid', summary: 'A class’s subject grid for a term: columns (TX, GK, CK by TT22/TT27), learners in Vietnamese order, every cell with its version, and each learner’s term result', tag: 'gradebook', query: i.gridQuery },
	{ method: 'put', path: '/gradebook/scores', summary: 'Bulk upsert of cells, all or nothing: 400 with a message per invalid cell, 409 with the current values when a cell’s version is stale, 423 when the term is locked. Only the assigned subject teacher.', tag: 'gradebook', body: i.scoresInput },
	{ method: 'get', path: '/gradebook/history', summary: 'Every value a cell has had (append-only)', tag: 'gradebook', query: i.historyQuery },
	{ method: 'get', path: '/gradebook/locks', summary: 'Locked terms of a school year', tag: 'gradebook', query: i.locksQuery },
	{ method: 'post', path: '/gradebook/locks', summary: 'Lock a term for a class or (without classId) the whole school; school leader. Audited.', tag: 'gradebook', body: i.lockInput, status: 201 },
	{ method: 'delete', path: '/gradebook/locks/{id}', summary: 'Unlock a term. Audited.', tag: 'gradebook', status: 204 },
	{ method: 'get', path: '/gradebook/change-requests', summary: 'Change requests: a leader’s school’s, or the ones the caller sent; each with who asked and when (requestedByName, requestedAt) and who decided and when (decidedByName, decidedAt)', tag: 'gradebook', query: i.changeRequestsQuery },
	{ method: 'post', path: '/gradebook/change-requests', summary: 'Ask to change a cell of a locked term (old value, new value, reason); the assigned teacher', tag: 'gradebook', body: i.changeRequestInput, status: 201 },
	{ method: 'post', path: '/gradebook/change-requests/{id}/withdraw', summary: 'The sender takes back a pending request. Audited.', tag: 'gradebook' },
	{ method: 'post', path: '/gradebook/change-requests/{id}/decision', summary: 'Approve (writes the new value with the reason into the history and emails the learner’s guardians where they see the column) or reject; school leader, never for their own request (403)', tag: 'gradebook', body: i.decisionInput },
	{ method: 'get', path: '/gradebook/results', summary: 'A class’s results for a term or the year: every subject’s average or Đạt/Chưa đạt, learning level (TT22 Điều 9), conduct, attendance, and for the year promotion and awards', tag: 'gradebook', query: i.resultsQuery },
	{ method: 'put', path: '/gradebook/conduct', summary: 'The homeroom teacher’s conduct assessment (Tốt/Khá/Đạt/Chưa đạt) and comment per learner for a term; all or nothing, versioned. Audited.', tag: 'gradebook', body: i.conductInput },
	{ method: 'get', path: '/gradebook/qualities', summary: 'Primary (TT27 Điều 7): every pupil’s ratings of the 15 qualities and competencies at an assessment point (1 giữa HK I, 2 cuối HK I, 3 giữa HK II, 4 cuối năm)', tag: 'gradebook', query: i.qualitiesQuery },
	{ method: 'put', path: '/gradebook/qualities', summary: 'Save ratings Tốt/Đạt/Cần cố gắng; homeroom teacher; all or nothing, versioned. Audited.', tag: 'gradebook', body: i.qualitiesInput },
	{ method: 'get', path: '/gradebook/development-indicators', summary: 'Preschool: the school’s development indicators per domain (nhà trẻ / mẫu giáo)', tag: 'gradebook', query: i.indicatorsQuery },
	{ method: 'post', path: '/gradebook/development-indicators', summary: 'Add a development indicator to the school’s list; school leader. Audited.', tag: 'gradebook', body: i.indicatorInput, status: 201 },
	{ method: 'get', path: '/gradebook/development', summary: 'Preschool: a period’s observations for a class (reached / not yet / not observed, notes) with each child’s summary per domain', tag: 'gradebook', query: i.developmentQuery },
	{ method: 'put', path: '/gradebook/development', summary: 'Record observations; homeroom teacher; all or nothing, versioned. Audited.', tag: 'gradebook', body: i.developmentInput },
	{ method: 'post', path: '/gradebook/retake-columns', summary: 'Add the re-assessment column (kiểm tra lại, TT22 Điều 12–14) to a class’s subject after the year; its cells stay writable when the term is locked and take a value only for learners due to re-sit', tag: 'gradebook', body: i.retakeInput, status: 201 }
] as const;
