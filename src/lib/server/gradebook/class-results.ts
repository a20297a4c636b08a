/**
 * A class's results across subjects (the homeroom teacher's and the leader's view, the report
 * card's data) and the homeroom teacher's conduct assessment. Results are computed from the cells
 * by the rules every time, never stored, so they cannot disagree with the scores.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { can } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { subjects, terms } from '../organisations/schema';
import * as orgRepo from '../organisations/repository';
import { fullName, sortVietnamese } from '../people/names';
import { attendance, conductAssessments, gradeColumns, gradeEntries, qualityAssessments, teachingAssignments } from './schema';
import { classContext } from './service';
import { getSetting } from '../settings/service';
import { primaryYearOutcome, type PrimaryYearOutcome } from './primary';
import { cellValue } from './cells';
import { conductForYear, learningLevel, subjectTermOutcome, subjectYearOutcome, type CellInput, type SubjectTermOutcome } from './results';
import { LEVELS, attendanceTotalsByTerm, promotionAbsenceCount, promotionDecision, secondaryAward, type AttendanceTotals, type Level, type QualityLevel, type SubjectOutcome } from './rules';
import type { ValueType } from './columns';
import { m } from '#lib/paraglide/messages.js';

export type Period = 1 | 2 | 'year';

export interface LearnerResult {
	learner: { id: string; name: string; learnerCode: string | null };
	/** Subject id → outcome for the period. */
	subjects: Record<string, SubjectTermOutcome>;
	learning: { level: Level; adjustedBecauseOf: string | null } | null;
	conduct: Level | null;
	conductComment: string;
	conductVersion: number;
	attendance: AttendanceTotals;
	/** Year only. */
	promotion?: { promoted: boolean; blockers: string[] } | null;
	award?: string | null;
	/**
	 * Subjects whose result is held back from this reader: a parent or learner of a school that
	 * shows scores only after publishing, while a column the result rests on is unpublished.
	 */
	unpublished?: string[];
	/** Primary (TT27): each subject's level T/H/C and test score at the end of the term (or year). */
	primarySubjects?: Record<string, { level: string | null; test: number | null }>;
	/** Primary, year only: Hoàn thành xuất sắc / tốt / Hoàn thành / Chưa hoàn thành (TT27 Điều 9). */
	primaryResult?: PrimaryYearOutcome;
}

const EMPTY_TOTALS: AttendanceTotals = { present: 0, late: 0, excused: 0, unexcused: 0, days: 0 };

/** The subjects a class studies: those with a teacher assigned or with any column. */
export async function classSubjects(db: Executor, classId: string) {
	return db
		.select({ id: subjects.id, code: subjects.code, name: subjects.name, assessment: subjects.assessment })
		.from(subjects)
		.where(
			or(
				inArray(subjects.id, db.select({ id: teachingAssignments.subjectId }).from(teachingAssignments).where(eq(teachingAssignments.classId, classId))),
				inArray(subjects.id, db.select({ id: gradeColumns.subjectId }).from(gradeColumns).where(eq(gradeColumns.classId, classId)))
			)
		)
		.orderBy(asc(subjects.name));
}

/**
 * Every learner's results for a term or the year: subject outcomes, learning level (TT22 Điều 9),
 * conduct (Điều 8), attendance, and for the year promotion (Điều 12–14) and awards (Điều 15).
 */
