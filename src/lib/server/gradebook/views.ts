/**
 * Read models and form parsing for the gradebook pages (/gradebook…). Everything goes through the
 * gradebook and organisations services, so the pages see exactly what the API would show.
 */
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { can, decidesOwnRequest, mayEver } from '../auth/policy';
import { getSchool, listClasses, listSchoolYears, listSubjects } from '../organisations/service';
import { getSetting } from '../settings/service';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { m } from '#lib/paraglide/messages.js';
import { classContext, listAssignments, type CellEdit, type Grid } from './service';

type Assignment = Awaited<ReturnType<typeof listAssignments>>[number];
const link = (a: Assignment) => ({ classId: a.classId, className: a.className, subjectId: a.subjectId, subjectName: a.subjectName, teacherName: a.teacherName });

/** The homeroom view of a class: every learner × subject, learning, conduct (/gradebook/class/[classId]). */
export const classResultsHref = (classId: string) => `/gradebook/class/${classId}`;

/** The schools a principal leads (school-scoped school_leader grants). */
export function ledSchoolIds(p: Principal): string[] {
	return [...new Set(p.grants.filter((g) => g.role === 'school_leader' && g.scopeType === 'school' && g.scopeId).map((g) => g.scopeId!))];
}

/** The school year a school is in now: the latest that has started, else the first. */
export async function currentYear(db: Executor, p: Principal, schoolId: string, today = new Date().toISOString().slice(0, 10)) {
	const years = await listSchoolYears(db, p, schoolId);
	const started = years.filter((y) => y.startsOn <= today);
	return { years, current: started.at(-1) ?? years[0] };
}

/**
 * The entry page: the subjects a teacher teaches, the homeroom teacher's class with every subject
 * taught in it, and for a school leader each class of the current year with its subjects.
 */
export async function gradebookHome(db: Executor, p: Principal) {
	const teaching = (await listAssignments(db, p, { teacherId: p.personId })).map(link);

	const homeroomClassIds = [...new Set(p.grants.filter((g) => g.role === 'homeroom_teacher' && g.scopeType === 'class' && g.scopeId).map((g) => g.scopeId!))];
	const homeroom = [];
	for (const classId of homeroomClassIds) {
		const subjects = (await listAssignments(db, p, { classId })).map(link);
		if (subjects.length) homeroom.push({ classId, className: subjects[0].className, subjects, resultsHref: classResultsHref(classId) });
	}

	const schools = [];
	for (const schoolId of ledSchoolIds(p)) {
		const school = await getSchool(db, p, schoolId);
		const { current } = await currentYear(db, p, schoolId);
		const [classes, assignments, { subjects }] = await Promise.all([
			current ? listClasses(db, p, { schoolId, schoolYearId: current.id }) : [],
			listAssignments(db, p, { schoolId }),
			listSubjects(db, p, schoolId)
		]);
		schools.push({
			id: school.id,
			name: school.name,
			classes: classes.map((c) => ({ id: c.id, name: c.name, resultsHref: classResultsHref(c.id), subjects: assignments.filter((a) => a.classId === c.id).map(link) })),
			subjects: subjects.map((s) => ({ id: s.id, name: s.name }))
		});
	}

	return {
		teaching,
		homeroom,
		schools,
		canLock: mayEver(p, 'create', 'grade_lock'),
		canDecide: mayEver(p, 'update', 'grade_change'),
		canRequest: mayEver(p, 'create', 'grade_change'),
		// As gradebookSummary authorises: the leader for the school, the homeroom teacher for their class.
		canSummarize: p.grants.some((g) => g.role === 'school_leader' || (g.role === 'homeroom_teacher' && g.scopeType === 'class'))
	};
}

/** A grid cell's key in forms and in the page's state: `<columnId>:<learnerId>`. */
export const cellKey = (columnId: string, learnerId: string) => `${columnId}:${learnerId}`;

/**
 * The cells a teacher changed in the grid form (posted without JavaScript): every `cell:<key>`
 * whose value differs from the `orig:<key>` shown, with the version of `version:<key>`.
 */
export function changedCells(grid: Grid, form: FormData): { edits: CellEdit[]; keys: string[]; typed: Record<string, string>; versions: Record<string, number> } {
	const edits: CellEdit[] = [];
	const keys: string[] = [];
	const typed: Record<string, string> = {};
	const versions: Record<string, number> = {};
	for (const row of grid.rows) {
		for (const col of grid.columns) {
			const key = cellKey(col.id, row.learner.id);
			const value = form.get(`cell:${key}`);
			if (typeof value !== 'string') continue;
			const version = Number(form.get(`version:${key}`) ?? row.cells[col.id].version);
			const orig = form.get(`orig:${key}`) ?? row.cells[col.id].text;
			typed[key] = value;
			versions[key] = Number.isInteger(version) && version >= 0 ? version : 0;
			if (value.trim() === String(orig).trim()) continue;
			edits.push({ columnId: col.id, learnerId: row.learner.id, value: value.trim(), version: versions[key] });
			keys.push(key);
		}
	}
	return { edits, keys, typed, versions };
}

