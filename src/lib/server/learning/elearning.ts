/**
 * E-learning: the question bank, lessons made of blocks with quizzes drawn from the bank, lessons
 * given to classes, and each learner's progress, attempts, mastery and what to do next.
 * Permissions come from the central policy (kinds `question`, `lesson`, `lesson_class`,
 * `learner_work`); every teacher's write is audited in its transaction.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { classes, enrolments, schoolYears, subjectGroups, subjects } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { lessonClasses, lessonProgress, lessons, questions, quizAttempts, quizzes, type QuestionResult } from './lesson-schema';
import { bodyProblems, gradeAnswer, pointsOf, publicBody, type Answer, type CognitiveLevel, type QuestionBody, type QuestionKind } from './questions';
import { acceptsSubmission, attemptDeadline, drawQuestions, itemStatistics, masteryByTopic, suggestNext, type Random } from './quiz-rules';
import { progressPercent, type BlockInput, type FileBlock, type LessonBlock } from './lesson-blocks';
import { assignments, submissions } from './assignment-schema';
import type { TopicEvidence } from './quiz-rules';
import { m } from '#lib/paraglide/messages.js';

type Lesson = typeof lessons.$inferSelect;
type Question = typeof questions.$inferSelect;
type Quiz = typeof quizzes.$inferSelect;
type Attempt = typeof quizAttempts.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** Where a subject's bank and lessons live: its subject group's path, else the school's. */
export async function subjectPlaceOf(db: Executor, subjectId: string) {
	const [row] = await db
		.select({ schoolId: subjects.schoolId, groupPath: subjectGroups.path, schoolPath: sql<string>`(select path from schools where id = ${subjects.schoolId})` })
		.from(subjects)
		.leftJoin(subjectGroups, eq(subjectGroups.id, subjects.subjectGroupId))
		.where(eq(subjects.id, subjectId));
	if (!row) throw invalid('subjectId', m.el_subject_unknown());
	return { schoolId: row.schoolId, path: row.groupPath ?? row.schoolPath };
}

const authorResource = (r: { path: string; authorId: string }) => ({ path: r.path, authorId: r.authorId });

// ── The question bank ───────────────────────────────────────────────────────────────────────────

export interface QuestionInput {
	subjectId: string;
	grade?: number | null;
	level: CognitiveLevel;
	topic: string;
	stem: string;
	points: number;
	body: QuestionBody;
}

function checkBody(body: QuestionBody) {
	const problems = bodyProblems(body);
	if (problems.length) {
		const text = { unknown_option: m.el_key_unknown_option(), duplicate_option: m.el_duplicate_option(), duplicate_left: m.el_duplicate_left() };
		throw new ValidationError(m.error_invalid_input(), problems.map((p) => ({ path: p.path, message: text[p.message] })));
	}
}

export async function createQuestion(db: Executor, p: Principal, input: QuestionInput) {
	checkBody(input.body);
	const place = await subjectPlaceOf(db, input.subjectId);
	authorizeCreate(p, 'question', { path: place.path, authorId: p.personId });
	return db.transaction(async (tx) => {
		const [q] = await tx
			.insert(questions)
			.values({ schoolId: place.schoolId, path: place.path, authorId: p.personId, subjectId: input.subjectId, grade: input.grade ?? null, kind: input.body.kind, level: input.level, topic: input.topic, stem: input.stem, body: input.body, points: input.points })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'question', entityId: q.id, scopePath: q.path, schoolId: q.schoolId, after: q });
		return q;
	});
}

export async function updateQuestion(db: Executor, p: Principal, id: string, input: QuestionInput) {
	checkBody(input.body);
	const [before] = await db.select().from(questions).where(eq(questions.id, id));
	authorize(p, 'update', 'question', before ? authorResource(before) : undefined);
	const place = await subjectPlaceOf(db, input.subjectId);
	if (place.schoolId !== before.schoolId) throw invalid('subjectId', m.el_subject_unknown());
	return db.transaction(async (tx) => {
		const [q] = await tx
			.update(questions)
			.set({ path: place.path, subjectId: input.subjectId, grade: input.grade ?? null, kind: input.body.kind, level: input.level, topic: input.topic, stem: input.stem, body: input.body, points: input.points, updatedAt: new Date() })
			.where(eq(questions.id, id))
			.returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'question', entityId: id, scopePath: q.path, schoolId: q.schoolId, before, after: q });
		return q;
	});
}

export interface QuestionFilter {
	subjectId?: string;
	topic?: string;
	level?: CognitiveLevel;
	kind?: QuestionKind;
}

