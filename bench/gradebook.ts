/**
 * Gradebook benchmark (issue: "a school of 1,500 learners in 40 classes × 13 subjects; recomputing
 * one class's term results and opening its grid must stay within a few milliseconds of the raw SQL
 * that reads the same rows; bulk entry of a whole class's column in one request").
 *
 *   npm run bench:gradebook
 *
 * Builds the school in an in-memory PGlite (every column of both terms filled), then times, as the
 * median of RUNS runs, each service call against a baseline measured in the same run: the raw SQL
 * that reads (or writes) the same rows with no rules, no policy and no shaping.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { migrate, openPglite, type Database } from '#lib/server/db/client';
import { seedDemoIfEmpty } from '#lib/server/seed/demo';
import { classes, enrolments, schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { persons } from '#lib/server/people/schema';
import { gradeColumns, gradeEntries, teachingAssignments } from '#lib/server/gradebook/schema';
import { columnsFor, type Term } from '#lib/server/gradebook/columns';
import { getGrid, saveCells } from '#lib/server/gradebook/service';
import { classResults } from '#lib/server/gradebook/class-results';
import type { Principal } from '#lib/server/auth/principal';

const CLASSES = Number(process.env.CLASSES ?? 40);
const LEARNERS = Number(process.env.LEARNERS ?? 1500);
const RUNS = Number(process.env.RUNS ?? 15);
const EXTRA_SUBJECTS = [
	{ code: 'GDDP', name: 'Nội dung giáo dục của địa phương', assessment: 'comment' as const, periodsPerYear: 35 },
	{ code: 'TC', name: 'Tự chọn Tiếng Anh', assessment: 'score' as const, periodsPerYear: 70 }
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function measure(fn: () => Promise<unknown>): Promise<number> {
	await fn(); // warm up
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	return median(times);
}
const ms = (x: number) => `${x.toFixed(2).padStart(8)} ms`;
function report(label: string, service: number, raw: number) {
	console.log(`${label.padEnd(44)} service ${ms(service)}   raw SQL ${ms(raw)}   ratio ${(service / raw).toFixed(1)}×   (+${(service - raw).toFixed(2)} ms)`);
}

async function buildSchool(db: Database) {
	const [school] = await db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [year] = await db.select().from(schoolYears).where(eq(schoolYears.schoolId, school.id));
	await db.insert(subjects).values(EXTRA_SUBJECTS.map((s) => ({ ...s, schoolId: school.id })));
	const subs = await db.select().from(subjects).where(eq(subjects.schoolId, school.id));
	const [teacher] = await db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Minh', givenName: 'Bench', schoolId: school.id, path: school.path }).returning();
	const perClass = Math.ceil(LEARNERS / CLASSES);
	const classRows: { id: string; path: string; learners: string[] }[] = [];
	for (let c = 0; c < CLASSES; c++) {
		const id = crypto.randomUUID();
		const path = `${school.path}${id}/`;
		await db.insert(classes).values({ id, schoolId: school.id, schoolYearId: year.id, name: `B${String(c + 1).padStart(2, '0')}`, grade: 6 + (c % 4), path });
		const learners = await db
			.insert(persons)
			.values(Array.from({ length: perClass }, (_, i) => ({ kind: 'learner' as const, familyName: 'Nguyễn', middleName: 'Văn', givenName: `Học ${c}-${i}`, schoolId: school.id, path: school.path })))
			.returning({ id: persons.id });
		await db.insert(enrolments).values(learners.map((l) => ({ schoolId: school.id, schoolYearId: year.id, classId: id, learnerId: l.id })));
		await db.insert(teachingAssignments).values(subs.map((s) => ({ schoolId: school.id, schoolYearId: year.id, classId: id, subjectId: s.id, teacherId: teacher.id, path })));
		for (const term of [1, 2] as Term[]) {
			for (const s of subs) {
				const cols = await db
					.insert(gradeColumns)
					.values(columnsFor('secondary', s, 6, term).map((spec) => ({ ...spec, schoolId: school.id, classId: id, subjectId: s.id, path })))
					.returning();
				const values = cols.flatMap((col) =>
					learners.map((l, i) =>
						col.valueType === 'pass'
							? { schoolId: school.id, columnId: col.id, learnerId: l.id, level: i % 9 ? 'dat' : 'chua_dat' }
							: { schoolId: school.id, columnId: col.id, learnerId: l.id, scoreTenths: 40 + ((i * 13 + col.slot * 7) % 61) }
					)
				);
				await db.insert(gradeEntries).values(values);
			}
		}
		classRows.push({ id, path, learners: learners.map((l) => l.id) });
	}
	return { school, subs, teacher, classRows };
}

async function main() {
	const handle = await openPglite();
	await migrate(handle, resolve(import.meta.dirname, '../drizzle'));
	await seedDemoIfEmpty(handle.db, 2026);
	const db = handle.db;
	const t0 = performance.now();
	const { school, subs, teacher, classRows } = await buildSchool(db);
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(gradeEntries);
	console.log(`school: ${classRows.length} classes, ${classRows.reduce((a, c) => a + c.learners.length, 0)} learners, ${subs.length} subjects, ${n} grade entries (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
	console.log(`median of ${RUNS} runs each\n`);

	const leader: Principal = {
		personId: crypto.randomUUID(),
		accountId: crypto.randomUUID(),
		username: 'bench-leader',
		displayName: 'Bench',
		grants: [{ role: 'school_leader', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id }],
		childIds: [],
		via: 'session'
	};
	const teacherP: Principal = { ...leader, personId: teacher.id, username: 'bench-teacher', grants: [{ role: 'teacher', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id }] };
	const cls = classRows[Math.floor(classRows.length / 2)];
	const toan = subs.find((s) => s.code === 'TOAN')!;

	// 1. A class's term results across all 13 subjects.
	const rawResults = () =>
		Promise.all([
			db.execute(sql`select e.learner_id, e.score_tenths, e.level, e.missed_reason, e.makeup, c.subject_id, c.term, c.kind, c.slot from grade_entries e join grade_columns c on c.id = e.column_id where c.class_id = ${cls.id}`),
			db.execute(sql`select p.id, p.family_name, p.middle_name, p.given_name from enrolments en join persons p on p.id = en.learner_id where en.class_id = ${cls.id}`),
			db.execute(sql`select * from conduct_assessments where class_id = ${cls.id}`),
			db.execute(sql`select learner_id, "on", status from attendance where class_id = ${cls.id}`)
		]);
	report('class term results (13 subjects)', await measure(() => classResults(db, leader, { classId: cls.id, period: 1 })), await measure(rawResults));
	report('class year results (both terms)', await measure(() => classResults(db, leader, { classId: cls.id, period: 'year' })), await measure(rawResults));

	// 2. Opening one subject's grid.
	const rawGrid = () =>
		Promise.all([
			db.execute(sql`select e.* from grade_entries e join grade_columns c on c.id = e.column_id where c.class_id = ${cls.id} and c.subject_id = ${toan.id} and c.term = 1`),
			db.execute(sql`select p.id, p.family_name, p.middle_name, p.given_name from enrolments en join persons p on p.id = en.learner_id where en.class_id = ${cls.id}`)
		]);
	report('open a subject grid (Toán, term 1)', await measure(() => getGrid(db, teacherP, { classId: cls.id, subjectId: toan.id, term: 1 })), await measure(rawGrid));

	// 3. Bulk entry of a whole column in one request (versioned, with history and audit).
	const grid = await getGrid(db, teacherP, { classId: cls.id, subjectId: toan.id, term: 2 });
	const column = grid.columns.find((c) => c.label === 'TX1')!;
	let flip = 0;
	const saveColumn = async () => {
		flip++;
		const current = await getGrid(db, teacherP, { classId: cls.id, subjectId: toan.id, term: 2 });
		const t = performance.now();
		await saveCells(db, teacherP, {
			classId: cls.id,
			subjectId: toan.id,
			cells: current.rows.map((r, i) => ({ columnId: column.id, learnerId: r.learner.id, value: ((i + flip) % 10) + 0.5, version: r.cells[column.id].version }))
		});
		return performance.now() - t;
	};
	const rawSave = () =>
		db.transaction(async (tx) => {
			flip++;
			await tx
				.insert(gradeEntries)
				.values(cls.learners.map((learnerId, i) => ({ schoolId: school.id, columnId: column.id, learnerId, scoreTenths: ((i + flip) % 10) * 10 + 5 })))
				.onConflictDoUpdate({ target: [gradeEntries.columnId, gradeEntries.learnerId], set: { scoreTenths: sql`excluded.score_tenths`, version: sql`${gradeEntries.version} + 1` } });
		});
	await saveColumn();
	const saves: number[] = [];
	for (let i = 0; i < RUNS; i++) saves.push(await saveColumn());
	report(`save a whole column (${cls.learners.length} cells)`, median(saves), await measure(rawSave));
	await handle.close();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