/** The cell a "Ghi vắng kiểm tra" form is about: a term assessment of a secondary grid, else null. */
export function missedCell(grid: Grid, key: string | null | undefined) {
	const [columnId, learnerId] = (key ?? '').split(':');
	const column = grid.class.stage === 'secondary' ? grid.columns.find((c) => c.id === columnId && c.kind !== 'retake') : undefined;
	const row = grid.rows.find((r) => r.learner.id === learnerId);
	if (!column || !row) return null;
	const cell = row.cells[column.id];
	return { columnId: column.id, learnerId: row.learner.id, column: column.label, learner: row.learner.name, text: cell.text, version: cell.version, missedReason: cell.missedReason, makeup: cell.makeup };
}

/**
 * The one-cell edit of the "Ghi vắng kiểm tra" form (TT22/2021 Điều 7): `reason` force_majeure |
 * other | none (clears the miss), `makeup` pending | not_taken (force majeure only), `value` the
 * make-up's result typed as in the grid, `version` the cell's version the form was shown with.
 * A miss that counts as 0 / Chưa đạt cannot also carry a score.
 */
export function missedCellEdit(grid: Grid, values: Record<string, string | undefined>): CellEdit {
	const cell = missedCell(grid, `${values.columnId}:${values.learnerId}`);
	if (!cell) throw new NotFoundError(m.error_not_found());
	const reason = values.reason === 'force_majeure' || values.reason === 'other' ? values.reason : values.reason === 'none' ? null : undefined;
	const makeup = reason === 'force_majeure' ? (values.makeup === 'not_taken' ? 'not_taken' : 'pending') : null;
	const value = values.value?.trim() ?? '';
	const issues: FieldIssue[] = [];
	if (reason === undefined) issues.push({ path: 'reason', message: m.gbui_missed_reason_required() });
	if (value && (reason === 'other' || makeup === 'not_taken')) issues.push({ path: 'value', message: m.gbui_missed_value_counts_zero() });
	if (issues.length) throw new ValidationError(issues[0].message, issues);
	const version = Number(values.version ?? cell.version);
	return { columnId: cell.columnId, learnerId: cell.learnerId, value, version: Number.isInteger(version) && version >= 0 ? version : 0, missedReason: reason ?? null, makeup };
}

/** The cell a "Nhận xét" form is about: any column of the grid (primary and secondary), else null. */
export function commentCell(grid: Grid, key: string | null | undefined) {
	const [columnId, learnerId] = (key ?? '').split(':');
	const column = grid.columns.find((c) => c.id === columnId);
	const row = grid.rows.find((r) => r.learner.id === learnerId);
	if (!column || !row) return null;
	const cell = row.cells[column.id];
	return { columnId: column.id, learnerId: row.learner.id, column: column.label, learner: row.learner.name, text: cell.text, version: cell.version, comment: cell.comment };
}

/** How long a comment may be (as the API's `comment` field). */
export const COMMENT_MAX = 2000;

/**
 * The one-cell edit of the "Nhận xét" form (TT27/2020 Điều 6–7: the teacher assesses by comments
 * with the level): the cell's value is sent back as it is, so only the comment changes; `version`
 * is the cell's version the form was shown with.
 */
export function commentCellEdit(grid: Grid, values: Record<string, string | undefined>): CellEdit {
	const cell = commentCell(grid, `${values.columnId}:${values.learnerId}`);
	if (!cell) throw new NotFoundError(m.error_not_found());
	const comment = (values.comment ?? '').trim();
	if (comment.length > COMMENT_MAX) throw new ValidationError(m.gbui_comment_too_long(), [{ path: 'comment', message: m.gbui_comment_too_long() }]);
	const version = Number(values.version ?? cell.version);
	return { columnId: cell.columnId, learnerId: cell.learnerId, value: cell.text, version: Number.isInteger(version) && version >= 0 ? version : 0, comment };
}

/**
 * Công bố điểm on the grid page: null where the school shows scores at once (nothing to show);
 * otherwise whether this principal may publish the grid's columns (its assigned subject teacher).
 */
export async function gridPublishing(db: Executor, p: Principal, grid: Grid): Promise<{ canPublish: boolean } | null> {
	const cls = await classContext(db, grid.class.id);
	if (!cls || (await getSetting(db, cls.path, 'gradebook.scoreVisibility')) !== 'after_publish') return null;
	return { canPublish: can(p, 'update', 'grade', { path: cls.path, teacherId: grid.teacher?.id }) };
}

/** May the principal decide this change request (the leader of its school, never for their own request)? */
export const mayDecide = (p: Principal, r: { path: string; requestedBy: string }) => can(p, 'update', 'grade_change', { path: r.path }) && !decidesOwnRequest(p, r);

/**
 * The learner's report cards (phiếu báo kết quả học tập) for the family's page: term 1, term 2
 * and the year, from the class the page shows; none for preschool, which has no report card.
 */
export function reportCardLinks(view: { learner: { id: string }; class: { id: string; stage: string } | null }) {
	if (!view.class || view.class.stage === 'preschool') return [];
	const classId = view.class.id;
	return ([1, 2, 'year'] as const).map((period) => ({ period, href: `/api/v1/gradebook/report-cards/${view.learner.id}.pdf?period=${period}&classId=${classId}` }));
}