/** The bank within the caller's scope, by subject, topic, level or kind; the key included (staff only). */
export async function listQuestions(db: Executor, p: Principal, f: QuestionFilter) {
	authorizeList(p, 'question');
	const conds: SQL[] = [scopeCondition(p, 'read', 'question', { path: questions.path, authorId: questions.authorId })];
	if (f.subjectId) conds.push(eq(questions.subjectId, f.subjectId));
	if (f.topic) conds.push(sql`lower(unaccent(${questions.topic})) = lower(unaccent(${f.topic}))`);
	if (f.level) conds.push(eq(questions.level, f.level));
	if (f.kind) conds.push(eq(questions.kind, f.kind));
	return db
		.select()
		.from(questions)
		.where(and(...conds))
		.orderBy(asc(questions.topic), asc(questions.createdAt))
		.limit(1000);
}

export async function getQuestion(db: Executor, p: Principal, id: string) {
	const [q] = await db.select().from(questions).where(eq(questions.id, id));
	authorize(p, 'read', 'question', q ? authorResource(q) : undefined);
	return q;
}

// ── Lessons and their blocks ────────────────────────────────────────────────────────────────────

async function readableLesson(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, id));
	authorize(p, action, 'lesson', lesson ? authorResource(lesson) : undefined);
	return lesson;
}

export async function createLesson(db: Executor, p: Principal, input: { subjectId: string; grade: number; title: string; summary: string }) {
	const place = await subjectPlaceOf(db, input.subjectId);
	authorizeCreate(p, 'lesson', { path: place.path, authorId: p.personId });
	return db.transaction(async (tx) => {
		const [lesson] = await tx.insert(lessons).values({ schoolId: place.schoolId, path: place.path, authorId: p.personId, subjectId: input.subjectId, grade: input.grade, title: input.title, summary: input.summary }).returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'lesson', entityId: lesson.id, scopePath: lesson.path, schoolId: lesson.schoolId, after: lesson });
		return lesson;
	});
}

export async function listLessons(db: Executor, p: Principal, f: { subjectId?: string; authorId?: string }) {
	authorizeList(p, 'lesson');
	const conds: SQL[] = [scopeCondition(p, 'read', 'lesson', { path: lessons.path, authorId: lessons.authorId })];
	if (f.subjectId) conds.push(eq(lessons.subjectId, f.subjectId));
	if (f.authorId) conds.push(eq(lessons.authorId, f.authorId));
	const rows = await db
		.select({ lesson: lessons, subjectName: subjects.name, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
		.from(lessons)
		.innerJoin(subjects, eq(subjects.id, lessons.subjectId))
		.innerJoin(persons, eq(persons.id, lessons.authorId))
		.where(and(...conds))
		.orderBy(desc(lessons.updatedAt))
		.limit(500);
	return rows.map((r) => ({ ...r.lesson, subjectName: r.subjectName, authorName: fullName(r) }));
}

/** Writes a lesson's blocks when the caller saw `version` (409 otherwise), audited. */
async function writeBlocks(db: Executor, p: Principal, lesson: Lesson, blocks: LessonBlock[], action: string, extra?: (tx: Executor) => Promise<void>) {
	return db.transaction(async (tx) => {
		await extra?.(tx);
		const [after] = await tx
			.update(lessons)
			.set({ blocks, version: sql`${lessons.version} + 1`, updatedAt: new Date() })
			.where(and(eq(lessons.id, lesson.id), eq(lessons.version, lesson.version)))
			.returning();
		if (!after) throw new ConflictError(m.el_lesson_stale());
		await writeAudit(tx, p, { action, entityType: 'lesson', entityId: lesson.id, scopePath: lesson.path, schoolId: lesson.schoolId, before: { blocks: lesson.blocks }, after: { blocks } });
		return after;
	});
}

export async function updateLesson(db: Executor, p: Principal, id: string, input: { title?: string; summary?: string; grade?: number }) {
	const before = await readableLesson(db, p, id, 'update');
	return db.transaction(async (tx) => {
		const [lesson] = await tx.update(lessons).set({ ...input, version: sql`${lessons.version} + 1`, updatedAt: new Date() }).where(eq(lessons.id, id)).returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'lesson', entityId: id, scopePath: lesson.path, schoolId: lesson.schoolId, before, after: lesson });
		return lesson;
	});
}

/** Appends a text, image, video or embedded block. (A quiz block comes with its quiz: createQuiz.) */
export async function addBlock(db: Executor, p: Principal, lessonId: string, block: BlockInput) {
	const lesson = await readableLesson(db, p, lessonId, 'update');
	if (block.kind === 'quiz') {
		const [quiz] = await db.select().from(quizzes).where(and(eq(quizzes.id, block.quizId), eq(quizzes.lessonId, lessonId)));
		if (!quiz) throw invalid('quizId', m.el_quiz_unknown());
	}
	return writeBlocks(db, p, lesson, [...lesson.blocks, { ...block, id: crypto.randomUUID() }], 'add_block');
}

