import * as i from './family-inputs';

/** The register, the family view and publishing, as /api/v1/openapi.json lists them. */
export const gradebookFamilyRouteDocs = [
	{ method: 'get', path: '/attendance', summary: 'A class’s register (điểm danh) for a day: every learner in Vietnamese order with the day’s status (present until recorded otherwise); the homeroom teacher and the school leader', tag: 'gradebook', query: i.attendanceQuery },
	{ method: 'put', path: '/attendance', summary: 'Save a day’s register, all or nothing: 400 with a message per row (unknown learner, invalid status) or for the date (future, outside both terms). Only the class’s homeroom teacher. Audited; guardians with an email are told of a new absence or late arrival.', tag: 'gradebook', body: i.attendanceInput },
	{ method: 'get', path: '/attendance/totals', summary: 'Each learner’s attendance in a term: present, excused, unexcused, late, days recorded, and the sessions of absence counted for promotion (TT22 Điều 12)', tag: 'gradebook', query: i.attendanceTotalsQuery },
	{ method: 'get', path: '/learners/{id}/gradebook', summary: 'One learner’s scores per term and subject with term results, attendance totals and conduct; parents for their children, a learner for themself, the homeroom teacher and leaders. With scoreVisibility after_publish, families see only published columns.', tag: 'gradebook', query: i.learnerGradebookQuery },
	{ method: 'post', path: '/gradebook/columns/{id}/publish', summary: 'Publish a score column to families; the assigned subject teacher. Audited; with scoreVisibility after_publish, guardians are told.', tag: 'gradebook' },
	{ method: 'delete', path: '/gradebook/columns/{id}/publish', summary: 'Withdraw a published column from families’ view; the assigned subject teacher. Audited.', tag: 'gradebook' }
] as const;
