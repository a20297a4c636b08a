/**
 * The content library (kho học liệu): teachers and officers publish resources — an outside link
 * or one of Sen's lessons — shared within their school, their management unit or the whole city;
 * colleagues find them by words (diacritics ignored) and tags, rate them, and reuse them (a lesson
 * is copied, with its quizzes and questions, into the reuser's own school). Permissions come from
 * the central policy (kind `library_item`).
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ValidationError } from '../errors';
import { schools, subjectGroups, subjects } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName } from '../people/names';
import { lessons, questions, quizzes } from './lesson-schema';
import { libraryItems, libraryRatings } from './library-schema';
import { reachPath, searchKey, type LibraryReach } from './library-rules';
import { staffSchoolIds } from './views';
import type { LessonBlock } from './lesson-blocks';
import { m } from '#lib/paraglide/messages.js';
import { containsPattern } from '../db/like';

type Item = typeof libraryItems.$inferSelect;
const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);
const resourceOf = (i: Pick<Item, 'path' | 'authorId'>) => ({ path: i.path, authorId: i.authorId });

export interface LibraryItemInput {
	title: string;
	description: string;
	url?: string | null;
	lessonId?: string | null;
	reach: LibraryReach;
	levels: Item['levels'];
	grades: number[];
	subject: string;
	competencies: string[];
	contexts: Item['contexts'];
	modes: Item['modes'];
}

/** Where the caller publishes from: the lesson's school, else their school, else the unit or city they serve. */
async function home(db: Executor, p: Principal, lessonSchoolId: string | null) {
	const schoolId = lessonSchoolId ?? staffSchoolIds(p)[0];
	if (schoolId) {
		const [s] = await db.select({ id: schools.id, path: schools.path }).from(schools).where(eq(schools.id, schoolId));
		return { schoolId: s.id, path: s.path, officer: false };
	}
	const g = p.grants.find((x) => x.role === 'unit_officer' || x.role === 'city_officer');
	if (!g) return null;
	return { schoolId: null, path: g.scopePath, officer: true };
}

export async function publishItem(db: Executor, p: Principal, input: LibraryItemInput) {
	if (!input.url && !input.lessonId) throw invalid('url', m.lib_url_or_lesson());
	let lessonSchoolId: string | null = null;
	if (input.lessonId) {
		const [lesson] = await db.select().from(lessons).where(eq(lessons.id, input.lessonId));
		if (!lesson || !can(p, 'update', 'lesson', { path: lesson.path, authorId: lesson.authorId })) throw invalid('lessonId', m.lib_lesson_not_yours());
		lessonSchoolId = lesson.schoolId;
	}
	const from = await home(db, p, lessonSchoolId);
	authorizeCreate(p, 'library_item', { path: from?.path ?? '/' });
	const path = from!.officer ? from!.path : reachPath(from!.path, input.reach);
	return db.transaction(async (tx) => {
		const [item] = await tx
			.insert(libraryItems)
			.values({
				...input,
				url: input.url ?? null,
				lessonId: input.lessonId ?? null,
				schoolId: from!.schoolId,
				path,
				reach: from!.officer ? (from!.path.split('/').filter(Boolean).length > 1 ? 'unit' : 'city') : input.reach,
				authorId: p.personId,
				searchText: searchKey(input.title, input.description, input.subject, ...input.competencies)
			})
			.returning();
		await writeAudit(tx, p, { action: 'publish', entityType: 'library_item', entityId: item.id, scopePath: item.path, schoolId: item.schoolId, after: item });
		return item;
	});
}

export interface LibraryFilter {
	q?: string;
	level?: string;
	grade?: number;
	subject?: string;
	context?: string;
	mode?: string;
	sort?: 'new' | 'rating' | 'reuse';
}

const ratingAvg = sql<number | null>`(select round(avg(r.stars)::numeric, 1)::float from library_ratings r where r.item_id = ${libraryItems.id})`;
const ratingCount = sql<number>`(select count(*)::int from library_ratings r where r.item_id = ${libraryItems.id})`;

