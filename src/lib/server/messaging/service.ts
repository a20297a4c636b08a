/**
 * Conversations and messages (liên lạc): direct conversations the central policy allows
 * (`mayStartConversation`), class announcements to every parent of a class with read receipts,
 * supervised project channels, messages with attachments, unread counts, reports reviewed by the
 * school's leaders, and retention. Reading a conversation means being its member (policy kind
 * `conversation`, scope `member`). New messages are published to the live hub after commit.
 */
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, mayEver, mayStartConversation, scopeCondition, type Party, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { classes, enrolments, schools } from '../organisations/schema';
import { guardianships, persons, roleGrants } from '../people/schema';
import { projects, projectTeamMembers } from '../learning/project-schema';
import { fullName, sortVietnamese } from '../people/names';
import { getSetting } from '../settings/service';
import { findFiles, recordFiles, downloadResponse } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { conversationMembers, conversations, messageAttachments, messageReports, messages } from './schema';
import { mayPost, readReceipt, retentionCutoff, seesMessage, type MemberRole } from './rules';
import { publish, type LiveMessage } from './hub';
import { m } from '#lib/paraglide/messages.js';

type Conversation = typeof conversations.$inferSelect;
const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

async function namesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
	const unique = [...new Set(ids)];
	if (!unique.length) return new Map();
	return new Map((await db.select(nameColumns).from(persons).where(inArray(persons.id, unique))).map((r) => [r.id, fullName(r)]));
}

// ── Parties: who someone is, as the policy's mayStartConversation needs it ─────────────────────

/** The parties of these people in three queries (persons, grants, class paths). */
export async function partiesOf(db: Executor, ids: string[]): Promise<Map<string, Party>> {
	const unique = [...new Set(ids)];
	if (!unique.length) return new Map();
	const people = await db.select({ id: persons.id, kind: persons.kind }).from(persons).where(inArray(persons.id, unique));
	const grants = await db
		.select({ personId: roleGrants.personId, role: roleGrants.role, scopeType: roleGrants.scopeType, scopePath: roleGrants.scopePath, schoolId: roleGrants.schoolId })
		.from(roleGrants)
		.where(inArray(roleGrants.personId, unique));
	const own = await db.select({ personId: enrolments.learnerId, path: classes.path }).from(enrolments).innerJoin(classes, eq(classes.id, enrolments.classId)).where(inArray(enrolments.learnerId, unique));
	const children = await db
		.select({ personId: guardianships.guardianId, path: classes.path })
		.from(guardianships)
		.innerJoin(enrolments, eq(enrolments.learnerId, guardianships.learnerId))
		.innerJoin(classes, eq(classes.id, enrolments.classId))
		.where(inArray(guardianships.guardianId, unique));
	const out = new Map<string, Party>();
	for (const x of people) {
		const classPaths = (x.kind === 'learner' ? own : x.kind === 'guardian' ? children : []).filter((r) => r.personId === x.id).map((r) => r.path);
		out.set(x.id, { personId: x.id, kind: x.kind, grants: grants.filter((g) => g.personId === x.id), classPaths: [...new Set(classPaths)] });
	}
	return out;
}

/** The caller's own party (their person row kind, their grants and class paths). */
async function partyOfPrincipal(db: Executor, p: Principal): Promise<Party> {
	const me = (await partiesOf(db, [p.personId])).get(p.personId);
	if (!me) throw new NotFoundError(m.error_not_found());
	return me;
}

/**
 * The people the caller may start a conversation with (the picker on /messages): the people of
 * their schools, and the community network for staff (or the staff of the schools whose projects a
 * community member mentors), each checked by the policy.
 */
export async function contactChoices(db: Executor, p: Principal) {
	const me = await partyOfPrincipal(db, p);
	const schoolIds = [...new Set(me.grants.map((g) => g.schoolId).filter((s): s is string => !!s))];
	const conds: SQL[] = [];
	if (schoolIds.length) conds.push(inArray(persons.schoolId, schoolIds));
	const staff = me.grants.some((g) => ['teacher', 'homeroom_teacher', 'subject_group_head', 'counsellor', 'school_leader'].includes(g.role));
	if (staff) conds.push(eq(persons.kind, 'community'));
	if (me.kind === 'community') conds.push(sql`${persons.schoolId} in (select pr.school_id from projects pr where pr.mentor_id = ${p.personId})`);
	if (!conds.length) return [];
	const candidates = await db.select(nameColumns).from(persons).where(and(sql`(${sql.join(conds, sql` or `)})`, ne(persons.id, p.personId))).limit(3000);
	const parties = await partiesOf(db, candidates.map((c) => c.id));
	const allowed = candidates.filter((c) => parties.has(c.id) && mayStartConversation(me, parties.get(c.id)!));
	return sortVietnamese(allowed).map((c) => ({ id: c.id, name: fullName(c), kind: parties.get(c.id)!.kind }));
}

