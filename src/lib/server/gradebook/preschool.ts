/**
 * Preschool development assessment (Chương trình giáo dục mầm non): no scores; each child is
 * observed against the school's indicators, reached / not yet / not observed, with notes, and the
 * stage summary counts them per developmental domain (rules/preschool.ts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate } from '../auth/authorize';
import { writeAudit } from '../audit/service';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import * as orgRepo from '../organisations/repository';
import { fullName, sortVietnamese } from '../people/names';
import { developmentAssessments, developmentIndicators } from './schema';
import { classContext } from './service';
import { developmentDomains, summariseStageAssessment, type PreschoolStage } from './rules';
import { m } from '#lib/paraglide/messages.js';

export async function listIndicators(db: Executor, p: Principal, q: { schoolId: string; stage?: PreschoolStage }) {
	const school = await orgRepo.findSchool(db, q.schoolId);
	authorize(p, 'read', 'school', school);
	const conds = [eq(developmentIndicators.schoolId, school.id)];
	if (q.stage) conds.push(eq(developmentIndicators.stage, q.stage));
	return db.select().from(developmentIndicators).where(and(...conds)).orderBy(asc(developmentIndicators.domain), asc(developmentIndicators.code));
}

/** The school leader adds an indicator to the school's list. Audited. */
export async function createIndicator(db: Executor, p: Principal, input: { schoolId: string; stage: PreschoolStage; domain: string; code: string; description: string }) {
	const school = await orgRepo.findSchool(db, input.schoolId);
	if (!school) throw new NotFoundError(m.error_not_found());
	authorizeCreate(p, 'subject', { path: school.path });
	if (!(developmentDomains(input.stage) as readonly string[]).includes(input.domain))
		throw new ValidationError(m.gb_domain_invalid(), [{ path: 'domain', message: m.gb_domain_invalid() }]);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(developmentIndicators)
			.values({ ...input, schoolId: school.id, path: school.path })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new ConflictError(m.error_code_taken({ code: input.code }));
		await writeAudit(tx, p, { action: 'create', entityType: 'development_indicator', entityId: row.id, scopePath: school.path, schoolId: school.id, after: row });
		return row;
	});
}

async function preschoolClass(db: Executor, classId: string) {
	const cls = await classContext(db, classId);
	if (!cls) throw new NotFoundError(m.error_not_found());
	return cls;
}

/** A period's observations for the whole class, with each child's summary per domain. */
export async function getDevelopment(db: Executor, p: Principal, q: { classId: string; period: string; stage: PreschoolStage }) {
	const cls = await preschoolClass(db, q.classId);
	authorize(p, 'read', 'conduct', { path: cls.path });
	const [learners, indicators, rows] = await Promise.all([
		orgRepo.listEnrolledLearners(db, cls.id),
		db.select().from(developmentIndicators).where(and(eq(developmentIndicators.schoolId, cls.schoolId), eq(developmentIndicators.stage, q.stage))).orderBy(asc(developmentIndicators.domain), asc(developmentIndicators.code)),
		db.select().from(developmentAssessments).where(and(eq(developmentAssessments.classId, cls.id), eq(developmentAssessments.period, q.period)))
	]);
	const of = new Map(rows.map((r) => [`${r.learnerId}:${r.indicatorId}`, r]));
	return {
		class: { id: cls.id, name: cls.name, stage: cls.stage },
		period: q.period,
		indicators: indicators.map((i) => ({ id: i.id, code: i.code, domain: i.domain, description: i.description })),
		rows: sortVietnamese(learners).map((l) => {
			const results = indicators.map((i) => {
				const r = of.get(`${l.id}:${i.id}`);
				return { indicatorId: i.id, reached: r?.reached ?? null, note: r?.note ?? '', version: r?.version ?? 0 };
			});
			return {
				learner: { id: l.id, name: fullName(l) },
				results,
				summary: summariseStageAssessment(
					q.stage,
					indicators.map((i, k) => ({ indicator: i.description, domain: i.domain, reached: results[k].reached }))
				)
			};
		})
	};
}

export interface DevelopmentEdit {
	learnerId: string;
	indicatorId: string;
	reached: boolean | null;
	note: string;
	version: number;
}

/** The homeroom teacher records observations; all or nothing, versioned, audited. */
export async function saveDevelopment(db: Executor, p: Principal, input: { classId: string; period: string; rows: DevelopmentEdit[] }) {
	const cls = await preschoolClass(db, input.classId);
	authorize(p, 'update', 'conduct', { path: cls.path });
	if (cls.stage !== 'preschool') throw new ValidationError(m.gb_not_preschool());
	const enrolled = new Set((await orgRepo.listEnrolledLearners(db, cls.id)).map((l) => l.id));
	const indicatorIds = [...new Set(input.rows.map((r) => r.indicatorId))];
	const known = new Set(
		(await db.select({ id: developmentIndicators.id }).from(developmentIndicators).where(and(eq(developmentIndicators.schoolId, cls.schoolId), inArray(developmentIndicators.id, indicatorIds)))).map((x) => x.id)
	);
	const issues: FieldIssue[] = [];
	const seen = new Set<string>();
	input.rows.forEach((r, i) => {
		if (!enrolled.has(r.learnerId)) issues.push({ path: `rows.${i}.learnerId`, message: m.gb_learner_not_in_class() });
		if (!known.has(r.indicatorId)) issues.push({ path: `rows.${i}.indicatorId`, message: m.gb_indicator_unknown() });
		if (seen.has(`${r.learnerId}:${r.indicatorId}`)) issues.push({ path: `rows.${i}`, message: m.gb_duplicate_cell() });
		seen.add(`${r.learnerId}:${r.indicatorId}`);
	});
	if (issues.length) throw new ValidationError(m.gb_cells_invalid({ count: issues.length }), issues);
	return db.transaction(async (tx) => {
		const written = await tx
			.insert(developmentAssessments)
			.values(input.rows.map((r) => ({ schoolId: cls.schoolId, classId: cls.id, learnerId: r.learnerId, period: input.period, indicatorId: r.indicatorId, reached: r.reached, note: r.note, version: r.version + 1, updatedBy: p.personId })))
			.onConflictDoUpdate({
				target: [developmentAssessments.classId, developmentAssessments.learnerId, developmentAssessments.period, developmentAssessments.indicatorId],
				set: { reached: sql`excluded.reached`, note: sql`excluded.note`, version: sql`excluded.version`, updatedBy: p.personId, updatedAt: new Date() },
				where: sql`${developmentAssessments.version} = excluded.version - 1`
			})
			.returning();
		if (written.length < input.rows.length) throw new ConflictError(m.gb_conflict({ count: input.rows.length - written.length }));
		await writeAudit(tx, p, {
			action: 'update',
			entityType: 'development_assessments',
			entityId: `${cls.id}:${input.period}`,
			scopePath: cls.path,
			schoolId: cls.schoolId,
			after: written.map((w) => ({ learnerId: w.learnerId, indicatorId: w.indicatorId, reached: w.reached, note: w.note, version: w.version }))
		});
		return { rows: written.map((w) => ({ learnerId: w.learnerId, indicatorId: w.indicatorId, reached: w.reached, note: w.note, version: w.version })) };
	});
}
