/**
 * Quiz benchmark (issue 5: "a class of 45 learners submitting a quiz within the same minute is
 * handled without errors").
 *
 *   npm run bench:quiz
 *
 * In an in-memory PGlite with the demo seeded: a class of 45 learners, a lesson with a quiz of 20
 * questions of every objective kind given to the class. All 45 learners start and submit at once
 * (concurrent promises, as 45 requests would arrive), ROUNDS times with fresh attempts; the
 * baseline is the raw SQL that writes the same rows (insert the attempt, update it with answers
 * and results, insert the progress row) with no drawing, grading, policy or shaping. Prints the
 * errors (must be 0), the time for the whole class and the ratio to the baseline.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { migrate, openPglite, rows } from '#lib/server/db/client';
import { seedDemoIfEmpty } from '#lib/server/seed/demo';
import { classes, enrolments, schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { persons } from '#lib/server/people/schema';
import { createLesson, createQuestion, createQuiz, assignLesson, startAttempt, submitAttempt } from '#lib/server/learning/elearning';
import type { Answer, QuestionBody } from '#lib/server/learning/questions';
import type { Principal } from '#lib/server/auth/principal';

const LEARNERS = Number(process.env.LEARNERS ?? 45);
const QUESTIONS = Number(process.env.QUESTIONS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;

const BODIES: QuestionBody[] = [
	{ kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '2/3' }, { id: 'c', text: '3/4' }], correct: 'a' },
	{ kind: 'multiple', options: [{ id: 'a', text: '1/2' }, { id: 'b', text: '2/4' }, { id: 'c', text: '3' }], correct: ['a', 'b'] },
	{ kind: 'true_false', correct: true },
	{ kind: 'short_answer', answers: ['Tử số'], ignoreDiacritics: true },
	{ kind: 'numeric', answer: 0.25, tolerance: 0 },
	{ kind: 'matching', pairs: [{ left: '1/2', right: '0,5' }, { left: '1/4', right: '0,25' }] }
];
const answerFor = (b: QuestionBody, i: number): Answer => {
	switch (b.kind) {
		case 'single':
			return { kind: 'single', choice: i % 2 ? 'a' : 'b' };
		case 'multiple':
			return { kind: 'multiple', choices: ['a'] };
		case 'true_false':
			return { kind: 'true_false', value: i % 3 !== 0 };
		case 'short_answer':
			return { kind: 'short_answer', text: 'tu so' };
		case 'numeric':
			return { kind: 'numeric', value: 0.25 };
		case 'matching':
			return { kind: 'matching', matches: { '1/2': '0,5', '1/4': '0,5' } };
		default:
			return { kind: 'essay', text: '' };
	}
};

async function main() {
	const handle = await openPglite();
	await migrate(handle, resolve(import.meta.dirname, '../drizzle'));
	await seedDemoIfEmpty(handle.db, 2026);
	const db = handle.db;
	const [school] = await db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [year] = await db.select().from(schoolYears).where(eq(schoolYears.schoolId, school.id));
	const [toan] = await db.select().from(subjects).where(eq(subjects.code, 'TOAN'));
	const classId = crypto.randomUUID();
	const path = `${school.path}${classId}/`;
	await db.insert(classes).values({ id: classId, schoolId: school.id, schoolYearId: year.id, name: 'B45', grade: 6, path });
	const learners = await db
		.insert(persons)
		.values(Array.from({ length: LEARNERS }, (_, i) => ({ kind: 'learner' as const, familyName: 'Nguyễn', middleName: 'Văn', givenName: `Học ${i + 1}`, schoolId: school.id, path })))
		.returning();
	await db.insert(enrolments).values(learners.map((l) => ({ schoolId: school.id, schoolYearId: year.id, classId, learnerId: l.id })));
	const [teacherRow] = await db.insert(persons).values({ kind: 'staff', familyName: 'Trần', middleName: 'Thị', givenName: 'Bench', schoolId: school.id, path: school.path }).returning();
	const base = { accountId: crypto.randomUUID(), displayName: 'Bench', childIds: [], via: 'session' as const };
	const teacher: Principal = {
		...base,
		personId: teacherRow.id,
		username: 'bench-teacher',
		grants: [
			{ role: 'teacher', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id },
			{ role: 'teacher', scopeType: 'class', scopeId: classId, scopePath: path, schoolId: school.id }
		]
	};
	const learnerP = (id: string): Principal => ({ ...base, personId: id, username: id, grants: [{ role: 'learner', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id }] });

	const bodies = Array.from({ length: QUESTIONS }, (_, i) => BODIES[i % BODIES.length]);
	const qs: Awaited<ReturnType<typeof createQuestion>>[] = [];
	for (const body of bodies) qs.push(await createQuestion(db, teacher, { subjectId: toan.id, level: 'thong_hieu', topic: `Chủ đề ${qs.length % 4}`, stem: 'Câu hỏi', points: 1, body }));

	console.log(`a class of ${LEARNERS} learners, a quiz of ${QUESTIONS} questions (every objective kind); median of ${ROUNDS} rounds\n`);
	const serviceTimes: number[] = [];
	const rawTimes: number[] = [];
	let errors = 0;
	for (let round = 0; round < ROUNDS; round++) {
		const lesson = await createLesson(db, teacher, { subjectId: toan.id, grade: 6, title: `Bài ${round}`, summary: '' });
		const { quiz } = await createQuiz(db, teacher, lesson.id, { title: 'Kiểm tra', questionIds: qs.map((q) => q.id), shuffle: true, maxAttempts: 1, timeLimitMinutes: 15 });
		const given = await assignLesson(db, teacher, lesson.id, { classId, opensAt: new Date(Date.now() - 60_000) });

		// The whole class at once: start, then submit every answer.
		const t0 = performance.now();
		const results = await Promise.allSettled(
			learners.map(async (l, i) => {
				const p = learnerP(l.id);
				const a = await startAttempt(db, p, quiz.id);
				const answers = Object.fromEntries(qs.map((q, j) => [q.id, answerFor(q.body, i + j)]));
				return submitAttempt(db, p, a.id, answers);
			})
		);
		serviceTimes.push(performance.now() - t0);
		errors += results.filter((r) => r.status === 'rejected').length;
		for (const r of results) if (r.status === 'rejected') console.error(r.reason);

		// Baseline: the same rows written by raw SQL.
		const [rawQuiz] = await rows<{ id: string }>(db, sql`insert into quizzes (lesson_id, school_id, title, question_ids) values (${lesson.id}, ${school.id}, 'raw', ${JSON.stringify(qs.map((q) => q.id))}::jsonb) returning id`);
		const t1 = performance.now();
		await Promise.all(
			learners.map(async (l) => {
				const [{ id }] = await rows<{ id: string }>(db, sql`insert into quiz_attempts (quiz_id, lesson_class_id, learner_id, school_id, path, number, question_ids) values (${rawQuiz.id}, ${given.id}, ${l.id}, ${school.id}, ${path}, 1, ${JSON.stringify(qs.map((q) => q.id))}::jsonb) returning id`);
				await db.execute(sql`update quiz_attempts set answers = '{}'::jsonb, results = '{}'::jsonb, score = 10, max_score = 20, submitted_at = now(), status = 'submitted' where id = ${id}`);
				await db.execute(sql`insert into lesson_progress (lesson_id, block_id, learner_id, school_id) values (${lesson.id}, ${'raw-' + round}, ${l.id}, ${school.id}) on conflict do nothing`);
			})
		);
		rawTimes.push(performance.now() - t1);
	}
	const service = median(serviceTimes);
	const raw = median(rawTimes);
	console.log(`${LEARNERS} learners start and submit at once   service ${ms(service)}   raw SQL ${ms(raw)}   ratio ${(service / raw).toFixed(1)}×   per learner ${(service / LEARNERS).toFixed(1)} ms`);
	console.log(`errors: ${errors} of ${LEARNERS * ROUNDS} submissions`);
	await handle.close();
	if (errors) process.exit(1);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