/** Appends a block made by an upload (lesson-files.ts); the caller has stored the file. */
export async function addUploadedBlock(db: Executor, p: Principal, lessonId: string, block: FileBlock) {
	const lesson = await readableLesson(db, p, lessonId, 'update');
	return writeBlocks(db, p, lesson, [...lesson.blocks, { ...block, id: crypto.randomUUID() }], 'add_block');
}

export async function removeBlock(db: Executor, p: Principal, lessonId: string, blockId: string) {
	const lesson = await readableLesson(db, p, lessonId, 'update');
	if (!lesson.blocks.some((b) => b.id === blockId)) throw new NotFoundError(m.error_not_found());
	return writeBlocks(db, p, lesson, lesson.blocks.filter((b) => b.id !== blockId), 'remove_block');
}

export async function moveBlock(db: Executor, p: Principal, lessonId: string, blockId: string, by: -1 | 1) {
	const lesson = await readableLesson(db, p, lessonId, 'update');
	const i = lesson.blocks.findIndex((b) => b.id === blockId);
	if (i < 0) throw new NotFoundError(m.error_not_found());
	const j = i + by;
	if (j < 0 || j >= lesson.blocks.length) return lesson;
	const blocks = [...lesson.blocks];
	[blocks[i], blocks[j]] = [blocks[j], blocks[i]];
	return writeBlocks(db, p, lesson, blocks, 'move_block');
}

export interface QuizInput {
	title: string;
	questionIds: string[];
	drawCount?: number | null;
	shuffle: boolean;
	timeLimitMinutes?: number | null;
	maxAttempts: number;
}

/** A quiz of the lesson from questions of the school's bank the caller may read, and its block at the end. */
export async function createQuiz(db: Executor, p: Principal, lessonId: string, input: QuizInput) {
	const lesson = await readableLesson(db, p, lessonId, 'update');
	const ids = [...new Set(input.questionIds)];
	const found = ids.length ? await db.select().from(questions).where(inArray(questions.id, ids)) : [];
	const usable = found.filter((q) => q.schoolId === lesson.schoolId && can(p, 'read', 'question', authorResource(q)));
	if (!ids.length || usable.length !== ids.length) throw invalid('questionIds', ids.length ? m.el_questions_unknown() : m.el_questions_required());
	if (input.drawCount != null && input.drawCount > ids.length) throw invalid('drawCount', m.el_draw_too_many({ count: ids.length }));
	let quiz!: Quiz;
	const after = await writeBlocks(db, p, lesson, lesson.blocks, 'add_quiz', async (tx) => {
		[quiz] = await tx
			.insert(quizzes)
			.values({ lessonId, schoolId: lesson.schoolId, title: input.title, questionIds: ids, drawCount: input.drawCount ?? null, shuffle: input.shuffle, timeLimitMinutes: input.timeLimitMinutes ?? null, maxAttempts: input.maxAttempts })
			.returning();
	});
	const withBlock = await writeBlocks(db, p, after, [...after.blocks, { id: crypto.randomUUID(), kind: 'quiz', title: input.title, quizId: quiz.id }], 'add_block');
	return { quiz, lesson: withBlock };
}

/** Gives the lesson to a class the caller teaches, open from `opensAt` (now) until `dueAt`. */
export async function assignLesson(db: Executor, p: Principal, lessonId: string, input: { classId: string; opensAt?: Date | null; dueAt?: Date | null }) {
	const lesson = await readableLesson(db, p, lessonId);
	const [cls] = await db.select().from(classes).where(eq(classes.id, input.classId));
	if (!cls || cls.schoolId !== lesson.schoolId) throw invalid('classId', m.el_class_unknown());
	authorizeCreate(p, 'lesson_class', { path: cls.path });
	const opensAt = input.opensAt ?? new Date();
	if (input.dueAt && input.dueAt <= opensAt) throw invalid('dueAt', m.el_due_before_open());
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(lessonClasses)
			.values({ lessonId, classId: cls.id, schoolId: cls.schoolId, path: cls.path, opensAt, dueAt: input.dueAt ?? null, assignedBy: p.personId })
			.onConflictDoUpdate({ target: [lessonClasses.lessonId, lessonClasses.classId], set: { opensAt, dueAt: input.dueAt ?? null, assignedBy: p.personId } })
			.returning();
		await writeAudit(tx, p, { action: 'assign', entityType: 'lesson', entityId: lessonId, scopePath: cls.path, schoolId: cls.schoolId, after: row });
		return row;
	});
}

