/**
 * The family's view of the gradebook: one learner's scores, term results, attendance and conduct
 * for their class of a school year (parents see their children, a learner sees themself, the
 * homeroom teacher and the school leader everyone in scope). Also the subject teacher's
 * publishing of a column, which is what families wait for where the school shows scores only
 * after publishing (setting `gradebook.scoreVisibility`).
 */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { can, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { enqueueMany } from '../platform/outbox';
import { getSetting } from '../settings/service';
import { NotFoundError } from '../errors';
import { classes, enrolments, schoolYears, schools, subjects } from '../organisations/schema';
import { guardianships, persons } from '../people/schema';
import { fullName } from '../people/names';
import { attendance, conductAssessments, gradeColumns, gradeEntries, teachingAssignments } from './schema';
import { columnLabel, stageOf, type ColumnKind, type ValueType } from './columns';
import { subjectTermRow } from './learner-view-rows';
import { termRanges } from './attendance';
import { attendanceTotalsByTerm, promotionAbsenceCount, type Level } from './rules';
import { todayInVietnam } from './rules/attendance-day';
import { classSubjects } from './class-results';
import { m } from '#lib/paraglide/messages.js';

/** The learner's class of the year asked for; else of the year containing today; else the latest. */
async function placementOf(db: Executor, learnerId: string, schoolYearId: string | undefined) {
	const rows = await db
		.select({ cls: classes, year: schoolYears, schoolName: schools.name, schoolLevel: schools.level })
		.from(enrolments)
		.innerJoin(classes, eq(classes.id, enrolments.classId))
		.innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
		.innerJoin(schools, eq(schools.id, classes.schoolId))
		.where(and(eq(enrolments.learnerId, learnerId), schoolYearId ? eq(classes.schoolYearId, schoolYearId) : undefined))
		.orderBy(desc(schoolYears.startsOn));
	const today = todayInVietnam();
	return rows.find((r) => r.year.startsOn <= today && today <= r.year.endsOn) ?? rows[0];
}


/**
 * Sổ liên lạc: per term and subject, the columns with values ("7,5", "Đ"), the term result,
 * attendance totals and the conduct assessment. Parents and learners of a school that shows
 * scores only after publishing see only published columns; teachers and leaders see all.
 */
export async function learnerGradebook(db: Executor, p: Principal, learnerId: string, opts: { schoolYearId?: string } = {}) {
	const [learner] = await db.select().from(persons).where(eq(persons.id, learnerId));
	if (learner?.kind !== 'learner') throw new NotFoundError(m.error_not_found());
	const placement = await placementOf(db, learner.id, opts.schoolYearId);
	const resource: Resource = { path: placement?.cls.path ?? learner.path, personId: learner.id };
	authorize(p, 'read', 'grade', resource);
	const person = { id: learner.id, name: fullName(learner), learnerCode: learner.learnerCode };
	if (!placement) return { learner: person, class: null, scoreVisibility: null, restricted: false, terms: [] };

	const cls = placement.cls;
	const stage = stageOf(placement.schoolLevel, cls.grade);
	const scoreVisibility = (await getSetting(db, cls.path, 'gradebook.scoreVisibility')) as 'immediate' | 'after_publish';
	// Whoever reads the whole class's grades (homeroom teacher, leader) sees unpublished columns.
	const restricted = scoreVisibility === 'after_publish' && !can(p, 'read', 'grade', { path: cls.path });
	const seesAttendance = can(p, 'read', 'attendance', resource);
	const seesConduct = can(p, 'read', 'conduct', resource);

	const [subs, columns, ranges, conductRows, attendanceRows] = await Promise.all([
		classSubjects(db, cls.id),
		db.select().from(gradeColumns).where(eq(gradeColumns.classId, cls.id)),
		termRanges(db, cls.schoolYearId),
		seesConduct ? db.select().from(conductAssessments).where(and(eq(conductAssessments.classId, cls.id), eq(conductAssessments.learnerId, learner.id))) : [],
		seesAttendance
			? db.select({ on: attendance.on, status: attendance.status }).from(attendance).where(and(eq(attendance.classId, cls.id), eq(attendance.learnerId, learner.id)))
			: []
	]);
	const entries = columns.length
		? await db
				.select()
				.from(gradeEntries)
				.where(and(eq(gradeEntries.learnerId, learner.id), inArray(gradeEntries.columnId, columns.map((c) => c.id))))
		: [];
	const entryOf = new Map(entries.map((e) => [e.columnId, e]));
	const attendanceByTerm = attendanceTotalsByTerm(attendanceRows, ranges);

	const termNumbers = ranges.length ? ranges.map((r) => r.term) : ([1, 2] as const);
	const missed = { missedWithoutForceMajeure: await getSetting(db, cls.path, 'gradebook.missedWithoutForceMajeure') };
	return {
		learner: person,
		class: { id: cls.id, name: cls.name, grade: cls.grade, schoolId: cls.schoolId, schoolName: placement.schoolName, schoolYearId: cls.schoolYearId, yearName: placement.year.name, stage },
		scoreVisibility,
		restricted,
		terms: termNumbers.map((term) => {
			const range = ranges.find((r) => r.term === term);
			const conduct = conductRows.find((c) => c.term === term);
			return {
				term,
				startsOn: range?.startsOn ?? null,
				endsOn: range?.endsOn ?? null,
				subjects: subs.map((s) => ({
					id: s.id,
					code: s.code,
					name: s.name,
					assessment: s.assessment,
					...subjectTermRow({
						assessment: s.assessment,
						stage,
						columns: columns
							.filter((c) => c.subjectId === s.id && c.term === term)
							.map((c) => ({ id: c.id, kind: c.kind as ColumnKind, valueType: c.valueType as ValueType, slot: c.slot, publishedAt: c.publishedAt })),
						entryOf: (id) => entryOf.get(id),
						restricted,
						missed
					})
				})),
				attendance: seesAttendance ? { ...attendanceByTerm[term], absences: promotionAbsenceCount(attendanceByTerm[term]) } : null,
				conduct: conduct && (conduct.level || conduct.comment) ? { level: (conduct.level as Level | null) ?? null, comment: conduct.comment } : null
			};
		})
	};
}
export type LearnerGradebook = Awaited<ReturnType<typeof learnerGradebook>>;

// ── Publishing a column ─────────────────────────────────────────────────────────────────────────

async function columnFor(db: Executor, p: Principal, columnId: string) {
	const [row] = await db
		.select({ col: gradeColumns, subjectName: subjects.name, className: classes.name, teacherId: teachingAssignments.teacherId })
		.from(gradeColumns)
		.innerJoin(subjects, eq(subjects.id, gradeColumns.subjectId))
		.innerJoin(classes, eq(classes.id, gradeColumns.classId))
		.leftJoin(teachingAssignments, and(eq(teachingAssignments.classId, gradeColumns.classId), eq(teachingAssignments.subjectId, gradeColumns.subjectId)))
		.where(eq(gradeColumns.id, columnId));
	// Only the assigned subject teacher (TT22 Điều 19): the homeroom teacher and the leader read, so they get 403.
	authorize(p, 'update', 'grade', row ? { path: row.col.path, teacherId: row.teacherId ?? undefined } : undefined);
	return row!;
}

const presentColumn = (c: typeof gradeColumns.$inferSelect) => ({ id: c.id, classId: c.classId, subjectId: c.subjectId, term: c.term, label: columnLabel(c), publishedAt: c.publishedAt });

/**
 * Công bố điểm: the subject teacher shows a column to families. Audited; where the school shows
 * scores only after publishing, each guardian with an email of a learner with a value in the
 * column is told now (saving the scores told no one). Publishing again changes nothing.
 */
export async function publishColumn(db: Executor, p: Principal, columnId: string) {
	const { col, subjectName, className } = await columnFor(db, p, columnId);
	if (col.publishedAt) return presentColumn(col);
	return db.transaction(async (tx) => {
		const [after] = await tx.update(gradeColumns).set({ publishedAt: new Date() }).where(eq(gradeColumns.id, col.id)).returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'grade_column', entityId: col.id, scopePath: col.path, schoolId: col.schoolId, before: { publishedAt: null }, after: { publishedAt: after.publishedAt } });
		if ((await getSetting(tx, col.path, 'gradebook.scoreVisibility')) === 'after_publish') await notifyPublished(tx, after, subjectName, className);
		return presentColumn(after);
	});
}

