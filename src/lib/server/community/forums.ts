/**
 * Forums (diễn đàn): spaces of a school's staff, of the city's teachers, of a club and of a parent
 * committee, each with categories, threads and replies. Under the central policy (kinds
 * `forum_space` — read, and `update` to moderate —, `forum_thread` — create a thread or reply):
 * a teachers' space is its staff's along the path, a club's its members' and advisor's, a
 * committee's its parents'. Hidden threads and replies are seen by moderators only; search
 * ignores case and diacritics over a trigram-indexed key.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName } from '../people/names';
import { forumCategories, forumPosts, forumSpaces, forumThreads } from './schema';
import { mayReply, searchPattern, threadSearchText, visibleToReader } from './rules';
import { m } from '#lib/paraglide/messages.js';

type Space = typeof forumSpaces.$inferSelect;
const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

// Who belongs to a members' space, and who moderates it by name, as uuid[] expressions over the
// forum_spaces row (the same in list filters and when one space is checked).
const committeeHomeroom = sql`array(select cl.homeroom_teacher_id from parent_committees pc join classes cl on cl.id = pc.class_id where pc.id = ${forumSpaces.committeeId} and cl.homeroom_teacher_id is not null)`;
const memberIdsSql = sql`(case ${forumSpaces.kind}
	when 'club' then array(select cm.person_id from club_members cm where cm.club_id = ${forumSpaces.clubId} and cm.status = 'approved') || array(select c.advisor_id from clubs c where c.id = ${forumSpaces.clubId})
	when 'committee' then array(select gd.guardian_id from guardianships gd join enrolments e on e.learner_id = gd.learner_id join classes cl on cl.id = e.class_id where starts_with(cl.path, ${forumSpaces.path}))
		|| array(select pm.person_id from parent_committee_members pm where pm.committee_id = ${forumSpaces.committeeId}) || ${committeeHomeroom}
	else array[]::uuid[] end)`;
const moderatorIdsSql = sql`(case ${forumSpaces.kind}
	when 'club' then array(select c.advisor_id from clubs c where c.id = ${forumSpaces.clubId})
	when 'committee' then array(select pm.person_id from parent_committee_members pm where pm.committee_id = ${forumSpaces.committeeId} and pm.role = 'chair') || ${committeeHomeroom}
	else array[]::uuid[] end)`;
const audienceSql = sql`(case when ${forumSpaces.kind} in ('school', 'city_teachers') then 'staff' else 'members' end)`;
export const spaceColumns = { path: forumSpaces.path, memberIds: memberIdsSql, moderatorIds: moderatorIdsSql, audience: audienceSql };

const audienceOf = (kind: Space['kind']): 'staff' | 'members' => (kind === 'school' || kind === 'city_teachers' ? 'staff' : 'members');

async function loadSpace(db: Executor, p: Principal, id: string) {
	const [row] = await db
		.select({ space: forumSpaces, memberIds: sql<string[]>`(${memberIdsSql})::text[]`, moderatorIds: sql<string[]>`(${moderatorIdsSql})::text[]` })
		.from(forumSpaces)
		.where(eq(forumSpaces.id, id));
	const resource: Resource | undefined = row ? { path: row.space.path, audience: audienceOf(row.space.kind), memberIds: row.memberIds ?? [], moderatorIds: row.moderatorIds ?? [] } : undefined;
	authorize(p, 'read', 'forum_space', resource);
	return { space: row.space, resource: resource!, isModerator: can(p, 'update', 'forum_space', resource!), mayPost: can(p, 'create', 'forum_thread', resource!) };
}

/** A school leader opens their school's staff space; the city officer the city's teachers' space. Audited. */
export async function createSpace(db: Executor, p: Principal, input: { kind: 'school' | 'city_teachers'; schoolId?: string | null; orgUnitId?: string | null; name: string }) {
	let place: { path: string; schoolId: string | null };
	if (input.kind === 'school') {
		const [s] = input.schoolId ? await db.select({ id: schools.id, path: schools.path }).from(schools).where(eq(schools.id, input.schoolId)) : [];
		if (!s) throw invalid('schoolId', m.club_place_unknown());
		place = { path: s.path, schoolId: s.id };
	} else {
		const [u] = input.orgUnitId ? await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, input.orgUnitId)) : [];
		if (!u) throw invalid('orgUnitId', m.club_place_unknown());
		place = { path: u.path, schoolId: null };
	}
	if (!can(p, 'update', 'forum_space', { path: place.path, audience: 'staff' })) throw new ForbiddenError(m.error_forbidden());
	return db.transaction(async (tx) => {
		const [space] = await tx.insert(forumSpaces).values({ path: place.path, schoolId: place.schoolId, kind: input.kind, name: input.name }).returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'forum_space', entityId: space.id, scopePath: space.path, schoolId: space.schoolId, after: space });
		return space;
	});
}