/** The lesson as its teachers see it: blocks, quizzes with their questions, and the classes it is given to. */
export async function getLesson(db: Executor, p: Principal, id: string) {
	const lesson = await readableLesson(db, p, id);
	const lessonQuizzes = await db.select().from(quizzes).where(eq(quizzes.lessonId, id)).orderBy(asc(quizzes.createdAt));
	const qIds = [...new Set(lessonQuizzes.flatMap((q) => q.questionIds))];
	const qs = qIds.length ? await db.select().from(questions).where(inArray(questions.id, qIds)) : [];
	const given = await db
		.select({ row: lessonClasses, className: classes.name })
		.from(lessonClasses)
		.innerJoin(classes, eq(classes.id, lessonClasses.classId))
		.where(eq(lessonClasses.lessonId, id))
		.orderBy(asc(classes.name));
	const [subject] = await db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, lesson.subjectId));
	return {
		...lesson,
		subjectName: subject?.name ?? '',
		canEdit: can(p, 'update', 'lesson', authorResource(lesson)),
		quizzes: lessonQuizzes.map((q) => ({ ...q, questions: q.questionIds.map((qid) => qs.find((x) => x.id === qid)).filter((x): x is Question => !!x) })),
		classes: given.filter((g) => can(p, 'read', 'lesson_class', { path: g.row.path })).map((g) => ({ ...g.row, className: g.className, canManage: can(p, 'update', 'lesson_class', { path: g.row.path }) }))
	};
}