/** Withdraws a published column from families' view (a mistake noticed after publishing). Audited. */
export async function unpublishColumn(db: Executor, p: Principal, columnId: string) {
	const { col } = await columnFor(db, p, columnId);
	if (!col.publishedAt) return presentColumn(col);
	return db.transaction(async (tx) => {
		const [after] = await tx.update(gradeColumns).set({ publishedAt: null }).where(eq(gradeColumns.id, col.id)).returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'grade_column', entityId: col.id, scopePath: col.path, schoolId: col.schoolId, before: { publishedAt: col.publishedAt }, after: { publishedAt: null } });
		return presentColumn(after);
	});
}

async function notifyPublished(tx: Executor, col: typeof gradeColumns.$inferSelect, subjectName: string, className: string) {
	const withValue = await tx
		.select({ learnerId: gradeEntries.learnerId })
		.from(gradeEntries)
		.where(and(eq(gradeEntries.columnId, col.id), or(isNotNull(gradeEntries.scoreTenths), isNotNull(gradeEntries.level))));
	if (!withValue.length) return;
	const ids = withValue.map((r) => r.learnerId);
	const [guardians, learners] = await Promise.all([
		tx
			.select({ email: persons.email, learnerId: guardianships.learnerId })
			.from(guardianships)
			.innerJoin(persons, eq(persons.id, guardianships.guardianId))
			.where(inArray(guardianships.learnerId, ids)),
		tx.select().from(persons).where(inArray(persons.id, ids))
	]);
	const nameOf = new Map(learners.map((l) => [l.id, fullName(l)]));
	const column = columnLabel(col);
	await enqueueMany(
		tx,
		guardians.flatMap((g) => {
			if (!g.email) return [];
			const learner = nameOf.get(g.learnerId) ?? '';
			return [{ channel: 'email' as const, recipient: g.email, subject: m.gf_publish_subject({ column, subject: subjectName, learner }), body: m.gf_publish_body({ column, subject: subjectName, learner, className }) }];
		})
	);
}