export async function classResults(db: Executor, p: Principal, q: { classId: string; period: Period; learnerId?: string }) {
	const cls = await classContext(db, q.classId);
	if (!cls) throw new NotFoundError(m.error_not_found());
	// The whole class (GVCN, leaders), or one learner of it (also that learner's parents and the learner).
	authorize(p, 'read', 'grade', { path: cls.path, personId: q.learnerId });
	// As in the family's view (learner-view.ts): where the school shows scores only after
	// publishing, whoever does not read the whole class's grades sees no unpublished column, and
	// no result resting on one, so a report card cannot show what the family view hides.
	const restricted = (await getSetting(db, cls.path, 'gradebook.scoreVisibility')) === 'after_publish' && !can(p, 'read', 'grade', { path: cls.path });
	const [subs, learnerRows, columns, conductRows, termRows, attendanceRows] = await Promise.all([
		classSubjects(db, cls.id),
		orgRepo.listEnrolledLearners(db, cls.id),
		db.select().from(gradeColumns).where(eq(gradeColumns.classId, cls.id)),
		db.select().from(conductAssessments).where(eq(conductAssessments.classId, cls.id)),
		db.select().from(terms).where(eq(terms.schoolYearId, cls.schoolYearId)),
		db.select({ learnerId: attendance.learnerId, on: attendance.on, status: attendance.status }).from(attendance).where(eq(attendance.classId, cls.id))
	]);
	const learners = sortVietnamese(q.learnerId ? learnerRows.filter((l) => l.id === q.learnerId) : learnerRows);
	const entries = await db
		.select({
			columnId: gradeEntries.columnId,
			learnerId: gradeEntries.learnerId,
			scoreTenths: gradeEntries.scoreTenths,
			level: gradeEntries.level,
			missedReason: gradeEntries.missedReason,
			makeup: gradeEntries.makeup
		})
		.from(gradeEntries)
		.innerJoin(gradeColumns, eq(gradeColumns.id, gradeEntries.columnId))
		.where(eq(gradeColumns.classId, cls.id));
	const entryOf = new Map(entries.map((e) => [`${e.columnId}:${e.learnerId}`, e]));
	const ranges = termRows.map((t) => ({ term: t.number as 1 | 2, startsOn: t.startsOn, endsOn: t.endsOn }));
	// The school's readings of the rules TT22 leaves unconfirmed (settings).
	const missed = { missedWithoutForceMajeure: await getSetting(db, cls.path, 'gradebook.missedWithoutForceMajeure') };
	const learningOptions = { fewerThanSixScoredSubjects: await getSetting(db, cls.path, 'gradebook.fewerThanSixScoredSubjects') };
	const yearQualities =
		cls.stage === 'primary' && q.period === 'year'
			? await db.select().from(qualityAssessments).where(and(eq(qualityAssessments.classId, cls.id), eq(qualityAssessments.point, 4)))
			: [];

	const rows: LearnerResult[] = learners.map((l) => {
		const cellsOf = (subjectId: string, term: number): CellInput[] =>
			columns
				.filter((c) => c.subjectId === subjectId && c.term === term && c.kind !== 'retake' && (c.valueType === 'score' || c.valueType === 'pass'))
				.map((c) => {
					const e = entryOf.get(`${c.id}:${l.id}`);
					return { kind: c.kind, slot: c.slot, value: cellValue(c.valueType as ValueType, e), missedReason: e?.missedReason ?? null, makeup: e?.makeup ?? null };
				});
		const retakeOf = (subjectId: string) => {
			const c = columns.find((x) => x.subjectId === subjectId && x.kind === 'retake');
			return c ? cellValue(c.valueType as ValueType, entryOf.get(`${c.id}:${l.id}`)) : null;
		};
		const outcomes: Record<string, SubjectTermOutcome> = {};
		const unpublished: string[] = [];
		for (const s of subs) {
			if (restricted && columns.some((c) => c.subjectId === s.id && !c.publishedAt && (c.kind === 'retake' ? q.period === 'year' : q.period === 'year' || c.term === q.period))) {
				outcomes[s.id] = { status: 'incomplete', kind: s.assessment === 'comment' ? 'comment' : 'scored', missing: 0, text: '' };
				unpublished.push(s.id);
				continue;
			}
			const t1 = subjectTermOutcome(s.assessment, cellsOf(s.id, 1), missed);
			if (q.period === 1) outcomes[s.id] = t1;
			else {
				const t2 = subjectTermOutcome(s.assessment, cellsOf(s.id, 2), missed);
				outcomes[s.id] = q.period === 2 ? t2 : subjectYearOutcome(t1, t2, retakeOf(s.id));
			}
		}
		const learning = cls.stage === 'secondary' ? learningLevel(subs.map((s) => ({ code: s.code, outcome: outcomes[s.id] })), learningOptions) : null;
		const conductBy = (t: number) => conductRows.find((c) => c.learnerId === l.id && c.term === t);
		const conduct = q.period === 'year' ? conductForYear(conductBy(1)?.level, conductBy(2)?.level) : ((conductBy(q.period)?.level as Level | undefined) ?? null);
		const byTerm = attendanceTotalsByTerm(
			attendanceRows.filter((a) => a.learnerId === l.id),
			ranges
		);
		const totals = q.period === 'year' ? sumTotals(byTerm[1], byTerm[2]) : (byTerm[q.period] ?? EMPTY_TOTALS);
		const row: LearnerResult = {
			learner: { id: l.id, name: fullName(l), learnerCode: l.learnerCode },
			subjects: outcomes,
			learning,
			conduct,
			conductComment: q.period === 'year' ? '' : (conductBy(q.period)?.comment ?? ''),
			conductVersion: q.period === 'year' ? 0 : (conductBy(q.period)?.version ?? 0),
			attendance: totals,
			...(restricted ? { unpublished } : {})
		};
		if (cls.stage === 'primary') {
			const term = q.period === 1 ? 1 : 2;
			const endOf = (subjectId: string, valueType: 'level' | 'integer') => {
				const c = columns.find((x) => x.subjectId === subjectId && x.term === term && x.kind === 'endterm' && x.valueType === valueType);
				return c && !(restricted && !c.publishedAt) ? cellValue(valueType, entryOf.get(`${c.id}:${l.id}`)) : null;
			};
			row.primarySubjects = Object.fromEntries(subs.map((s) => [s.id, { level: endOf(s.id, 'level') as string | null, test: endOf(s.id, 'integer') as number | null }]));
			if (q.period === 'year')
				row.primaryResult = primaryYearOutcome({
					grade: cls.grade,
					subjects: subs.map((s) => ({ name: s.name, level: row.primarySubjects![s.id].level as 'T' | 'H' | 'C' | null, test: row.primarySubjects![s.id].test })),
					qualities: yearQualities.filter((x) => x.learnerId === l.id).map((x) => ({ code: x.code, level: x.level as QualityLevel }))
				});
			return row;
		}
		if (q.period === 'year') {
			const absences = promotionAbsenceCount(byTerm[1], byTerm[2]);
			const decision = learning && conduct ? promotionDecision({ conduct, learning: learning.level, absences }) : null;
			row.promotion = decision && { promoted: decision.promoted, blockers: decision.promoted ? [] : decision.blockers };
			row.award =
				learning && conduct
					? secondaryAward({
							conduct,
							learning: learning.level,
							yearSubjects: subs.flatMap((s): SubjectOutcome[] => {
								const o = outcomes[s.id];
								if (o.status !== 'complete') return [];
								return o.kind === 'scored' ? [{ code: s.code, kind: 'scored', average: Math.round(o.average * 10) }] : [{ code: s.code, kind: 'comment', result: o.result }];
							})
						}, learningOptions)
					: null;
		}
		return row;
	});

	const summary = Object.fromEntries([...LEVELS, 'incomplete'].map((k) => [k, 0])) as Record<Level | 'incomplete', number>;
	for (const r of rows) summary[r.learning?.level ?? 'incomplete']++;
	return {
		class: { id: cls.id, name: cls.name, grade: cls.grade, schoolId: cls.schoolId, schoolName: cls.schoolName, schoolYearId: cls.schoolYearId, stage: cls.stage, homeroomTeacherId: cls.homeroomTeacherId },
		period: q.period,
		subjects: subs,
		rows,
		summary
	};
}
export type ClassResults = Awaited<ReturnType<typeof classResults>>;