// ── Loading with the policy ─────────────────────────────────────────────────────────────────

async function membersOf(db: Executor, conversationId: string) {
	return db.select().from(conversationMembers).where(eq(conversationMembers.conversationId, conversationId));
}

const collator = new Intl.Collator('vi');
const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => collator.compare(a.name, b.name));

const resourceOf = (c: Conversation, memberIds: string[]): Resource => ({ path: c.path, memberIds });

async function loadConversation(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [c] = await db.select().from(conversations).where(eq(conversations.id, id));
	const members = c ? await membersOf(db, id) : [];
	authorize(p, action, 'conversation', c ? resourceOf(c, members.map((x) => x.personId)) : undefined);
	const me = members.find((x) => x.personId === p.personId)!;
	return { conversation: c, members, me };
}

/** The conversation the caller may read, for the live stream: who they are in it. */
export async function liveAccess(db: Executor, p: Principal, id: string) {
	const { conversation, me } = await loadConversation(db, p, id);
	return { conversationId: conversation.id, personId: p.personId, role: me.role as MemberRole };
}

// ── Starting conversations ──────────────────────────────────────────────────────────────────

async function schoolPath(db: Executor, schoolId: string) {
	const [s] = await db.select({ id: schools.id, path: schools.path }).from(schools).where(eq(schools.id, schoolId));
	return s;
}

/**
 * A direct conversation with one person (reusing the existing one), with a first message. A new
 * conversation, its members, its first message and the notice are one transaction, and the pair is
 * locked meanwhile, so two first messages at once make one conversation, never two.
 */