/** What the caller may read, by words and tags, best first as asked. */
export async function listItems(db: Executor, p: Principal, f: LibraryFilter) {
	authorizeList(p, 'library_item');
	const conds: SQL[] = [scopeCondition(p, 'read', 'library_item', { path: libraryItems.path, authorId: libraryItems.authorId })];
	if (f.q?.trim()) conds.push(sql`${libraryItems.searchText} like ${containsPattern(searchKey(f.q))}`);
	if (f.level) conds.push(sql`${f.level} = any(${libraryItems.levels})`);
	if (f.grade !== undefined) conds.push(sql`${f.grade}::smallint = any(${libraryItems.grades})`);
	if (f.subject?.trim()) conds.push(sql`lower(${libraryItems.subject}) = lower(${f.subject.trim()})`);
	if (f.context) conds.push(sql`${f.context} = any(${libraryItems.contexts})`);
	if (f.mode) conds.push(sql`${f.mode} = any(${libraryItems.modes})`);
	const order = f.sort === 'rating' ? [sql`${ratingAvg} desc nulls last`, desc(libraryItems.createdAt)] : f.sort === 'reuse' ? [desc(libraryItems.reuseCount), desc(libraryItems.createdAt)] : [desc(libraryItems.createdAt)];
	const rows = await db
		.select({ item: libraryItems, rating: ratingAvg, ratings: ratingCount, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
		.from(libraryItems)
		.innerJoin(persons, eq(persons.id, libraryItems.authorId))
		.where(and(...conds))
		.orderBy(...order)
		.limit(200);
	return rows.map((r) => ({ ...r.item, rating: r.rating, ratings: r.ratings, authorName: fullName(r), mine: r.item.authorId === p.personId }));
}

export async function getItem(db: Executor, p: Principal, id: string) {
	const [item] = await db.select().from(libraryItems).where(eq(libraryItems.id, id));
	authorize(p, 'read', 'library_item', item ? resourceOf(item) : undefined);
	const ratings = await db.select().from(libraryRatings).where(eq(libraryRatings.itemId, id));
	const [author] = await db.select().from(persons).where(eq(persons.id, item.authorId));
	const mine = ratings.find((r) => r.personId === p.personId);
	return {
		...item,
		authorName: author ? fullName(author) : '',
		rating: ratings.length ? Math.round((ratings.reduce((a, r) => a + r.stars, 0) / ratings.length) * 10) / 10 : null,
		ratings: ratings.length,
		myStars: mine?.stars ?? null,
		comments: ratings.filter((r) => r.comment).map((r) => ({ stars: r.stars, comment: r.comment, at: r.at })),
		canWithdraw: can(p, 'delete', 'library_item', resourceOf(item))
	};
}

/** One rating per reader, which they may change; the author does not rate their own. */
export async function rateItem(db: Executor, p: Principal, id: string, input: { stars: number; comment: string }) {
	const [item] = await db.select().from(libraryItems).where(eq(libraryItems.id, id));
	authorize(p, 'read', 'library_item', item ? resourceOf(item) : undefined);
	if (item.authorId === p.personId) throw invalid('stars', m.lib_rate_own());
	await db
		.insert(libraryRatings)
		.values({ itemId: id, personId: p.personId, stars: input.stars, comment: input.comment })
		.onConflictDoUpdate({ target: [libraryRatings.itemId, libraryRatings.personId], set: { stars: input.stars, comment: input.comment, at: new Date() } });
	return getItem(db, p, id);
}

export async function withdrawItem(db: Executor, p: Principal, id: string) {
	const [item] = await db.select().from(libraryItems).where(eq(libraryItems.id, id));
	authorize(p, 'delete', 'library_item', item ? resourceOf(item) : undefined);
	await db.transaction(async (tx) => {
		await tx.delete(libraryRatings).where(eq(libraryRatings.itemId, id));
		await tx.delete(libraryItems).where(eq(libraryItems.id, id));
		await writeAudit(tx, p, { action: 'withdraw', entityType: 'library_item', entityId: id, scopePath: item.path, schoolId: item.schoolId, before: item });
	});
}

/**
 * Reuses an item: counts it, and for one of Sen's lessons makes the caller their own copy in their
 * school — the blocks, the quizzes and the quizzes' questions (into the caller's bank, under the
 * subject of the same code or name). Returns the copy's id, or the outside link.
 */
export async function reuseItem(db: Executor, p: Principal, id: string): Promise<{ lessonId: string | null; url: string | null }> {
	const [item] = await db.select().from(libraryItems).where(eq(libraryItems.id, id));
	authorize(p, 'read', 'library_item', item ? resourceOf(item) : undefined);
	if (!item.lessonId) {
		await db.update(libraryItems).set({ reuseCount: sql`${libraryItems.reuseCount} + 1` }).where(eq(libraryItems.id, id));
		return { lessonId: null, url: item.url };
	}
	const [source] = await db.select().from(lessons).where(eq(lessons.id, item.lessonId));
	const [sourceSubject] = await db.select().from(subjects).where(eq(subjects.id, source.subjectId));
	const schoolId = staffSchoolIds(p)[0];
	if (!schoolId) throw invalid('lessonId', m.lib_reuse_needs_school());
	const [mine] = await db
		.select({ subject: subjects, groupPath: subjectGroups.path, schoolPath: schools.path })
		.from(subjects)
		.innerJoin(schools, eq(schools.id, subjects.schoolId))
		.leftJoin(subjectGroups, eq(subjectGroups.id, subjects.subjectGroupId))
		.where(and(eq(subjects.schoolId, schoolId), sql`(${subjects.code} = ${sourceSubject.code} or lower(${subjects.name}) = lower(${sourceSubject.name}))`))
		.limit(1);
	if (!mine) throw invalid('lessonId', m.lib_reuse_no_subject({ subject: sourceSubject.name }));
	const path = mine.groupPath ?? mine.schoolPath;
	authorizeCreate(p, 'lesson', { path, authorId: p.personId });
	const sourceQuizzes = await db.select().from(quizzes).where(eq(quizzes.lessonId, source.id));
	const qIds = [...new Set(sourceQuizzes.flatMap((q) => q.questionIds))];
	const sourceQuestions = qIds.length ? await db.select().from(questions).where(inArray(questions.id, qIds)) : [];
	return db.transaction(async (tx) => {
		const [copy] = await tx
			.insert(lessons)
			.values({ schoolId, path, authorId: p.personId, subjectId: mine.subject.id, grade: source.grade, title: source.title, summary: source.summary, blocks: [] })
			.returning();
		const questionMap = new Map<string, string>();
		for (const q of sourceQuestions) {
			const [n] = await tx
				.insert(questions)
				.values({ schoolId, path, authorId: p.personId, subjectId: mine.subject.id, grade: q.grade, kind: q.kind, level: q.level, topic: q.topic, stem: q.stem, body: q.body, points: q.points })
				.returning({ id: questions.id });
			questionMap.set(q.id, n.id);
		}
		const quizMap = new Map<string, string>();
		for (const q of sourceQuizzes) {
			const [n] = await tx
				.insert(quizzes)
				.values({ lessonId: copy.id, schoolId, title: q.title, questionIds: q.questionIds.map((x) => questionMap.get(x)!).filter(Boolean), drawCount: q.drawCount, shuffle: q.shuffle, timeLimitMinutes: q.timeLimitMinutes, maxAttempts: q.maxAttempts })
				.returning({ id: quizzes.id });
			quizMap.set(q.id, n.id);
		}
		const blocks: LessonBlock[] = source.blocks.map((b) => ({ ...b, id: crypto.randomUUID(), ...(b.kind === 'quiz' ? { quizId: quizMap.get(b.quizId)! } : {}) }) as LessonBlock);
		await tx.update(lessons).set({ blocks }).where(eq(lessons.id, copy.id));
		await tx.update(libraryItems).set({ reuseCount: sql`${libraryItems.reuseCount} + 1` }).where(eq(libraryItems.id, id));
		await writeAudit(tx, p, { action: 'reuse', entityType: 'lesson', entityId: copy.id, scopePath: path, schoolId, after: { fromLibraryItem: id, fromLesson: source.id } });
		return { lessonId: copy.id, url: null };
	});
}