/** A class's progress on a lesson: each learner's share of blocks done and best quiz score, and each quiz's item statistics. */
export async function lessonReport(db: Executor, p: Principal, lessonClassId: string) {
	const [lc] = await db.select().from(lessonClasses).where(eq(lessonClasses.id, lessonClassId));
	authorize(p, 'read', 'lesson_class', lc ? { path: lc.path } : undefined);
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lc.lessonId));
	const learners = sortVietnamese(
		await db
			.select({ id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
			.from(enrolments)
			.innerJoin(persons, eq(persons.id, enrolments.learnerId))
			.where(eq(enrolments.classId, lc.classId))
	);
	const done = await db.select().from(lessonProgress).where(eq(lessonProgress.lessonId, lesson.id));
	const attempts = await db.select().from(quizAttempts).where(and(eq(quizAttempts.lessonClassId, lc.id), isNotNull(quizAttempts.submittedAt)));
	const lessonQuizzes = await db.select().from(quizzes).where(eq(quizzes.lessonId, lesson.id));
	const blockIds = new Set(lesson.blocks.map((b) => b.id));
	const qIds = [...new Set(lessonQuizzes.flatMap((q) => q.questionIds))];
	const stems = new Map((qIds.length ? await db.select({ id: questions.id, stem: questions.stem }).from(questions).where(inArray(questions.id, qIds)) : []).map((q) => [q.id, q.stem]));
	return {
		lessonClass: lc,
		lesson: { id: lesson.id, title: lesson.title, blocks: lesson.blocks.length },
		learners: learners.map((l) => {
			const mine = new Set(done.filter((d) => d.learnerId === l.id && blockIds.has(d.blockId)).map((d) => d.blockId));
			const theirs = attempts.filter((a) => a.learnerId === l.id);
			const best = theirs.reduce<Attempt | null>((b, a) => (b === null || (a.score ?? 0) > (b.score ?? 0) ? a : b), null);
			return {
				id: l.id,
				name: fullName(l),
				progress: progressPercent(lesson.blocks, mine),
				attempts: theirs.length,
				bestScore: best?.score ?? null,
				maxScore: best?.maxScore ?? null,
				needsGrading: theirs.some((a) => a.status === 'needs_grading'),
				attemptIds: theirs.map((a) => a.id)
			};
		}),
		statistics: lessonQuizzes.map((q) => ({
			quizId: q.id,
			title: q.title,
			items: itemStatistics(
				attempts.filter((a) => a.quizId === q.id).map((a) => ({ items: Object.fromEntries(Object.entries(a.results).filter(([, r]) => r.fraction !== null).map(([qid, r]) => [qid, r.fraction!])) })),
				q.questionIds
			).map((i) => ({ ...i, stem: stems.get(i.questionId) ?? '' }))
		}))
	};
}

/** A quiz as its teachers see it: its questions with the key, and item statistics over every submitted attempt. */
export async function getQuiz(db: Executor, p: Principal, quizId: string) {
	const [quiz] = await db.select().from(quizzes).where(eq(quizzes.id, quizId));
	const [lesson] = quiz ? await db.select().from(lessons).where(eq(lessons.id, quiz.lessonId)) : [];
	authorize(p, 'read', 'lesson', lesson ? authorResource(lesson) : undefined);
	const qs = quiz.questionIds.length ? await db.select().from(questions).where(inArray(questions.id, quiz.questionIds)) : [];
	const attempts = await db.select().from(quizAttempts).where(and(eq(quizAttempts.quizId, quizId), isNotNull(quizAttempts.submittedAt)));
	const scores = attempts.map((a) => ({ items: Object.fromEntries(Object.entries(a.results).filter(([, r]) => r.fraction !== null).map(([qid, r]) => [qid, r.fraction!])) }));
	return {
		...quiz,
		lessonTitle: lesson.title,
		questions: quiz.questionIds.map((id) => qs.find((q) => q.id === id)).filter((q): q is Question => !!q).map((q) => presentQuestion(q, true)),
		attempts: attempts.length,
		statistics: itemStatistics(scores, quiz.questionIds)
	};
}

// ── The learner's side ──────────────────────────────────────────────────────────────────────────

const workOf = (lc: { path: string }, learnerId: string) => ({ path: lc.path, personId: learnerId });

/** The lesson_class through which this learner has the lesson (their class of the latest year), if any. */
async function learnerLessonClass(db: Executor, lessonId: string, learnerId: string) {
	const [row] = await db
		.select({ lc: lessonClasses })
		.from(lessonClasses)
		.innerJoin(enrolments, and(eq(enrolments.classId, lessonClasses.classId), eq(enrolments.learnerId, learnerId)))
		.innerJoin(schoolYears, eq(schoolYears.id, enrolments.schoolYearId))
		.where(eq(lessonClasses.lessonId, lessonId))
		.orderBy(desc(schoolYears.startsOn))
		.limit(1);
	return row?.lc;
}

const isOpen = (lc: { opensAt: Date }, now: Date) => lc.opensAt.getTime() <= now.getTime();

/** Answers are compared against the stored key, which never leaves the server before submission. */
function presentQuestion(q: Question, withKey: boolean) {
	return { id: q.id, kind: q.kind, stem: q.stem, points: q.points, topic: q.topic, body: withKey ? q.body : publicBody(q.body) };
}

/** A lesson as a learner (or their parent) sees it: the blocks, what is done, each quiz's attempts. */
export async function learnerLesson(db: Executor, p: Principal, lessonId: string, learnerId: string, now = new Date()) {
	const lc = await learnerLessonClass(db, lessonId, learnerId);
	authorize(p, 'read', 'learner_work', lc ? workOf(lc, learnerId) : undefined);
	if (!isOpen(lc!, now)) throw new NotFoundError(m.error_not_found());
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	const done = new Set((await db.select().from(lessonProgress).where(and(eq(lessonProgress.lessonId, lessonId), eq(lessonProgress.learnerId, learnerId)))).map((d) => d.blockId));
	const lessonQuizzes = await db.select().from(quizzes).where(eq(quizzes.lessonId, lessonId));
	const attempts = await db.select().from(quizAttempts).where(and(eq(quizAttempts.learnerId, learnerId), eq(quizAttempts.lessonClassId, lc!.id))).orderBy(asc(quizAttempts.number));
	const [subject] = await db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, lesson.subjectId));
	return {
		id: lesson.id,
		title: lesson.title,
		summary: lesson.summary,
		subjectName: subject?.name ?? '',
		dueAt: lc!.dueAt,
		blocks: lesson.blocks.map((b) => ({ ...b, done: done.has(b.id) })),
		progress: progressPercent(lesson.blocks, done),
		quizzes: lessonQuizzes.map((q) => {
			const mine = attempts.filter((a) => a.quizId === q.id);
			return {
				id: q.id,
				title: q.title,
				questionCount: q.drawCount ?? q.questionIds.length,
				timeLimitMinutes: q.timeLimitMinutes,
				maxAttempts: q.maxAttempts,
				attempts: mine.map((a) => ({ id: a.id, number: a.number, status: a.status, score: a.score, maxScore: a.maxScore, submittedAt: a.submittedAt })),
				canStart: mine.some((a) => a.status === 'in_progress') || mine.length < q.maxAttempts
			};
		}),
		mayWork: can(p, 'update', 'learner_work', workOf(lc!, learnerId))
	};
}

/** The learner marks a text, image, video or embedded block done (a quiz block is done by submitting). */
export async function completeBlock(db: Executor, p: Principal, lessonId: string, blockId: string, now = new Date()) {
	const lc = await learnerLessonClass(db, lessonId, p.personId);
	authorize(p, 'update', 'learner_work', lc ? workOf(lc, p.personId) : undefined);
	if (!isOpen(lc!, now)) throw new NotFoundError(m.error_not_found());
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	const block = lesson.blocks.find((b) => b.id === blockId);
	if (!block) throw new NotFoundError(m.error_not_found());
	if (block.kind === 'quiz') throw invalid('blockId', m.el_quiz_block_by_submitting());
	await db.insert(lessonProgress).values({ lessonId, blockId, learnerId: p.personId, schoolId: lesson.schoolId, completedAt: now }).onConflictDoNothing();
}