export async function startDirect(db: Executor, p: Principal, input: { personId: string; body: string }) {
	const me = await partyOfPrincipal(db, p);
	const target = (await partiesOf(db, [input.personId])).get(input.personId);
	if (!target || !mayStartConversation(me, target)) throw new ForbiddenError(m.msg_error_not_allowed());
	// The school the two share (staff's school for a community member).
	const schoolOf = (x: Party) => x.grants.map((g) => g.schoolId).filter((s): s is string => !!s);
	const mine = schoolOf(me);
	const theirs = schoolOf(target);
	const schoolId = mine.find((s) => theirs.includes(s)) ?? mine[0] ?? theirs[0];
	if (!schoolId) throw new ForbiddenError(m.msg_error_not_allowed());
	const school = await schoolPath(db, schoolId);
	const outcome = await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'sen.direct:' + [p.personId, input.personId].sort().join(':')}))`);
		const [existing] = await tx
			.select({ id: conversations.id })
			.from(conversations)
			.where(
				and(
					eq(conversations.kind, 'direct'),
					sql`exists (select 1 from conversation_members a where a.conversation_id = ${conversations.id} and a.person_id = ${p.personId})`,
					sql`exists (select 1 from conversation_members b where b.conversation_id = ${conversations.id} and b.person_id = ${input.personId})`
				)
			)
			.limit(1);
		if (existing) return { id: existing.id, posted: null };
		const [c] = await tx.insert(conversations).values({ schoolId, path: school.path, kind: 'direct', title: '', createdBy: p.personId }).returning();
		await tx.insert(conversationMembers).values([
			{ conversationId: c.id, personId: p.personId, role: 'owner', lastReadAt: new Date() },
			{ conversationId: c.id, personId: input.personId, role: 'member' }
		]);
		await writeAudit(tx, p, { action: 'create', entityType: 'conversation', entityId: c.id, scopePath: c.path, schoolId, after: { kind: c.kind, members: [p.personId, input.personId] } });
		const posted = await insertMessage(tx, p, c, input.body, [], true);
		await notify(tx, { to: [input.personId], kind: 'messaging.message', title: m.msg_notify_message({ name: p.displayName }), body: input.body.slice(0, 500), link: `/messages/${c.id}`, schoolId: c.schoolId, key: `message:${posted.id}` });
		return { id: c.id, posted };
	});
	if (!outcome.posted) {
		await postMessage(db, p, outcome.id, { body: input.body });
		return { id: outcome.id, created: false };
	}
	publish(outcome.posted);
	return { id: outcome.id, created: true };
}

/**
 * A class announcement to every parent of the class's learners: the recipients are written with
 * one set-based insert … select, the parents notified with one notify() call.
 */
export async function createAnnouncement(db: Executor, p: Principal, input: { classId: string; title: string; body: string; repliesAllowed: boolean }, uploads: StoredUpload[] = []) {
	const [cls] = await db.select().from(classes).where(eq(classes.id, input.classId));
	if (!cls) {
		await discardUploads(uploads);
		throw invalid('classId', m.msg_error_class_unknown());
	}
	try {
		authorizeCreate(p, 'conversation', { path: cls.path });
	} catch (e) {
		await discardUploads(uploads);
		throw e;
	}
	const result = await db.transaction(async (tx) => {
		const [c] = await tx
			.insert(conversations)
			.values({ schoolId: cls.schoolId, path: cls.path, kind: 'class_announcement', classId: cls.id, title: input.title, repliesAllowed: input.repliesAllowed, createdBy: p.personId })
			.returning();
		await tx.insert(conversationMembers).values({ conversationId: c.id, personId: p.personId, role: 'owner', lastReadAt: new Date() });
		const recipients = await fanOut(tx, c.id, cls.id, p.personId);
		const posted = await insertMessage(tx, p, c, input.body, uploads, true);
		await notify(tx, { to: recipients, kind: 'messaging.announcement', title: m.msg_notify_announcement({ className: cls.name, title: input.title }), body: input.body.slice(0, 500), link: `/messages/${c.id}`, schoolId: cls.schoolId, key: `announcement:${c.id}` });
		await writeAudit(tx, p, { action: 'create', entityType: 'conversation', entityId: c.id, scopePath: c.path, schoolId: c.schoolId, after: { kind: c.kind, classId: cls.id, title: c.title, repliesAllowed: c.repliesAllowed, recipients: recipients.length } });
		return { conversation: c, recipients: recipients.length, message: posted };
	});
	publish(result.message);
	return { id: result.conversation.id, recipients: result.recipients };
}

/** The parents of a class's learners become recipients: one insert … select, returning who. */
export async function fanOut(tx: Executor, conversationId: string, classId: string, ownerId: string): Promise<string[]> {
	const inserted = await rows<{ person_id: string }>(tx, sql`
		insert into conversation_members (conversation_id, person_id, role)
		select distinct ${conversationId}::uuid, g.guardian_id, 'recipient'::conversation_member_role
		from guardianships g join enrolments e on e.learner_id = g.learner_id
		where e.class_id = ${classId} and g.guardian_id <> ${ownerId}
		on conflict do nothing
		returning person_id`);
	return inserted.map((r) => r.person_id);
}

/**
 * A supervised project channel: created by a teacher of the project's class; its members are the
 * class's teachers (owners), the teams' learners and — only when the teacher includes them — the
 * project's outside mentor. A teacher is always in it, so a mentor never talks to learners alone.
 */
export async function createProjectChannel(db: Executor, p: Principal, input: { projectId: string; title: string; includeMentor: boolean }) {
	const [pr] = await db.select().from(projects).where(eq(projects.id, input.projectId));
	const learners = pr ? (await db.select({ id: projectTeamMembers.learnerId }).from(projectTeamMembers).where(eq(projectTeamMembers.projectId, pr.id))).map((r) => r.id) : [];
	authorize(p, 'update', 'project', pr ? { path: pr.path, memberIds: learners, mentorId: pr.mentorId } : undefined);
	authorizeCreate(p, 'conversation', { path: pr.path });
	if (input.includeMentor && !pr.mentorId) throw invalid('includeMentor', m.msg_error_no_mentor());
	const teachers = (
		await db
			.selectDistinct({ id: roleGrants.personId })
			.from(roleGrants)
			.where(and(inArray(roleGrants.role, ['teacher', 'homeroom_teacher']), eq(roleGrants.scopeType, 'class'), eq(roleGrants.scopePath, pr.path)))
	).map((r) => r.id);
	const owners = [...new Set([p.personId, ...teachers])];
	const others = [...new Set([...learners, ...(input.includeMentor && pr.mentorId ? [pr.mentorId] : [])])].filter((x) => !owners.includes(x));
	const c = await db.transaction(async (tx) => {
		const [c] = await tx.insert(conversations).values({ schoolId: pr.schoolId, path: pr.path, kind: 'project_channel', classId: pr.classId, projectId: pr.id, title: input.title, createdBy: p.personId }).returning();
		await tx.insert(conversationMembers).values([
			...owners.map((personId) => ({ conversationId: c.id, personId, role: 'owner' as const })),
			...others.map((personId) => ({ conversationId: c.id, personId, role: 'member' as const }))
		]);
		await notify(tx, { to: [...owners, ...others].filter((x) => x !== p.personId), kind: 'messaging.message', title: m.msg_notify_channel({ title: input.title }), link: `/messages/${c.id}`, schoolId: pr.schoolId, key: `channel:${c.id}` });
		await writeAudit(tx, p, { action: 'create', entityType: 'conversation', entityId: c.id, scopePath: c.path, schoolId: c.schoolId, after: { kind: c.kind, projectId: pr.id, members: [...owners, ...others], mentorIncluded: input.includeMentor } });
		return c;
	});
	return { id: c.id, members: owners.length + others.length };
}

// ── Messages ────────────────────────────────────────────────────────────────────────────────

async function insertMessage(tx: Executor, p: Principal, c: Conversation, body: string, uploads: StoredUpload[], byOwner: boolean): Promise<LiveMessage> {
	const [msg] = await tx.insert(messages).values({ conversationId: c.id, authorId: p.personId, body }).returning();
	const stored = await recordFiles(tx, p, { schoolId: c.schoolId, path: c.path }, uploads);
	if (stored.length) await tx.insert(messageAttachments).values(stored.map((f) => ({ messageId: msg.id, fileId: f.id })));
	await tx.update(conversations).set({ lastMessageAt: msg.createdAt }).where(eq(conversations.id, c.id));
	await tx.update(conversationMembers).set({ lastReadAt: msg.createdAt }).where(and(eq(conversationMembers.conversationId, c.id), eq(conversationMembers.personId, p.personId)));
	return { id: msg.id, conversationId: c.id, authorId: p.personId, authorName: p.displayName, byOwner, body: msg.body, createdAt: msg.createdAt.toISOString(), attachments: stored.map((f) => ({ id: f.id, name: f.name })) };
}

/** Posts a message (with files) where the caller may: a member, and replies allowed for recipients. */
export async function postMessage(db: Executor, p: Principal, conversationId: string, input: { body: string }, uploads: StoredUpload[] = []) {
	let live: LiveMessage;
	try {
		const { conversation: c, members, me } = await loadConversation(db, p, conversationId, 'update');
		if (!mayPost(me.role, c)) throw new ForbiddenError(m.msg_error_replies_off());
		const byOwner = me.role === 'owner';
		// An announcement's reply goes to its owners only; everything else to every other member.
		const to = members.filter((x) => x.personId !== p.personId && (c.kind !== 'class_announcement' || byOwner || x.role === 'owner')).map((x) => x.personId);
		live = await db.transaction(async (tx) => {
			const posted = await insertMessage(tx, p, c, input.body, uploads, byOwner);
			await notify(tx, { to, kind: 'messaging.message', title: m.msg_notify_message({ name: p.displayName }), body: input.body.slice(0, 500), link: `/messages/${c.id}`, schoolId: c.schoolId, key: `message:${posted.id}` });
			return posted;
		});
	} catch (e) {
		await discardUploads(uploads);
		throw e;
	}
	publish(live);
	return live;
}

/** Moves the caller's read pointer to `now` (opening the thread reads it). */
export async function markRead(db: Executor, p: Principal, conversationId: string, now = new Date()) {
	await loadConversation(db, p, conversationId);
	await db
		.update(conversationMembers)
		.set({ lastReadAt: now })
		.where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.personId, p.personId)));
}

/** Unread messages of a member: after their read pointer, not theirs, not hidden, visible to them. */
const unreadExpr = sql<number>`(
	select count(*)::int from messages mm
	where mm.conversation_id = ${conversationMembers.conversationId}
	  and mm.author_id <> ${conversationMembers.personId}
	  and mm.hidden_at is null
	  and (${conversationMembers.lastReadAt} is null or mm.created_at > ${conversationMembers.lastReadAt})
	  and (${conversationMembers.role} <> 'recipient' or exists (select 1 from conversation_members om where om.conversation_id = mm.conversation_id and om.person_id = mm.author_id and om.role = 'owner'))
)`;

/** The caller's conversations, newest first, each with its unread count; and the total unread. */
export async function listConversations(db: Executor, p: Principal) {
	authorizeList(p, 'conversation');
	const memberIds = sql`array(select cm2.person_id from conversation_members cm2 where cm2.conversation_id = ${conversations.id})`;
	const rows = await db
		.select({ c: conversations, role: conversationMembers.role, unread: unreadExpr })
		.from(conversations)
		.innerJoin(conversationMembers, and(eq(conversationMembers.conversationId, conversations.id), eq(conversationMembers.personId, p.personId)))
		.where(scopeCondition(p, 'read', 'conversation', { path: conversations.path, memberIds }))
		.orderBy(desc(conversations.lastMessageAt))
		.limit(200);
	const ids = rows.map((r) => r.c.id);
	const others = ids.length
		? await db
				.select({ conversationId: conversationMembers.conversationId, personId: conversationMembers.personId })
				.from(conversationMembers)
				.where(and(inArray(conversationMembers.conversationId, ids), ne(conversationMembers.personId, p.personId), sql`${conversationMembers.conversationId} in (select id from conversations where kind = 'direct')`))
		: [];
	const classIds = [...new Set(rows.map((r) => r.c.classId).filter((x): x is string => !!x))];
	const classNames = new Map((classIds.length ? await db.select({ id: classes.id, name: classes.name }).from(classes).where(inArray(classes.id, classIds)) : []).map((x) => [x.id, x.name]));
	const names = await namesOf(db, others.map((o) => o.personId));
	const items = rows.map((r) => ({
		id: r.c.id,
		kind: r.c.kind,
		title: r.c.kind === 'direct' ? (others.filter((o) => o.conversationId === r.c.id).map((o) => names.get(o.personId) ?? '').join(', ') || r.c.title) : r.c.title,
		className: r.c.classId ? (classNames.get(r.c.classId) ?? null) : null,
		role: r.role,
		repliesAllowed: r.c.repliesAllowed,
		lastMessageAt: r.c.lastMessageAt,
		unread: r.unread
	}));
	return { items, unread: items.reduce((n, x) => n + x.unread, 0) };
}

/**
 * A thread as the caller may see it: messages (recipients of an announcement see the owners'
 * and their own), attachments, and for its owners each own message's read receipt and, for an
 * announcement, who has read the latest one.
 */
export async function getConversation(db: Executor, p: Principal, id: string) {
	const { conversation: c, members, me } = await loadConversation(db, p, id);
	const owners = new Set(members.filter((x) => x.role === 'owner').map((x) => x.personId));
	const rows = await db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(asc(messages.createdAt)).limit(1000);
	const visible = rows.filter((r) => seesMessage({ personId: p.personId, role: me.role }, { authorId: r.authorId, byOwner: owners.has(r.authorId) }));
	const attachments = visible.length
		? await db.select().from(messageAttachments).where(inArray(messageAttachments.messageId, visible.map((v) => v.id)))
		: [];
	const fileRows = new Map((await findFiles(db, attachments.map((a) => a.fileId))).map((f) => [f.id, f]));
	const names = await namesOf(db, [...members.map((x) => x.personId), ...visible.map((v) => v.authorId)]);
	const recipients = members.filter((x) => x.personId !== p.personId && (c.kind === 'class_announcement' ? x.role === 'recipient' : true));
	const isOwner = me.role === 'owner';
	const seesReceipts = isOwner && c.kind === 'class_announcement';
	const lastOwn = [...visible].reverse().find((v) => v.authorId === p.personId);
	return {
		id: c.id,
		kind: c.kind,
		title: c.kind === 'direct' ? members.filter((x) => x.personId !== p.personId).map((x) => names.get(x.personId) ?? '').join(', ') : c.title,
		classId: c.classId,
		projectId: c.projectId,
		repliesAllowed: c.repliesAllowed,
		role: me.role,
		mayPost: mayPost(me.role, c),
		lastReadAt: me.lastReadAt,
		members: c.kind === 'class_announcement' && !isOwner ? [] : byName(members.map((x) => ({ id: x.personId, role: x.role, name: names.get(x.personId) ?? '' }))),
		messages: visible.map((v) => ({
			id: v.id,
			authorId: v.authorId,
			authorName: names.get(v.authorId) ?? '',
			byOwner: owners.has(v.authorId),
			mine: v.authorId === p.personId,
			body: v.hiddenAt ? null : v.body,
			hidden: v.hiddenAt !== null,
			createdAt: v.createdAt,
			attachments: v.hiddenAt ? [] : attachments.filter((a) => a.messageId === v.id).map((a) => ({ id: a.fileId, name: fileRows.get(a.fileId)?.name ?? '', size: fileRows.get(a.fileId)?.size ?? 0 })),
			receipt: isOwner && v.authorId === p.personId ? readReceipt(recipients, v.createdAt) : null
		})),
		// Who has read the caller's latest announcement message (X of Y parents, with names).
		readers:
			seesReceipts && lastOwn
				? byName(recipients.map((x) => ({ name: names.get(x.personId) ?? '', read: x.lastReadAt !== null && x.lastReadAt >= lastOwn.createdAt })))
				: null
	};
}

/** Download a message's attachment: whoever may read the conversation (and sees the message). */
export async function attachmentDownload(db: Executor, p: Principal, conversationId: string, messageId: string, fileId: string, opts: { inline?: boolean } = {}) {
	const view = await getConversation(db, p, conversationId);
	const msg = view.messages.find((x) => x.id === messageId);
	if (!msg || !msg.attachments.some((a) => a.id === fileId)) throw new NotFoundError(m.error_not_found());
	const [file] = await findFiles(db, [fileId]);
	if (!file) throw new NotFoundError(m.error_not_found());
	return downloadResponse(file, opts);
}

// ── Reports ─────────────────────────────────────────────────────────────────────────────────

/** A member reports a message; the school's leaders are notified. */
export async function reportMessage(db: Executor, p: Principal, messageId: string, input: { reason: string }) {
	const [msg] = await db.select().from(messages).where(eq(messages.id, messageId));
	const [c] = msg ? await db.select().from(conversations).where(eq(conversations.id, msg.conversationId)) : [];
	const members = c ? await membersOf(db, c.id) : [];
	const resource = c ? resourceOf(c, members.map((x) => x.personId)) : undefined;
	authorize(p, 'read', 'conversation', resource);
	authorizeCreate(p, 'message_report', resource);
	const leaders = (await db.selectDistinct({ id: roleGrants.personId }).from(roleGrants).where(and(eq(roleGrants.role, 'school_leader'), eq(roleGrants.schoolId, c.schoolId)))).map((r) => r.id);
	return db.transaction(async (tx) => {
		const [r] = await tx.insert(messageReports).values({ messageId, schoolId: c.schoolId, path: c.path, reporterId: p.personId, reason: input.reason }).returning();
		await notify(tx, { to: leaders, kind: 'messaging.report', title: m.msg_notify_report(), body: input.reason, link: '/messages/reports', schoolId: c.schoolId, key: `report:${r.id}` });
		await writeAudit(tx, p, { action: 'create', entityType: 'message_report', entityId: r.id, scopePath: r.path, schoolId: r.schoolId, after: { messageId, reason: r.reason } });
		return { id: r.id, status: r.status };
	});
}

/** Reports the caller reviews (a school leader: their school's), open first. */
export async function listReports(db: Executor, p: Principal, f: { status?: 'open' | 'dismissed' | 'actioned' }) {
	authorizeList(p, 'message_report');
	const conds: SQL[] = [scopeCondition(p, 'read', 'message_report', { path: messageReports.path })];
	if (f.status) conds.push(eq(messageReports.status, f.status));
	const rows = await db
		.select({ r: messageReports, body: messages.body, authorId: messages.authorId, conversationId: messages.conversationId, hiddenAt: messages.hiddenAt, messageAt: messages.createdAt })
		.from(messageReports)
		.innerJoin(messages, eq(messages.id, messageReports.messageId))
		.where(and(...conds))
		.orderBy(sql`${messageReports.status} = 'open' desc`, desc(messageReports.createdAt))
		.limit(500);
	const names = await namesOf(db, rows.flatMap((x) => [x.r.reporterId, x.authorId]));
	return rows.map((x) => ({
		id: x.r.id,
		status: x.r.status,
		reason: x.r.reason,
		reporterName: names.get(x.r.reporterId) ?? '',
		createdAt: x.r.createdAt,
		reviewedAt: x.r.reviewedAt,
		message: { id: x.r.messageId, conversationId: x.conversationId, authorName: names.get(x.authorId) ?? '', body: x.body, hidden: x.hiddenAt !== null, createdAt: x.messageAt }
	}));
}

/** A leader dismisses a report or acts on it by hiding the message (audited). */
export async function reviewReport(db: Executor, p: Principal, reportId: string, input: { decision: 'dismiss' | 'hide' }) {
	const [r] = await db.select().from(messageReports).where(eq(messageReports.id, reportId));
	authorize(p, 'update', 'message_report', r ? { path: r.path } : undefined);
	return db.transaction(async (tx) => {
		const now = new Date();
		const status = input.decision === 'hide' ? 'actioned' : 'dismissed';
		const [after] = await tx.update(messageReports).set({ status, reviewedBy: p.personId, reviewedAt: now }).where(eq(messageReports.id, reportId)).returning();
		if (input.decision === 'hide') {
			await tx.update(messages).set({ hiddenAt: now, hiddenBy: p.personId }).where(and(eq(messages.id, r.messageId), isNull(messages.hiddenAt)));
			await writeAudit(tx, p, { action: 'hide', entityType: 'message', entityId: r.messageId, scopePath: r.path, schoolId: r.schoolId, after: { reportId } });
		}
		await writeAudit(tx, p, { action: 'review', entityType: 'message_report', entityId: r.id, scopePath: r.path, schoolId: r.schoolId, before: { status: r.status }, after: { status } });
		return { id: after.id, status: after.status };
	});
}

// ── Retention ───────────────────────────────────────────────────────────────────────────────

/**
 * Deletes messages older than each school's `messaging.retentionDays` (the nearest setting up the
 * school's path); a message with an open report stays until a leader has reviewed it. Idempotent.
 */
export async function applyRetention(db: Executor, now: Date): Promise<number> {
	const rows = await db.selectDistinct({ schoolId: conversations.schoolId, path: schools.path }).from(conversations).innerJoin(schools, eq(schools.id, conversations.schoolId));
	let removed = 0;
	for (const s of rows) {
		const days = await getSetting(db, s.path, 'messaging.retentionDays');
		const cutoff = retentionCutoff(now, days);
		const gone = await db
			.delete(messages)
			.where(
				and(
					lt(messages.createdAt, cutoff),
					sql`${messages.conversationId} in (select id from conversations where school_id = ${s.schoolId})`,
					sql`not exists (select 1 from message_reports mr where mr.message_id = ${messages.id} and mr.status = 'open')`
				)
			)
			.returning({ id: messages.id });
		removed += gone.length;
	}
	return removed;
}

/** The classes the caller may announce to (their class grants as teacher or homeroom teacher). */
export async function announceClasses(db: Executor, p: Principal) {
	const paths = [...new Set(p.grants.filter((g) => g.scopeType === 'class' && (g.role === 'teacher' || g.role === 'homeroom_teacher')).map((g) => g.scopePath))];
	if (!paths.length) return [];
	const rows = await db.select({ id: classes.id, name: classes.name, path: classes.path }).from(classes).where(inArray(classes.path, paths)).orderBy(asc(classes.name));
	return rows.filter((c) => can(p, 'create', 'conversation', { path: c.path })).map((c) => ({ id: c.id, name: c.name }));
}

/** The projects whose supervised channel the caller may open (a teacher of the project's class). */
export async function channelProjects(db: Executor, p: Principal) {
	if (!mayEver(p, 'update', 'project')) return [];
	const rows = await db.select({ id: projects.id, title: projects.title, path: projects.path, mentorId: projects.mentorId, className: classes.name }).from(projects).innerJoin(classes, eq(classes.id, projects.classId)).where(scopeCondition(p, 'update', 'project', { path: projects.path, mentorId: projects.mentorId, memberIds: sql`array(select ptm.learner_id from project_team_members ptm where ptm.project_id = ${projects.id})` })).orderBy(desc(projects.createdAt)).limit(200);
	return rows.filter((r) => can(p, 'create', 'conversation', { path: r.path })).map((r) => ({ id: r.id, title: `${r.title} (${r.className})`, hasMentor: r.mentorId !== null }));
}
