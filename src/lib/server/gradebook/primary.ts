/**
 * Primary school (TT27/2020): the homeroom teacher's ratings of qualities and competencies at the
 * four assessment points (Điều 7 khoản 2), and the year-end result (Điều 9) computed from the
 * end-of-year subject levels, test scores and ratings.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { writeAudit } from '../audit/service';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import * as orgRepo from '../organisations/repository';
import { fullName, sortVietnamese } from '../people/names';
import { qualityAssessments } from './schema';
import { classContext } from './service';
import { primarySubjectCode } from './columns';
import { QUALITIES_AND_COMPETENCIES, QUALITY_LEVELS, primaryYearEndResult, type PrimaryGrade, type PrimaryYearEndOutcome, type QualityLevel, type SubjectLevel } from './rules';
import { m } from '#lib/paraglide/messages.js';

export type Point = 1 | 2 | 3 | 4;

async function primaryClass(db: Executor, classId: string) {
	const cls = await classContext(db, classId);
	if (!cls) throw new NotFoundError(m.error_not_found());
	return cls;
}

/** Every learner's ratings at one point, in Vietnamese order, with versions for saving. */
export async function getQualities(db: Executor, p: Principal, q: { classId: string; point: Point }) {
	const cls = await primaryClass(db, q.classId);
	authorize(p, 'read', 'conduct', { path: cls.path });
	const [learners, rows] = await Promise.all([
		orgRepo.listEnrolledLearners(db, cls.id),
		db.select().from(qualityAssessments).where(and(eq(qualityAssessments.classId, cls.id), eq(qualityAssessments.point, q.point)))
	]);
	const of = new Map(rows.map((r) => [`${r.learnerId}:${r.code}`, r]));
	return {
		class: { id: cls.id, name: cls.name, grade: cls.grade, stage: cls.stage },
		point: q.point,
		codes: QUALITIES_AND_COMPETENCIES,
		rows: sortVietnamese(learners).map((l) => ({
			learner: { id: l.id, name: fullName(l) },
			ratings: Object.fromEntries(
				QUALITIES_AND_COMPETENCIES.map((code) => {
					const r = of.get(`${l.id}:${code}`);
					return [code, { level: (r?.level as QualityLevel | undefined) ?? null, version: r?.version ?? 0 }];
				})
			)
		}))
	};
}

export interface QualityEdit {
	learnerId: string;
	code: string;
	level: QualityLevel;
	version: number;
}

/** Saves ratings, all or nothing and versioned like scores; only the class's homeroom teacher. */
export async function saveQualities(db: Executor, p: Principal, input: { classId: string; point: Point; rows: QualityEdit[] }) {
	const cls = await primaryClass(db, input.classId);
	authorize(p, 'update', 'conduct', { path: cls.path });
	if (cls.stage !== 'primary') throw new ValidationError(m.gb_not_primary());
	const enrolled = new Set((await orgRepo.listEnrolledLearners(db, cls.id)).map((l) => l.id));
	const issues: FieldIssue[] = [];
	const seen = new Set<string>();
	input.rows.forEach((r, i) => {
		if (!enrolled.has(r.learnerId)) issues.push({ path: `rows.${i}.learnerId`, message: m.gb_learner_not_in_class() });
		if (!(QUALITIES_AND_COMPETENCIES as readonly string[]).includes(r.code)) issues.push({ path: `rows.${i}.code`, message: m.gb_quality_unknown() });
		if (!(QUALITY_LEVELS as readonly string[]).includes(r.level)) issues.push({ path: `rows.${i}.level`, message: m.gb_quality_level_invalid() });
		const key = `${r.learnerId}:${r.code}`;
		if (seen.has(key)) issues.push({ path: `rows.${i}`, message: m.gb_duplicate_cell() });
		seen.add(key);
	});
	if (issues.length) throw new ValidationError(m.gb_cells_invalid({ count: issues.length }), issues);
	return db.transaction(async (tx) => {
		const written = await tx
			.insert(qualityAssessments)
			.values(input.rows.map((r) => ({ schoolId: cls.schoolId, classId: cls.id, learnerId: r.learnerId, point: input.point, code: r.code, level: r.level, version: r.version + 1, updatedBy: p.personId })))
			.onConflictDoUpdate({
				target: [qualityAssessments.classId, qualityAssessments.learnerId, qualityAssessments.point, qualityAssessments.code],
				set: { level: sql`excluded.level`, version: sql`excluded.version`, updatedBy: p.personId, updatedAt: new Date() },
				where: sql`${qualityAssessments.version} = excluded.version - 1`
			})
			.returning();
		if (written.length < input.rows.length) {
			const got = new Set(written.map((w) => `${w.learnerId}:${w.code}`));
			const lost = input.rows.filter((r) => !got.has(`${r.learnerId}:${r.code}`));
			const now = await tx
				.select()
				.from(qualityAssessments)
				.where(and(eq(qualityAssessments.classId, cls.id), eq(qualityAssessments.point, input.point), inArray(qualityAssessments.learnerId, lost.map((r) => r.learnerId))));
			throw new ConflictError(m.gb_conflict({ count: lost.length }), {
				rows: lost.map((r) => {
					const n = now.find((x) => x.learnerId === r.learnerId && x.code === r.code);
					return { learnerId: r.learnerId, code: r.code, level: n?.level ?? null, version: n?.version ?? 0 };
				})
			});
		}
		await writeAudit(tx, p, {
			action: 'update',
			entityType: 'quality_assessments',
			entityId: `${cls.id}:${input.point}`,
			scopePath: cls.path,
			schoolId: cls.schoolId,
			after: written.map((w) => ({ learnerId: w.learnerId, code: w.code, level: w.level, version: w.version }))
		});
		return { rows: written.map((w) => ({ learnerId: w.learnerId, code: w.code, level: w.level, version: w.version })) };
	});
}

export interface PrimaryYearFacts {
	grade: number;
	/** Every subject's cuối năm level (null while not given) and test score, by subject name. */
	subjects: { name: string; level: SubjectLevel | null; test: number | null }[];
	qualities: { code: string; level: QualityLevel }[];
}

export type PrimaryYearOutcome = PrimaryYearEndOutcome | { status: 'incomplete'; missingTests: string[]; missingQualities: string[]; missingLevels: string[] };

/** TT27 Điều 9 for one pupil, from what the gradebook holds; incomplete while a subject has no level. */
export function primaryYearOutcome(f: PrimaryYearFacts): PrimaryYearOutcome {
	const missingLevels = f.subjects.filter((s) => !s.level).map((s) => s.name);
	const endOfYearTests: Record<string, number> = {};
	for (const s of f.subjects) {
		const code = primarySubjectCode(s);
		if (code && s.test !== null) endOfYearTests[code] = s.test;
	}
	const outcome = primaryYearEndResult({
		grade: Math.min(5, Math.max(1, f.grade)) as PrimaryGrade,
		subjects: f.subjects.filter((s) => s.level).map((s) => ({ code: primarySubjectCode(s) ?? s.name, level: s.level as SubjectLevel })),
		qualities: f.qualities,
		endOfYearTests
	});
	if (missingLevels.length) {
		return { status: 'incomplete', missingLevels, missingTests: outcome.status === 'incomplete' ? outcome.missingTests : [], missingQualities: outcome.status === 'incomplete' ? outcome.missingQualities : [] };
	}
	return outcome;
}