/** Starts (or resumes) the learner's attempt: questions drawn and ordered for them, with the deadline. */
export async function startAttempt(db: Executor, p: Principal, quizId: string, now = new Date(), random: Random = Math.random) {
	const [quiz] = await db.select().from(quizzes).where(eq(quizzes.id, quizId));
	const lc = quiz ? await learnerLessonClass(db, quiz.lessonId, p.personId) : undefined;
	authorize(p, 'create', 'learner_work', lc ? workOf(lc, p.personId) : undefined);
	if (!isOpen(lc!, now)) throw new NotFoundError(m.error_not_found());
	const mine = await db.select().from(quizAttempts).where(and(eq(quizAttempts.quizId, quizId), eq(quizAttempts.learnerId, p.personId))).orderBy(asc(quizAttempts.number));
	const open = mine.find((a) => a.status === 'in_progress');
	if (open) return open;
	if (mine.length >= quiz.maxAttempts) throw new ConflictError(m.el_no_attempts_left({ max: quiz.maxAttempts }));
	if (lc!.dueAt && now > lc!.dueAt) throw new ConflictError(m.el_past_due());
	const [attempt] = await db
		.insert(quizAttempts)
		.values({
			quizId,
			lessonClassId: lc!.id,
			learnerId: p.personId,
			schoolId: quiz.schoolId,
			path: lc!.path,
			number: mine.length + 1,
			questionIds: drawQuestions(quiz.questionIds, { drawCount: quiz.drawCount, shuffle: quiz.shuffle }, random),
			startedAt: now,
			deadlineAt: attemptDeadline(now, quiz.timeLimitMinutes, lc!.dueAt)
		})
		.onConflictDoNothing()
		.returning();
	// Two starts at once: the other one won; resume it.
	if (!attempt) return (await db.select().from(quizAttempts).where(and(eq(quizAttempts.quizId, quizId), eq(quizAttempts.learnerId, p.personId), eq(quizAttempts.status, 'in_progress'))))[0];
	return attempt;
}

/** An attempt with its questions: before submission without the key, after it with results and the key. */
export async function getAttempt(db: Executor, p: Principal, attemptId: string) {
	const [a] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
	authorize(p, 'read', 'learner_work', a ? workOf(a, a.learnerId) : undefined);
	const [quiz] = await db.select().from(quizzes).where(eq(quizzes.id, a.quizId));
	const qs = await db.select().from(questions).where(inArray(questions.id, a.questionIds));
	const byId = new Map(qs.map((q) => [q.id, q]));
	const submitted = a.status !== 'in_progress';
	return {
		...a,
		quiz: { id: quiz.id, title: quiz.title, lessonId: quiz.lessonId, timeLimitMinutes: quiz.timeLimitMinutes },
		questions: a.questionIds.map((id) => byId.get(id)).filter((q): q is Question => !!q).map((q) => presentQuestion(q, submitted)),
		mayAnswer: !submitted && can(p, 'update', 'learner_work', workOf(a, a.learnerId)) && a.learnerId === p.personId,
		mayGrade: a.status === 'needs_grading' && can(p, 'update', 'learner_work', workOf(a, a.learnerId)) && a.learnerId !== p.personId
	};
}

function totals(results: Record<string, QuestionResult>) {
	const list = Object.values(results);
	return {
		score: Math.round(list.reduce((s, r) => s + r.points, 0) * 100) / 100,
		maxScore: list.reduce((s, r) => s + r.max, 0),
		pending: list.some((r) => r.fraction === null)
	};
}

/**
 * Submits the learner's answers once: the objective questions are graded at once, essays wait for
 * the teacher (status needs_grading). Answers after the deadline (plus grace) are refused. The
 * lesson's quiz block counts as done.
 */