/** The spaces the caller may read, with how many visible threads each holds. */
export async function listSpaces(db: Executor, p: Principal) {
	authorizeList(p, 'forum_space');
	const rows = await db
		.select({ space: forumSpaces, threads: sql<number>`(select count(*)::int from forum_threads t where t.space_id = ${forumSpaces.id} and not t.hidden)` })
		.from(forumSpaces)
		.where(scopeCondition(p, 'read', 'forum_space', spaceColumns))
		.orderBy(asc(forumSpaces.kind), asc(forumSpaces.name));
	return rows.map((r) => ({ id: r.space.id, kind: r.space.kind, name: r.space.name, clubId: r.space.clubId, committeeId: r.space.committeeId, threadCount: r.threads }));
}

/** A space: its categories and the threads the caller may see (pinned first), searched with `q` ignoring diacritics. */
export async function getSpace(db: Executor, p: Principal, id: string, f: { q?: string; categoryId?: string } = {}) {
	const { space, isModerator, mayPost } = await loadSpace(db, p, id);
	const categories = await db.select().from(forumCategories).where(eq(forumCategories.spaceId, id)).orderBy(asc(forumCategories.position), asc(forumCategories.name));
	const conds: SQL[] = [eq(forumThreads.spaceId, id)];
	if (!isModerator) conds.push(eq(forumThreads.hidden, false));
	if (f.categoryId) conds.push(eq(forumThreads.categoryId, f.categoryId));
	if (f.q?.trim()) conds.push(sql`${forumThreads.searchText} like ${searchPattern(f.q)}`);
	const rows = await db
		.select({ t: forumThreads, author: nameColumns, replies: sql<number>`(select count(*)::int from forum_posts fp where fp.thread_id = ${forumThreads.id} and (not fp.hidden or ${isModerator}))` })
		.from(forumThreads)
		.innerJoin(persons, eq(persons.id, forumThreads.authorId))
		.where(and(...conds))
		// Pinned threads first, then the latest activity — in SQL, so the limit never drops a pinned one.
		.orderBy(desc(forumThreads.pinned), desc(forumThreads.lastPostAt))
		.limit(200);
	const threads = rows.map((r) => ({ id: r.t.id, title: r.t.title, categoryId: r.t.categoryId, authorName: fullName(r.author), pinned: r.t.pinned, locked: r.t.locked, hidden: r.t.hidden, createdAt: r.t.createdAt, lastPostAt: r.t.lastPostAt, replyCount: r.replies }));
	return { id: space.id, kind: space.kind, name: space.name, clubId: space.clubId, committeeId: space.committeeId, categories: categories.map((c) => ({ id: c.id, name: c.name })), threads, isModerator, mayPost };
}

/** A moderator adds a category. Audited. */
export async function addCategory(db: Executor, p: Principal, spaceId: string, input: { name: string }) {
	const { space, isModerator } = await loadSpace(db, p, spaceId);
	if (!isModerator) throw new ForbiddenError(m.error_forbidden());
	return db.transaction(async (tx) => {
		const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(forumCategories).where(eq(forumCategories.spaceId, spaceId));
		const [row] = await tx.insert(forumCategories).values({ spaceId, name: input.name, position: n }).returning();
		await writeAudit(tx, p, { action: 'add_category', entityType: 'forum_space', entityId: spaceId, scopePath: space.path, schoolId: space.schoolId, after: row });
		return row;
	});
}

/** Anyone who may post in the space starts a thread (in one of its categories). */
export async function createThread(db: Executor, p: Principal, spaceId: string, input: { categoryId?: string | null; title: string; body: string }) {
	const { space, mayPost } = await loadSpace(db, p, spaceId);
	if (!mayPost) throw new ForbiddenError(m.error_forbidden());
	if (input.categoryId) {
		const [c] = await db.select({ id: forumCategories.id }).from(forumCategories).where(and(eq(forumCategories.id, input.categoryId), eq(forumCategories.spaceId, spaceId)));
		if (!c) throw invalid('categoryId', m.club_forum_category_unknown());
	}
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(forumThreads)
			.values({ spaceId, categoryId: input.categoryId ?? null, authorId: p.personId, title: input.title, body: input.body, searchText: threadSearchText(input.title, input.body) })
			.returning();
		await writeAudit(tx, p, { action: 'create_thread', entityType: 'forum_space', entityId: spaceId, scopePath: space.path, schoolId: space.schoolId, after: { id: row.id, title: row.title } });
		return row;
	});
}

async function loadThread(db: Executor, p: Principal, threadId: string) {
	const [thread] = await db.select().from(forumThreads).where(eq(forumThreads.id, threadId));
	if (!thread) throw new NotFoundError(m.error_not_found());
	const loaded = await loadSpace(db, p, thread.spaceId);
	// A hidden thread does not exist for anyone but the moderators.
	if (!visibleToReader(thread, loaded.isModerator)) throw new NotFoundError(m.error_not_found());
	return { thread, ...loaded };
}

