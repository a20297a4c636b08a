/**
 * The electronic contact book (sổ liên lạc điện tử) of a learner: the homeroom teacher's daily or
 * weekly notes (for one learner or several of the class at once, all or nothing), the parent's
 * acknowledgement or reply, and beside them the learner's scores and absences read through the
 * gradebook's family view (the same policy and publishing rules) and the class's announcements.
 * Policy kind `contact_book`: the resource is the class's path with personId = the learner.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate } from '../auth/authorize';
import { can, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify, notifyMany } from '../notifications/service';
import { AppError, NotFoundError, ValidationError } from '../errors';
import { classes, enrolments } from '../organisations/schema';
import { guardianships, persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { learnerGradebook } from '../gradebook/learner-view';
import { contactBookEntries, conversationMembers, conversations } from './schema';
import { m } from '#lib/paraglide/messages.js';

type Entry = typeof contactBookEntries.$inferSelect;
const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const resourceOf = (e: Pick<Entry, 'path' | 'learnerId'>): Resource => ({ path: e.path, personId: e.learnerId });

export interface EntriesInput {
	classId: string;
	learnerIds: string[];
	kind: 'daily' | 'weekly';
	on: string;
	body: string;
}

/** Notes for one or more learners of a class, all or nothing; each learner's parents are notified. */
export async function writeEntries(db: Executor, p: Principal, input: EntriesInput) {
	const [cls] = await db.select().from(classes).where(eq(classes.id, input.classId));
	if (!cls) throw invalid('classId', m.msg_error_class_unknown());
	const learnerIds = [...new Set(input.learnerIds)];
	for (const learnerId of learnerIds) authorizeCreate(p, 'contact_book', { path: cls.path, personId: learnerId });
	const enrolled = new Set((await db.select({ id: enrolments.learnerId }).from(enrolments).where(and(eq(enrolments.classId, cls.id), inArray(enrolments.learnerId, learnerIds)))).map((r) => r.id));
	const outside = learnerIds.findIndex((id) => !enrolled.has(id));
	if (outside >= 0) throw invalid(`learnerIds.${outside}`, m.msg_error_not_in_class({ className: cls.name }));
	const parents = await db.select({ guardianId: guardianships.guardianId, learnerId: guardianships.learnerId }).from(guardianships).where(inArray(guardianships.learnerId, learnerIds));
	return db.transaction(async (tx) => {
		const rows = await tx
			.insert(contactBookEntries)
			.values(learnerIds.map((learnerId) => ({ schoolId: cls.schoolId, classId: cls.id, learnerId, path: cls.path, authorId: p.personId, kind: input.kind, on: input.on, body: input.body })))
			.returning();
		for (const e of rows) await writeAudit(tx, p, { action: 'create', entityType: 'contact_book_entry', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, after: { learnerId: e.learnerId, kind: e.kind, on: e.on } });
		// Each learner's parents, grouped once; every entry's notice in one notifyMany().
		const parentsOf = new Map<string, string[]>();
		for (const g of parents) {
			if (!parentsOf.has(g.learnerId)) parentsOf.set(g.learnerId, []);
			parentsOf.get(g.learnerId)!.push(g.guardianId);
		}
		await notifyMany(
			tx,
			rows.map((e) => ({
				to: parentsOf.get(e.learnerId) ?? [],
				kind: 'contact_book.entry',
				title: m.msg_notify_contact_book({ className: cls.name }),
				body: e.body.slice(0, 500),
				link: `/learners/${e.learnerId}/contact-book`,
				schoolId: e.schoolId,
				key: `contact_book:${e.id}`
			}))
		);
		return { items: rows.map(present) };
	});
}

const present = (e: Entry) => ({ id: e.id, learnerId: e.learnerId, classId: e.classId, kind: e.kind, on: e.on, body: e.body, authorId: e.authorId, acknowledgedAt: e.acknowledgedAt, acknowledgedBy: e.acknowledgedBy, reply: e.reply, repliedAt: e.repliedAt, createdAt: e.createdAt });

/** The parent acknowledges an entry (once), optionally with a reply; the author is notified of a reply. */
export async function acknowledgeEntry(db: Executor, p: Principal, entryId: string, input: { reply?: string | null }) {
	const [e] = await db.select().from(contactBookEntries).where(eq(contactBookEntries.id, entryId));
	authorize(p, 'update', 'contact_book', e ? resourceOf(e) : undefined);
	if (e.acknowledgedAt && !input.reply) throw new AppError(409, 'already_acknowledged', m.msg_error_already_acknowledged());
	const now = new Date();
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(contactBookEntries)
			.set({ acknowledgedAt: e.acknowledgedAt ?? now, acknowledgedBy: e.acknowledgedBy ?? p.personId, ...(input.reply ? { reply: input.reply, repliedAt: now } : {}) })
			.where(eq(contactBookEntries.id, entryId))
			.returning();
		await writeAudit(tx, p, { action: 'acknowledge', entityType: 'contact_book_entry', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, before: { acknowledgedAt: e.acknowledgedAt, reply: e.reply }, after: { acknowledgedAt: after.acknowledgedAt, reply: after.reply } });
		if (input.reply) await notify(tx, { to: [e.authorId], kind: 'contact_book.reply', title: m.msg_notify_contact_reply({ name: p.displayName }), body: input.reply.slice(0, 500), link: `/learners/${e.learnerId}/contact-book`, schoolId: e.schoolId, key: `contact_book_reply:${e.id}:${now.getTime()}` });
		return present(after);
	});
}