export async function submitAttempt(db: Executor, p: Principal, attemptId: string, answers: Record<string, Answer>, now = new Date()) {
	const [a] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
	authorize(p, 'update', 'learner_work', a ? workOf(a, a.learnerId) : undefined);
	if (a.learnerId !== p.personId) throw new NotFoundError(m.error_not_found());
	if (a.status !== 'in_progress') throw new ConflictError(m.el_already_submitted());
	if (!acceptsSubmission(a.deadlineAt, now)) throw new ConflictError(m.el_time_up());
	const qs = await db.select().from(questions).where(inArray(questions.id, a.questionIds));
	const results: Record<string, QuestionResult> = {};
	const kept: Record<string, Answer> = {};
	for (const q of qs) {
		const answer = answers[q.id];
		if (answer) kept[q.id] = answer;
		const { fraction } = gradeAnswer(q.body, answer);
		results[q.id] = { fraction, points: fraction === null ? 0 : pointsOf(fraction, q.points), max: q.points };
	}
	const t = totals(results);
	const [quiz] = await db.select().from(quizzes).where(eq(quizzes.id, a.quizId));
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, quiz.lessonId));
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(quizAttempts)
			.set({ answers: kept, results, score: t.score, maxScore: t.maxScore, submittedAt: now, status: t.pending ? 'needs_grading' : 'submitted' })
			.where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, 'in_progress')))
			.returning();
		if (!after) throw new ConflictError(m.el_already_submitted());
		const block = lesson.blocks.find((b) => b.kind === 'quiz' && b.quizId === quiz.id);
		if (block) await tx.insert(lessonProgress).values({ lessonId: lesson.id, blockId: block.id, learnerId: a.learnerId, schoolId: a.schoolId, completedAt: now }).onConflictDoNothing();
		return after;
	});
}

/** The class teacher scores an essay (0..its points) with a comment; the attempt is complete when none waits. */
export async function gradeEssay(db: Executor, p: Principal, attemptId: string, input: { questionId: string; points: number; comment: string }) {
	const [a] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
	authorize(p, 'update', 'learner_work', a ? workOf(a, a.learnerId) : undefined);
	if (a.learnerId === p.personId) throw new NotFoundError(m.error_not_found());
	const result = a.results[input.questionId];
	if (!result || a.status === 'in_progress') throw invalid('questionId', m.el_not_gradable());
	if (input.points > result.max) throw invalid('points', m.el_points_over({ max: result.max }));
	const results = { ...a.results, [input.questionId]: { ...result, points: input.points, fraction: result.max ? input.points / result.max : 0, comment: input.comment } };
	const t = totals(results);
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(quizAttempts)
			.set({ results, score: t.score, status: t.pending ? 'needs_grading' : 'submitted' })
			.where(eq(quizAttempts.id, attemptId))
			.returning();
		await writeAudit(tx, p, { action: 'grade', entityType: 'quiz_attempt', entityId: attemptId, scopePath: a.path, schoolId: a.schoolId, before: { result }, after: { result: results[input.questionId] } });
		return after;
	});
}

/**
 * A learner's learning: the lessons given to their classes that are open, with progress, due date
 * and best score; mastery per topic from every graded answer; and the lessons suggested next.
 */
export async function learnerOverview(db: Executor, p: Principal, learnerId: string, now = new Date()) {
	const given = await db
		.select({ lc: lessonClasses, lesson: lessons, subjectName: subjects.name })
		.from(lessonClasses)
		.innerJoin(enrolments, and(eq(enrolments.classId, lessonClasses.classId), eq(enrolments.learnerId, learnerId)))
		.innerJoin(lessons, eq(lessons.id, lessonClasses.lessonId))
		.innerJoin(subjects, eq(subjects.id, lessons.subjectId))
		.where(sql`${lessonClasses.opensAt} <= ${now}`)
		.orderBy(asc(lessonClasses.dueAt));
	// Whose learning this is must be readable by the caller (a learner's own, a parent's child's, a teacher's class).
	const [enrolment] = await db.select({ path: classes.path }).from(enrolments).innerJoin(classes, eq(classes.id, enrolments.classId)).where(eq(enrolments.learnerId, learnerId)).limit(1);
	authorize(p, 'read', 'learner_work', enrolment ? workOf(enrolment, learnerId) : undefined);
	const visible = given.filter((g) => can(p, 'read', 'learner_work', workOf(g.lc, learnerId)));
	const done = await db.select().from(lessonProgress).where(eq(lessonProgress.learnerId, learnerId));
	const attempts = await db.select().from(quizAttempts).where(and(eq(quizAttempts.learnerId, learnerId), isNotNull(quizAttempts.submittedAt)));
	const qIds = [...new Set(attempts.flatMap((a) => Object.keys(a.results)))];
	const allQuizzes = visible.length ? await db.select().from(quizzes).where(inArray(quizzes.lessonId, visible.map((g) => g.lesson.id))) : [];
	const topicIds = [...new Set([...qIds, ...allQuizzes.flatMap((q) => q.questionIds)])];
	const topics = new Map((topicIds.length ? await db.select({ id: questions.id, topic: questions.topic }).from(questions).where(inArray(questions.id, topicIds)) : []).map((q) => [q.id, q.topic]));
	const mastery = masteryByTopic([
		...attempts.flatMap((a) =>
			Object.entries(a.results)
				.filter(([, r]) => r.fraction !== null)
				.map(([qid, r]) => ({ topic: topics.get(qid) ?? '', fraction: r.fraction!, at: a.submittedAt! }))
		),
		...(await assignmentEvidence(db, [learnerId]))
	]);
	const rows = visible.map((g) => {
		const mine = new Set(done.filter((d) => d.lessonId === g.lesson.id).map((d) => d.blockId));
		const progress = progressPercent(g.lesson.blocks, mine);
		const scores = attempts.filter((a) => a.lessonClassId === g.lc.id);
		const best = scores.reduce<Attempt | null>((b, a) => (b === null || (a.score ?? 0) > (b.score ?? 0) ? a : b), null);
		const lessonTopics = [...new Set(allQuizzes.filter((q) => q.lessonId === g.lesson.id).flatMap((q) => q.questionIds.map((id) => topics.get(id) ?? '')))].filter(Boolean);
		return {
			lessonId: g.lesson.id,
			title: g.lesson.title,
			subjectName: g.subjectName,
			dueAt: g.lc.dueAt,
			progress,
			completed: g.lesson.blocks.length > 0 && progress === 100,
			overdue: !!g.lc.dueAt && g.lc.dueAt < now && progress < 100,
			bestScore: best?.score ?? null,
			maxScore: best?.maxScore ?? null,
			topics: lessonTopics
		};
	});
	const next = suggestNext(rows.map((r) => ({ lessonId: r.lessonId, topics: r.topics, completed: r.completed, dueAt: r.dueAt })), mastery);
	return { lessons: rows, mastery, suggestions: next.map((id) => rows.find((r) => r.lessonId === id)!) };
}

