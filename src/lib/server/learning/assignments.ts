/**
 * Assignments (bài tập) and submissions: the class's subject teacher sets one with instructions,
 * attachments, open and due dates, a maximum and an optional rubric; learners of the class hand in
 * text and files (again, until it is due); the teacher grades with the rubric and a comment and
 * sends the scores to a regular-assessment column of the gradebook in one all-or-nothing save.
 * Permissions come from the central policy (kinds `assignment`, `submission`); rules from
 * ./assignment-rules; every write is one transaction with its audit record (and outbox email).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { enqueueMany } from '../platform/outbox';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { classes, subjects } from '../organisations/schema';
import { accounts, persons } from '../people/schema';
import * as orgRepo from '../organisations/repository';
import { fullName, sortVietnamese } from '../people/names';
import { gradeColumns, teachingAssignments } from '../gradebook/schema';
import { getGrid, saveCells, type CellEdit } from '../gradebook/service';
import { files } from '../files/schema';
import { downloadResponse, presentFile, recordFiles, type FileRow } from '../files/service';
import { discardUploads, readUploads } from '../files/upload';
import { assignmentAttachments, assignments, submissionFiles, submissions } from './assignment-schema';
import { fromTenths, maxOf, rubricTotal, submissionStatus, submissionWindow, tenthsOf, toGradebookTenths, type Criterion, type RubricScores } from './assignment-rules';
import { m } from '#lib/paraglide/messages.js';

type Assignment = typeof assignments.$inferSelect;
type Submission = typeof submissions.$inferSelect;

/** The subject teacher of the class now (the teaching assignment): the one who manages and grades. */
const currentTeacher = sql<string | null>`(select ta.teacher_id from ${teachingAssignments} ta where ta.class_id = ${assignments.classId} and ta.subject_id = ${assignments.subjectId})`;

async function load(db: Executor, id: string) {
	const [row] = await db
		.select({ a: assignments, teacherId: currentTeacher, className: classes.name, subjectName: subjects.name })
		.from(assignments)
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.innerJoin(subjects, eq(subjects.id, assignments.subjectId))
		.where(eq(assignments.id, id));
	if (!row) return undefined;
	const enrolled = await orgRepo.listEnrolledLearners(db, row.a.classId);
	return { ...row.a, currentTeacherId: row.teacherId, className: row.className, subjectName: row.subjectName, learners: sortVietnamese(enrolled) };
}
type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

const resourceOf = (a: Loaded): Resource => ({ path: a.path, teacherId: a.currentTeacherId ?? undefined, enrolledIds: a.learners.map((l) => l.id) });
const submissionResource = (a: Loaded, learnerId: string): Resource => ({ path: a.path, teacherId: a.currentTeacherId ?? undefined, personId: learnerId });

/** The assignment if the caller may read it; 404 otherwise (a learner of another class, a colleague outside the class). */
async function readable(db: Executor, p: Principal, id: string) {
	const a = await load(db, id);
	authorize(p, 'read', 'assignment', a ? resourceOf(a) : undefined);
	return a!;
}
async function manageable(db: Executor, p: Principal, id: string) {
	const a = await readable(db, p, id);
	authorize(p, 'update', 'assignment', resourceOf(a));
	return a;
}

const presentAssignment = (a: Assignment) => ({
	id: a.id,
	schoolId: a.schoolId,
	schoolYearId: a.schoolYearId,
	classId: a.classId,
	subjectId: a.subjectId,
	teacherId: a.teacherId,
	path: a.path,
	title: a.title,
	instructions: a.instructions,
	opensAt: a.opensAt,
	dueAt: a.dueAt,
	maxScore: a.maxTenths / 10,
	rubric: a.rubric.map((c) => ({ key: c.key, title: c.title, points: c.maxTenths / 10 })),
	sentColumnId: a.sentColumnId,
	sentAt: a.sentAt,
	version: a.version,
	createdAt: a.createdAt
});