/**
 * A learner's contact book as the caller may see it: entries (newest first), the gradebook's family
 * view (null when the caller may not read grades), and the class announcements the caller received.
 */
export async function learnerContactBook(db: Executor, p: Principal, learnerId: string) {
	const [learner] = await db.select().from(persons).where(eq(persons.id, learnerId));
	if (learner?.kind !== 'learner') throw new NotFoundError(m.error_not_found());
	const placements = await db.select({ cls: classes }).from(enrolments).innerJoin(classes, eq(classes.id, enrolments.classId)).where(eq(enrolments.learnerId, learnerId));
	const readable = placements.filter((x) => can(p, 'read', 'contact_book', { path: x.cls.path, personId: learnerId }));
	authorize(p, 'read', 'contact_book', readable.length ? { path: readable[0].cls.path, personId: learnerId } : undefined);
	const classIds = readable.map((x) => x.cls.id);
	const entries = await db.select().from(contactBookEntries).where(and(eq(contactBookEntries.learnerId, learnerId), inArray(contactBookEntries.classId, classIds))).orderBy(desc(contactBookEntries.on), desc(contactBookEntries.createdAt)).limit(200);
	const authorIds = [...new Set(entries.flatMap((e) => [e.authorId, e.acknowledgedBy].filter((x): x is string => !!x)))];
	const names = new Map((authorIds.length ? await db.select().from(persons).where(inArray(persons.id, authorIds)) : []).map((r) => [r.id, fullName(r)]));
	let gradebook: Awaited<ReturnType<typeof learnerGradebook>> | null = null;
	try {
		gradebook = await learnerGradebook(db, p, learnerId);
	} catch (e) {
		if (!(e instanceof AppError) || (e.status !== 404 && e.status !== 403)) throw e;
	}
	const announcements = await db
		.select({ id: conversations.id, title: conversations.title, createdAt: conversations.createdAt, lastReadAt: conversationMembers.lastReadAt, lastMessageAt: conversations.lastMessageAt })
		.from(conversations)
		.innerJoin(conversationMembers, and(eq(conversationMembers.conversationId, conversations.id), eq(conversationMembers.personId, p.personId)))
		.where(and(eq(conversations.kind, 'class_announcement'), inArray(conversations.classId, classIds)))
		.orderBy(desc(conversations.createdAt))
		.limit(20);
	const current = readable.at(-1)?.cls;
	return {
		learner: { id: learner.id, name: fullName(learner) },
		class: current ? { id: current.id, name: current.name } : null,
		mayWrite: current ? can(p, 'create', 'contact_book', { path: current.path, personId: learnerId }) : false,
		entries: entries.map((e) => ({ ...present(e), authorName: names.get(e.authorId) ?? '', acknowledgedByName: e.acknowledgedBy ? (names.get(e.acknowledgedBy) ?? '') : null, mayAcknowledge: can(p, 'update', 'contact_book', resourceOf(e)) && p.childIds.includes(learnerId) })),
		gradebook,
		announcements: announcements.map((a) => ({ id: a.id, title: a.title, createdAt: a.createdAt, unread: a.lastReadAt === null || a.lastReadAt < a.lastMessageAt }))
	};
}

/** The class's learners for the whole-class note form (the homeroom teacher's). */
export async function classForNotes(db: Executor, p: Principal, classId: string) {
	const [cls] = await db.select().from(classes).where(eq(classes.id, classId));
	authorize(p, 'create', 'contact_book', cls ? { path: cls.path } : undefined);
	const rows = await db
		.select({ id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
		.from(enrolments)
		.innerJoin(persons, eq(persons.id, enrolments.learnerId))
		.where(eq(enrolments.classId, classId));
	return { class: { id: cls.id, name: cls.name }, learners: sortVietnamese(rows).map((r) => ({ id: r.id, name: fullName(r) })), today: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }) };
}

/**
 * The contact books the caller may open from /messages: a parent's children's, a learner's own,
 * and the classes a homeroom teacher writes for.
 */
export async function contactBookLinks(db: Executor, p: Principal) {
	const selfIsLearner = p.grants.some((g) => g.role === 'learner');
	const ids = [...new Set([...p.childIds, ...(selfIsLearner ? [p.personId] : [])])];
	const people = ids.length ? await db.select().from(persons).where(inArray(persons.id, ids)) : [];
	const homeroomPaths = p.grants.filter((g) => g.role === 'homeroom_teacher' && g.scopeType === 'class').map((g) => g.scopePath);
	const homeroom = homeroomPaths.length ? await db.select({ id: classes.id, name: classes.name }).from(classes).where(inArray(classes.path, homeroomPaths)) : [];
	return { learners: sortVietnamese(people.filter((x) => x.kind === 'learner')).map((x) => ({ id: x.id, name: fullName(x) })), classes: homeroom };
}