function sumTotals(a: AttendanceTotals = EMPTY_TOTALS, b: AttendanceTotals = EMPTY_TOTALS): AttendanceTotals {
	return { present: a.present + b.present, late: a.late + b.late, excused: a.excused + b.excused, unexcused: a.unexcused + b.unexcused, days: a.days + b.days };
}

export interface ConductEdit {
	learnerId: string;
	level: Level | null;
	comment: string;
	version: number;
}

/**
 * Kết quả rèn luyện of a term, by the class's homeroom teacher (TT22 Điều 8), with the term comment.
 * All or nothing; a stale version is a 409 with the current values, as for scores.
 */
export async function saveConduct(db: Executor, p: Principal, input: { classId: string; term: 1 | 2; rows: ConductEdit[] }) {
	const cls = await classContext(db, input.classId);
	if (!cls) throw new NotFoundError(m.error_not_found());
	authorize(p, 'update', 'conduct', { path: cls.path });
	const enrolled = new Set((await orgRepo.listEnrolledLearners(db, cls.id)).map((l) => l.id));
	const issues: FieldIssue[] = [];
	const seen = new Set<string>();
	input.rows.forEach((r, i) => {
		if (!enrolled.has(r.learnerId)) issues.push({ path: `rows.${i}.learnerId`, message: m.gb_learner_not_in_class() });
		if (r.level !== null && !(LEVELS as readonly string[]).includes(r.level)) issues.push({ path: `rows.${i}.level`, message: m.gb_conduct_invalid() });
		if (seen.has(r.learnerId)) issues.push({ path: `rows.${i}`, message: m.gb_duplicate_cell() });
		seen.add(r.learnerId);
	});
	if (issues.length) throw new ValidationError(m.gb_cells_invalid({ count: issues.length }), issues);
	return db.transaction(async (tx) => {
		const ids = input.rows.map((r) => r.learnerId);
		const current = ids.length
			? await tx
					.select()
					.from(conductAssessments)
					.where(and(eq(conductAssessments.classId, cls.id), eq(conductAssessments.term, input.term), inArray(conductAssessments.learnerId, ids)))
					.for('update')
			: [];
		const byLearner = new Map(current.map((c) => [c.learnerId, c]));
		const conflicts = input.rows.filter((r) => (byLearner.get(r.learnerId)?.version ?? 0) !== r.version);
		if (conflicts.length)
			throw new ConflictError(m.gb_conflict({ count: conflicts.length }), {
				rows: conflicts.map((r) => {
					const c = byLearner.get(r.learnerId);
					return { learnerId: r.learnerId, level: c?.level ?? null, comment: c?.comment ?? '', version: c?.version ?? 0 };
				})
			});
		const saved = [];
		for (const r of input.rows) {
			const before = byLearner.get(r.learnerId);
			if (before && before.level === r.level && before.comment === r.comment) {
				saved.push(before);
				continue;
			}
			const [row] = await tx
				.insert(conductAssessments)
				.values({ schoolId: cls.schoolId, classId: cls.id, learnerId: r.learnerId, term: input.term, level: r.level, comment: r.comment, updatedBy: p.personId })
				.onConflictDoUpdate({
					target: [conductAssessments.classId, conductAssessments.learnerId, conductAssessments.term],
					set: { level: r.level, comment: r.comment, version: sql`${conductAssessments.version} + 1`, updatedBy: p.personId, updatedAt: new Date() },
					where: eq(conductAssessments.version, r.version)
				})
				.returning();
			if (!row) throw new ConflictError(m.gb_conflict({ count: 1 }));
			await writeAudit(tx, p, { action: before ? 'update' : 'create', entityType: 'conduct_assessment', entityId: row.id, scopePath: cls.path, schoolId: cls.schoolId, before, after: row });
			saved.push(row);
		}
		return { rows: saved.map((r) => ({ learnerId: r.learnerId, level: r.level, comment: r.comment, version: r.version })) };
	});
}