/** A thread with the replies the caller may see. */
export async function getThread(db: Executor, p: Principal, threadId: string) {
	const { thread, space, isModerator, mayPost } = await loadThread(db, p, threadId);
	const conds: SQL[] = [eq(forumPosts.threadId, threadId)];
	if (!isModerator) conds.push(eq(forumPosts.hidden, false));
	const posts = await db.select({ post: forumPosts, author: nameColumns }).from(forumPosts).innerJoin(persons, eq(persons.id, forumPosts.authorId)).where(and(...conds)).orderBy(asc(forumPosts.createdAt));
	const [author] = await db.select(nameColumns).from(persons).where(eq(persons.id, thread.authorId));
	const [category] = thread.categoryId ? await db.select({ name: forumCategories.name }).from(forumCategories).where(eq(forumCategories.id, thread.categoryId)) : [];
	return {
		id: thread.id,
		spaceId: space.id,
		spaceName: space.name,
		categoryName: category?.name ?? null,
		title: thread.title,
		body: thread.body,
		authorName: author ? fullName(author) : '',
		pinned: thread.pinned,
		locked: thread.locked,
		hidden: thread.hidden,
		createdAt: thread.createdAt,
		posts: posts.map((r) => ({ id: r.post.id, body: r.post.body, hidden: r.post.hidden, authorName: fullName(r.author), createdAt: r.post.createdAt })),
		isModerator,
		mayReply: mayPost && mayReply(thread, isModerator)
	};
}

/** A reply; a locked thread takes none (but a moderator's). The thread's author is told. */
export async function replyToThread(db: Executor, p: Principal, threadId: string, input: { body: string }) {
	const { thread, space, isModerator, mayPost } = await loadThread(db, p, threadId);
	if (!mayPost) throw new ForbiddenError(m.error_forbidden());
	if (!mayReply(thread, isModerator)) throw new ConflictError(m.club_forum_locked());
	return db.transaction(async (tx) => {
		const [post] = await tx.insert(forumPosts).values({ threadId, authorId: p.personId, body: input.body }).returning();
		await tx.update(forumThreads).set({ lastPostAt: post.createdAt }).where(eq(forumThreads.id, threadId));
		if (thread.authorId !== p.personId)
			await notify(tx, { to: [thread.authorId], kind: 'forum_reply', title: m.club_forum_notify_reply_title({ title: thread.title }), body: m.club_forum_notify_reply_body({ name: p.displayName }), link: `/forums/threads/${threadId}`, schoolId: space.schoolId, key: `forum-post:${post.id}` });
		return post;
	});
}

/** A moderator pins, locks or hides a thread. Audited. */
export async function moderateThread(db: Executor, p: Principal, threadId: string, input: { pinned?: boolean; locked?: boolean; hidden?: boolean }) {
	const { thread, space, isModerator } = await loadThread(db, p, threadId);
	if (!isModerator) throw new ForbiddenError(m.error_forbidden());
	const set = Object.fromEntries(Object.entries({ pinned: input.pinned, locked: input.locked, hidden: input.hidden }).filter(([, v]) => v !== undefined));
	if (!Object.keys(set).length) return thread;
	return db.transaction(async (tx) => {
		const [after] = await tx.update(forumThreads).set(set).where(eq(forumThreads.id, threadId)).returning();
		await writeAudit(tx, p, { action: 'moderate_thread', entityType: 'forum_thread', entityId: threadId, scopePath: space.path, schoolId: space.schoolId, before: { pinned: thread.pinned, locked: thread.locked, hidden: thread.hidden }, after: set });
		return after;
	});
}

/** A moderator hides (or shows again) a reply. Audited. */
export async function moderatePost(db: Executor, p: Principal, postId: string, input: { hidden: boolean }) {
	const [post] = await db.select().from(forumPosts).where(eq(forumPosts.id, postId));
	if (!post) throw new NotFoundError(m.error_not_found());
	const { space, isModerator } = await loadThread(db, p, post.threadId);
	if (!isModerator) {
		if (post.hidden) throw new NotFoundError(m.error_not_found());
		throw new ForbiddenError(m.error_forbidden());
	}
	return db.transaction(async (tx) => {
		const [after] = await tx.update(forumPosts).set({ hidden: input.hidden }).where(eq(forumPosts.id, postId)).returning();
		await writeAudit(tx, p, { action: input.hidden ? 'hide_post' : 'show_post', entityType: 'forum_post', entityId: postId, scopePath: space.path, schoolId: space.schoolId, before: { hidden: post.hidden }, after: { hidden: input.hidden } });
		return after;
	});
}