/** Graded assignments with a topic, as mastery evidence: the share of the maximum earned. */
async function assignmentEvidence(db: Executor, learnerIds: string[]): Promise<(TopicEvidence & { learnerId: string })[]> {
	if (!learnerIds.length) return [];
	const rows = await db
		.select({ learnerId: submissions.learnerId, topic: assignments.topic, score: submissions.scoreTenths, max: assignments.maxTenths, at: submissions.gradedAt })
		.from(submissions)
		.innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
		.where(and(inArray(submissions.learnerId, learnerIds), isNotNull(submissions.scoreTenths), sql`${assignments.topic} <> ''`));
	return rows.filter((r) => r.max > 0 && r.at).map((r) => ({ learnerId: r.learnerId, topic: r.topic, fraction: Math.min(1, r.score! / r.max), at: r.at! }));
}

/** A class teacher's view of who needs help on what: per topic, the learners below mastery. */
export async function classMastery(db: Executor, p: Principal, classId: string) {
	const [cls] = await db.select().from(classes).where(eq(classes.id, classId));
	authorize(p, 'read', 'learner_work', cls ? { path: cls.path } : undefined);
	const learners = sortVietnamese(
		await db
			.select({ id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
			.from(enrolments)
			.innerJoin(persons, eq(persons.id, enrolments.learnerId))
			.where(eq(enrolments.classId, classId))
	);
	const attempts = learners.length ? await db.select().from(quizAttempts).where(and(inArray(quizAttempts.learnerId, learners.map((l) => l.id)), eq(quizAttempts.path, cls.path), isNotNull(quizAttempts.submittedAt))) : [];
	const qIds = [...new Set(attempts.flatMap((a) => Object.keys(a.results)))];
	const topics = new Map((qIds.length ? await db.select({ id: questions.id, topic: questions.topic }).from(questions).where(inArray(questions.id, qIds)) : []).map((q) => [q.id, q.topic]));
	const fromAssignments = await assignmentEvidence(db, learners.map((l) => l.id));
	const byTopic = new Map<string, { learnerId: string; name: string; score: number; level: string }[]>();
	for (const l of learners) {
		const mastery = masteryByTopic([
			...attempts
				.filter((a) => a.learnerId === l.id)
				.flatMap((a) => Object.entries(a.results).filter(([, r]) => r.fraction !== null).map(([qid, r]) => ({ topic: topics.get(qid) ?? '', fraction: r.fraction!, at: a.submittedAt! }))),
			...fromAssignments.filter((e) => e.learnerId === l.id)
		]);
		for (const t of mastery) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), { learnerId: l.id, name: fullName(l), score: t.score, level: t.level }]);
	}
	return {
		class: { id: cls.id, name: cls.name },
		topics: [...byTopic]
			.map(([topic, list]) => ({ topic, learners: list.length, needsHelp: list.filter((x) => x.level === 'needs_help'), practising: list.filter((x) => x.level === 'practising').length, mastered: list.filter((x) => x.level === 'mastered').length }))
			.sort((a, b) => b.needsHelp.length - a.needsHelp.length || a.topic.localeCompare(b.topic, 'vi'))
	};
}