const presentSubmission = (a: Pick<Assignment, 'dueAt'>, s: Submission, fileRows: FileRow[], now: Date) => ({
	id: s.id,
	learnerId: s.learnerId,
	text: s.text,
	submittedAt: s.submittedAt,
	attempts: s.attempts,
	status: submissionStatus(a.dueAt, s.submittedAt, now),
	score: fromTenths(s.scoreTenths),
	rubricScores: s.rubricScores ? Object.fromEntries(Object.entries(s.rubricScores).map(([k, v]) => [k, v / 10])) : null,
	comment: s.comment,
	gradedAt: s.gradedAt,
	graded: s.gradedAt !== null,
	version: s.version,
	files: fileRows.map(presentFile)
});

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Assignments the caller may see, newest due first: a teacher's classes' subjects, a learner's
 * classes, a parent's children's classes, a homeroom teacher's class, a leader's school. Learners
 * and parents get the status of their (children's) work; teachers the number handed in.
 */
export async function listAssignments(db: Executor, p: Principal, f: { classId?: string; subjectId?: string } = {}) {
	authorizeList(p, 'assignment');
	const conds = [scopeCondition(p, 'read', 'assignment', { path: assignments.path, teacherId: currentTeacher })];
	if (f.classId) conds.push(eq(assignments.classId, f.classId));
	if (f.subjectId) conds.push(eq(assignments.subjectId, f.subjectId));
	const rows = await db
		.select({
			a: assignments,
			teacherId: currentTeacher,
			className: classes.name,
			subjectName: subjects.name,
			handedIn: sql<number>`(select count(*)::int from ${submissions} s where s.assignment_id = ${assignments.id})`,
			enrolled: sql<number>`(select count(*)::int from enrolments e where e.class_id = ${assignments.classId})`
		})
		.from(assignments)
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.innerJoin(subjects, eq(subjects.id, assignments.subjectId))
		.where(and(...conds))
		.orderBy(desc(assignments.dueAt))
		.limit(500);
	const ids = rows.map((r) => r.a.id);
	const own = [p.personId, ...p.childIds];
	const mine = ids.length
		? await db
				.select()
				.from(submissions)
				.where(and(inArray(submissions.assignmentId, ids), inArray(submissions.learnerId, own)))
		: [];
	const now = new Date();
	return rows.map((r) => {
		const work = mine.filter((s) => s.assignmentId === r.a.id);
		return {
			...presentAssignment(r.a),
			className: r.className,
			subjectName: r.subjectName,
			canManage: can(p, 'update', 'assignment', { path: r.a.path, teacherId: r.teacherId ?? undefined }),
			handedIn: r.handedIn,
			enrolled: r.enrolled,
			/** The caller's own (a learner) or their children's work. */
			mine: work.map((s) => ({ learnerId: s.learnerId, status: submissionStatus(r.a.dueAt, s.submittedAt, now), score: fromTenths(s.scoreTenths), graded: s.gradedAt !== null })),
			myStatus: p.grants.some((g) => g.role === 'learner') ? submissionStatus(r.a.dueAt, work.find((s) => s.learnerId === p.personId)?.submittedAt, now) : undefined
		};
	});
}

async function filesOf(db: Executor, submissionIds: string[]) {
	if (!submissionIds.length) return new Map<string, FileRow[]>();
	const rows = await db
		.select({ submissionId: submissionFiles.submissionId, file: files })
		.from(submissionFiles)
		.innerJoin(files, eq(files.id, submissionFiles.fileId))
		.where(inArray(submissionFiles.submissionId, submissionIds))
		.orderBy(asc(submissionFiles.createdAt));
	const out = new Map<string, FileRow[]>();
	for (const r of rows) out.set(r.submissionId, [...(out.get(r.submissionId) ?? []), r.file]);
	return out;
}

async function attachmentsOf(db: Executor, assignmentId: string) {
	const rows = await db
		.select({ file: files })
		.from(assignmentAttachments)
		.innerJoin(files, eq(files.id, assignmentAttachments.fileId))
		.where(eq(assignmentAttachments.assignmentId, assignmentId))
		.orderBy(asc(assignmentAttachments.createdAt));
	return rows.map((r) => r.file);
}

/**
 * One assignment with its attachments and the work the caller may see: every learner of the class
 * (submitted, late, missing or pending) for the teacher, the homeroom teacher and the leader; one's
 * own for a learner; one's children's for a parent.
 */
export async function getAssignment(db: Executor, p: Principal, id: string) {
	const a = await readable(db, p, id);
	const now = new Date();
	const visibleLearners = a.learners.filter((l) => can(p, 'read', 'submission', submissionResource(a, l.id)));
	const subs = visibleLearners.length
		? await db
				.select()
				.from(submissions)
				.where(and(eq(submissions.assignmentId, a.id), inArray(submissions.learnerId, visibleLearners.map((l) => l.id))))
		: [];
	const fileMap = await filesOf(db, subs.map((s) => s.id));
	const byLearner = new Map(subs.map((s) => [s.learnerId, s]));
	const canManage = can(p, 'update', 'assignment', resourceOf(a));
	const enrolledSelf = a.learners.some((l) => l.id === p.personId);
	return {
		...presentAssignment(a),
		className: a.className,
		subjectName: a.subjectName,
		attachments: (await attachmentsOf(db, a.id)).map(presentFile),
		canManage,
		canSubmit: enrolledSelf && can(p, 'create', 'submission', submissionResource(a, p.personId)) && submissionWindow(a, byLearner.has(p.personId), now) === 'open' && !byLearner.get(p.personId)?.gradedAt,
		window: submissionWindow(a, byLearner.has(p.personId), now),
		learners: visibleLearners.map((l) => {
			const s = byLearner.get(l.id);
			return {
				learnerId: l.id,
				name: fullName(l),
				learnerCode: l.learnerCode,
				status: submissionStatus(a.dueAt, s?.submittedAt, now),
				submission: s ? presentSubmission(a, s, fileMap.get(s.id) ?? [], now) : null
			};
		})
	};
}

/** Regular-assessment score columns (ĐĐGtx) of the class's subject, both terms, for "send to the gradebook". */
export async function gradebookTargets(db: Executor, p: Principal, id: string) {
	const a = await manageable(db, p, id);
	const out: { columnId: string; term: number; label: string; locked: boolean }[] = [];
	for (const term of [1, 2] as const) {
		const grid = await getGrid(db, p, { classId: a.classId, subjectId: a.subjectId, term });
		for (const c of grid.columns) if (c.kind === 'regular' && c.valueType === 'score') out.push({ columnId: c.id, term, label: c.label, locked: grid.locked });
	}
	return out;
}

// ── The teacher ─────────────────────────────────────────────────────────────────────────────────

export interface AssignmentInput {
	classId: string;
	subjectId: string;
	title: string;
	/** The topic it practises; counts towards mastery. */
	topic?: string;
	instructions: string;
	opensAt?: string;
	dueAt: string;
	maxScore: number;
	rubric: { title: string; points: number }[];
}

async function learnerEmails(db: Executor, learnerIds: string[]) {
	if (!learnerIds.length) return [];
	const rows = await db
		.selectDistinct({ email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})` })
		.from(persons)
		.leftJoin(accounts, eq(accounts.personId, persons.id))
		.where(inArray(persons.id, learnerIds));
	return rows.map((r) => r.email).filter((e): e is string => Boolean(e));
}

/** A new assignment for a class's subject, by its subject teacher; the class's learners are told. */
export async function createAssignment(db: Executor, p: Principal, input: AssignmentInput) {
	const [cls] = await db.select().from(classes).where(eq(classes.id, input.classId));
	if (!cls) throw new ValidationError(m.asg_class_unknown(), [{ path: 'classId', message: m.asg_class_unknown() }]);
	const [subject] = await db.select().from(subjects).where(and(eq(subjects.id, input.subjectId), eq(subjects.schoolId, cls.schoolId)));
	if (!subject) throw new ValidationError(m.asg_subject_unknown(), [{ path: 'subjectId', message: m.asg_subject_unknown() }]);
	const [ta] = await db.select().from(teachingAssignments).where(and(eq(teachingAssignments.classId, cls.id), eq(teachingAssignments.subjectId, subject.id)));
	authorizeCreate(p, 'assignment', { path: cls.path, teacherId: ta?.teacherId });
	const rubric: Criterion[] = input.rubric.map((c, i) => ({ key: `c${i + 1}`, title: c.title, maxTenths: tenthsOf(c.points)! }));
	const maxTenths = maxOf(rubric, tenthsOf(input.maxScore)!);
	const learners = await orgRepo.listEnrolledLearners(db, cls.id);
	return db.transaction(async (tx) => {
		const [a] = await tx
			.insert(assignments)
			.values({
				schoolId: cls.schoolId,
				schoolYearId: cls.schoolYearId,
				classId: cls.id,
				subjectId: subject.id,
				teacherId: p.personId,
				path: cls.path,
				title: input.title,
				topic: input.topic ?? '',
				instructions: input.instructions,
				opensAt: input.opensAt ? new Date(input.opensAt) : new Date(),
				dueAt: new Date(input.dueAt),
				maxTenths,
				rubric
			})
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'assignment', entityId: a.id, scopePath: a.path, schoolId: a.schoolId, after: a });
		const subjectLine = m.asg_notify_new_subject({ title: a.title, subject: subject.name });
		const body = m.asg_notify_new_body({ title: a.title, subject: subject.name, className: cls.name, teacher: p.displayName });
		await enqueueMany(tx, (await learnerEmails(tx, learners.map((l) => l.id))).map((recipient) => ({ channel: 'email', recipient, subject: subjectLine, body })));
		return presentAssignment(a);
	});
}

/** Streams files into the store and attaches them to the assignment (its teacher). */
export async function addAssignmentAttachments(db: Executor, p: Principal, id: string, request: Request) {
	const a = await manageable(db, p, id);
	const upload = await readUploads(request);
	if (!upload.files.length) throw new ValidationError(m.file_none(), [{ path: 'file', message: m.file_none() }]);
	try {
		return await db.transaction(async (tx) => {
			const rows = await recordFiles(tx, p, { schoolId: a.schoolId, path: a.path }, upload.files);
			await tx.insert(assignmentAttachments).values(rows.map((f) => ({ assignmentId: a.id, fileId: f.id })));
			return rows.map(presentFile);
		});
	} catch (e) {
		await discardUploads(upload.files);
		throw e;
	}
}

/** One file of the assignment: an attachment (anyone who reads the assignment) or a submitted file (who reads that submission). */
export async function downloadAssignmentFile(db: Executor, p: Principal, id: string, fileId: string, inline: boolean) {
	const a = await readable(db, p, id);
	const [attachment] = await db
		.select({ file: files })
		.from(assignmentAttachments)
		.innerJoin(files, eq(files.id, assignmentAttachments.fileId))
		.where(and(eq(assignmentAttachments.assignmentId, a.id), eq(assignmentAttachments.fileId, fileId)));
	if (attachment) return downloadResponse(attachment.file, { inline });
	const [submitted] = await db
		.select({ file: files, learnerId: submissions.learnerId })
		.from(submissionFiles)
		.innerJoin(submissions, eq(submissions.id, submissionFiles.submissionId))
		.innerJoin(files, eq(files.id, submissionFiles.fileId))
		.where(and(eq(submissions.assignmentId, a.id), eq(submissionFiles.fileId, fileId)));
	if (!submitted || !can(p, 'read', 'submission', submissionResource(a, submitted.learnerId))) throw new NotFoundError(m.error_not_found());
	return downloadResponse(submitted.file, { inline });
}

export interface GradeInput {
	score?: number;
	rubric?: Record<string, number>;
	comment: string;
	version?: number;
}

/** Grades a learner's submission (the class's subject teacher only): the rubric's total, or a score up to the maximum. */
export async function gradeSubmission(db: Executor, p: Principal, id: string, learnerId: string, input: GradeInput) {
	const a = await readable(db, p, id);
	if (!a.learners.some((l) => l.id === learnerId)) throw new NotFoundError(m.error_not_found());
	authorize(p, 'update', 'submission', submissionResource(a, learnerId));
	const [before] = await db.select().from(submissions).where(and(eq(submissions.assignmentId, a.id), eq(submissions.learnerId, learnerId)));
	if (!before) throw new ConflictError(m.asg_nothing_submitted());
	let scoreTenths: number;
	let rubricScores: RubricScores | null = null;
	if (a.rubric.length) {
		if (!input.rubric) throw new ValidationError(m.asg_rubric_required(), [{ path: 'rubric', message: m.asg_rubric_required() }]);
		rubricScores = Object.fromEntries(Object.entries(input.rubric).map(([k, v]) => [k, tenthsOf(v) ?? NaN]));
		const total = rubricTotal(a.rubric, rubricScores);
		if (!total.ok) {
			const titleOf = (key: string) => a.rubric.find((c) => c.key === key)?.title ?? key;
			const issues = total.problems.map((pr) => ({
				path: `rubric.${pr.key}`,
				message: pr.code === 'missing' ? m.asg_rubric_missing({ criterion: titleOf(pr.key) }) : pr.code === 'unknown' ? m.asg_rubric_unknown({ criterion: pr.key }) : m.asg_rubric_out_of_range({ criterion: titleOf(pr.key), max: (a.rubric.find((c) => c.key === pr.key)?.maxTenths ?? 0) / 10 })
			}));
			throw new ValidationError(m.asg_rubric_invalid(), issues);
		}
		scoreTenths = total.totalTenths;
	} else {
		if (input.score === undefined) throw new ValidationError(m.asg_score_required({ max: a.maxTenths / 10 }), [{ path: 'score', message: m.asg_score_required({ max: a.maxTenths / 10 }) }]);
		scoreTenths = tenthsOf(input.score)!;
		if (scoreTenths > a.maxTenths) throw new ValidationError(m.asg_score_over({ max: a.maxTenths / 10 }), [{ path: 'score', message: m.asg_score_over({ max: a.maxTenths / 10 }) }]);
	}
	return db.transaction(async (tx) => {
		const conds = [eq(submissions.id, before.id)];
		if (input.version !== undefined) conds.push(eq(submissions.version, input.version));
		const [s] = await tx
			.update(submissions)
			.set({ scoreTenths, rubricScores, comment: input.comment, gradedAt: new Date(), gradedBy: p.personId, version: sql`${submissions.version} + 1` })
			.where(and(...conds))
			.returning();
		if (!s) throw new ConflictError(m.asg_stale());
		await writeAudit(tx, p, {
			action: 'grade',
			entityType: 'submission',
			entityId: s.id,
			scopePath: a.path,
			schoolId: a.schoolId,
			before: { score: before.scoreTenths, rubricScores: before.rubricScores, comment: before.comment },
			after: { score: s.scoreTenths, rubricScores: s.rubricScores, comment: s.comment }
		});
		const body = m.asg_notify_graded_body({ title: a.title, score: String(scoreTenths / 10).replace('.', ','), max: String(a.maxTenths / 10).replace('.', ','), comment: input.comment || '—' });
		await enqueueMany(tx, (await learnerEmails(tx, [learnerId])).map((recipient) => ({ channel: 'email', recipient, subject: m.asg_notify_graded_subject({ title: a.title }), body })));
		return presentSubmission(a, s, (await filesOf(tx, [s.id])).get(s.id) ?? [], new Date());
	});
}

/**
 * Writes every graded score, on the 0–10 scale with one decimal, into one regular-assessment
 * score column of the class's subject, through the gradebook's own all-or-nothing save (its
 * versions, locks and history), in one transaction with the assignment's audit record.
 */
export async function sendToGradebook(db: Executor, p: Principal, id: string, input: { columnId: string }) {
	const a = await manageable(db, p, id);
	const [column] = await db.select().from(gradeColumns).where(eq(gradeColumns.id, input.columnId));
	if (!column || column.classId !== a.classId || column.subjectId !== a.subjectId || column.kind !== 'regular' || column.valueType !== 'score')
		throw new ValidationError(m.asg_column_invalid(), [{ path: 'columnId', message: m.asg_column_invalid() }]);
	const graded = await db
		.select()
		.from(submissions)
		.where(and(eq(submissions.assignmentId, a.id), sql`${submissions.scoreTenths} is not null`));
	const enrolled = new Set(a.learners.map((l) => l.id));
	const scores = graded.filter((s) => enrolled.has(s.learnerId));
	if (!scores.length) throw new ValidationError(m.asg_nothing_graded(), [{ path: 'columnId', message: m.asg_nothing_graded() }]);
	const grid = await getGrid(db, p, { classId: a.classId, subjectId: a.subjectId, term: column.term as 1 | 2 });
	const versions = new Map(grid.rows.map((r) => [r.learner.id, r.cells[column.id]?.version ?? 0]));
	const cells: CellEdit[] = scores.map((s) => ({ columnId: column.id, learnerId: s.learnerId, value: toGradebookTenths(s.scoreTenths!, a.maxTenths) / 10, version: versions.get(s.learnerId) ?? 0 }));
	return db.transaction(async (tx) => {
		await saveCells(tx, p, { classId: a.classId, subjectId: a.subjectId, cells });
		const [updated] = await tx.update(assignments).set({ sentColumnId: column.id, sentAt: new Date(), updatedAt: new Date() }).where(eq(assignments.id, a.id)).returning();
		await writeAudit(tx, p, {
			action: 'send_to_gradebook',
			entityType: 'assignment',
			entityId: a.id,
			scopePath: a.path,
			schoolId: a.schoolId,
			after: { columnId: column.id, term: column.term, cells: cells.map((c) => ({ learnerId: c.learnerId, value: c.value })) }
		});
		return { assignment: presentAssignment(updated), columnId: column.id, term: column.term, written: cells.length, cells: cells.map((c) => ({ learnerId: c.learnerId, value: c.value })) };
	});
}

// ── The learner ─────────────────────────────────────────────────────────────────────────────────

/**
 * Hands in (or again) the learner's work: the form's `text` and any files, streamed and checked.
 * The first hand-in is accepted after the due date (and shown late); a resubmission only until it
 * is due, and not once graded. Files add to those handed in before; the text replaces the old.
 */
export async function submitWork(db: Executor, p: Principal, id: string, request: Request) {
	const a = await readable(db, p, id);
	if (!a.learners.some((l) => l.id === p.personId)) throw new NotFoundError(m.error_not_found());
	authorizeCreate(p, 'submission', submissionResource(a, p.personId));
	const [before] = await db.select().from(submissions).where(and(eq(submissions.assignmentId, a.id), eq(submissions.learnerId, p.personId)));
	const now = new Date();
	const window = submissionWindow(a, Boolean(before), now);
	if (window === 'not_open') throw new ConflictError(m.asg_not_open());
	if (window === 'closed') throw new ConflictError(m.asg_closed());
	if (before?.gradedAt) throw new ConflictError(m.asg_already_graded());
	const upload = await readUploads(request);
	const text = (upload.fields.text ?? '').trim();
	try {
		if (text.length > 20000) throw new ValidationError(m.asg_text_too_long({ max: 20000 }), [{ path: 'text', message: m.asg_text_too_long({ max: 20000 }) }]);
		if (!text && !upload.files.length && !before) throw new ValidationError(m.asg_empty_submission(), [{ path: 'text', message: m.asg_empty_submission() }]);
		return await db.transaction(async (tx) => {
			let s: Submission;
			if (before) {
				const [row] = await tx
					.update(submissions)
					.set({ text: text || before.text, submittedAt: now, attempts: sql`${submissions.attempts} + 1`, version: sql`${submissions.version} + 1` })
					.where(and(eq(submissions.id, before.id), eq(submissions.version, before.version), sql`${submissions.gradedAt} is null`))
					.returning();
				if (!row) throw new ConflictError(m.asg_stale());
				s = row;
			} else {
				[s] = await tx.insert(submissions).values({ assignmentId: a.id, schoolId: a.schoolId, path: a.path, learnerId: p.personId, text, submittedAt: now }).returning();
			}
			const rows = await recordFiles(tx, p, { schoolId: a.schoolId, path: a.path }, upload.files);
			if (rows.length) await tx.insert(submissionFiles).values(rows.map((f) => ({ submissionId: s.id, fileId: f.id })));
			await writeAudit(tx, p, {
				action: before ? 'resubmit' : 'submit',
				entityType: 'submission',
				entityId: s.id,
				scopePath: a.path,
				schoolId: a.schoolId,
				after: { status: submissionStatus(a.dueAt, now, now), attempts: s.attempts, files: rows.map((f) => f.id) }
			});
			return presentSubmission(a, s, (await filesOf(tx, [s.id])).get(s.id) ?? [], now);
		});
	} catch (e) {
		await discardUploads(upload.files);
		throw e;
	}
}
