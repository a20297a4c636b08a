/**
 * Parent representative committees (Ban đại diện cha mẹ học sinh, Thông tư 55/2011/TT-BGDĐT): a
 * class's, named by its homeroom teacher, and a school's, named by the school leader, each with a
 * chair, vice chairs and members; its announcements reach every parent of the class (or school),
 * and its discussion is a forum space of kind `committee` (forums.ts). Under the central policy
 * (kinds `parent_committee`, `committee_announcement`).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { ForbiddenError, ValidationError } from '../errors';
import { classes, enrolments, schools } from '../organisations/schema';
import { guardianships, persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { committeeAnnouncements, forumSpaces, parentCommitteeMembers, parentCommittees } from './schema';
import { COMMITTEE_ROLES, type CommitteeRole } from './rules';
import { m } from '#lib/paraglide/messages.js';

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };
const memberIdsSql = sql`array(select pm.person_id from parent_committee_members pm where pm.committee_id = ${parentCommittees.id})`;

/** Learners enrolled in a class at or under the path (the committee's class, or every class of the school). */
async function learnersUnder(db: Executor, path: string) {
	return (await db.select({ id: enrolments.learnerId }).from(enrolments).innerJoin(classes, eq(classes.id, enrolments.classId)).where(sql`starts_with(${classes.path}, ${path})`)).map((r) => r.id);
}

/** The parents a committee speaks to: the guardians of those learners. */
export async function parentsUnder(db: Executor, path: string) {
	const rows = await db
		.selectDistinct(nameColumns)
		.from(guardianships)
		.innerJoin(persons, eq(persons.id, guardianships.guardianId))
		.innerJoin(enrolments, eq(enrolments.learnerId, guardianships.learnerId))
		.innerJoin(classes, eq(classes.id, enrolments.classId))
		.where(sql`starts_with(${classes.path}, ${path})`);
	return sortVietnamese(rows).map((r) => ({ id: r.id, name: fullName(r) }));
}

async function loadCommittee(db: Executor, p: Principal, id: string) {
	const [c] = await db.select().from(parentCommittees).where(eq(parentCommittees.id, id));
	const members = c ? await db.select().from(parentCommitteeMembers).where(eq(parentCommitteeMembers.committeeId, id)) : [];
	const resource: Resource | undefined = c ? { path: c.path, enrolledIds: await learnersUnder(db, c.path), memberIds: members.map((x) => x.personId) } : undefined;
	authorize(p, 'read', 'parent_committee', resource);
	return { committee: c, members, resource: resource! };
}

/** The homeroom teacher opens the class's committee, the leader the school's; its discussion space comes with it. Audited. */
export async function createCommittee(db: Executor, p: Principal, input: { classId?: string | null; schoolId?: string | null; name: string }) {
	let place: { schoolId: string; classId: string | null; path: string };
	if (input.classId) {
		const [cl] = await db.select().from(classes).where(eq(classes.id, input.classId));
		if (!cl) throw invalid('classId', m.club_place_unknown());
		place = { schoolId: cl.schoolId, classId: cl.id, path: cl.path };
	} else {
		const [s] = input.schoolId ? await db.select().from(schools).where(eq(schools.id, input.schoolId)) : [];
		if (!s) throw invalid('schoolId', m.club_place_unknown());
		place = { schoolId: s.id, classId: null, path: s.path };
	}
	authorizeCreate(p, 'parent_committee', { path: place.path });
	const exists = () => invalid(input.classId ? 'classId' : 'schoolId', m.club_cmt_exists());
	const [existing] = await db.select({ id: parentCommittees.id }).from(parentCommittees).where(eq(parentCommittees.path, place.path));
	if (existing) throw exists();
	return db.transaction(async (tx) => {
		// One committee per class or school (a unique path): of two created at once, the second is told so.
		const [c] = await tx.insert(parentCommittees).values({ ...place, name: input.name }).onConflictDoNothing().returning();
		if (!c) throw exists();
		await tx.insert(forumSpaces).values({ path: c.path, schoolId: c.schoolId, kind: 'committee', committeeId: c.id, name: c.name });
		await writeAudit(tx, p, { action: 'create', entityType: 'parent_committee', entityId: c.id, scopePath: c.path, schoolId: c.schoolId, after: c });
		return c;
	});
}

/** Committees the caller may see: their children's classes and school, the ones they sit on, the classes they are homeroom teacher of, the school they lead. */
export async function listCommittees(db: Executor, p: Principal) {
	authorizeList(p, 'parent_committee');
	const rows = await db
		.select({ c: parentCommittees, className: classes.name, schoolName: schools.name })
		.from(parentCommittees)
		.innerJoin(schools, eq(schools.id, parentCommittees.schoolId))
		.leftJoin(classes, eq(classes.id, parentCommittees.classId))
		.where(scopeCondition(p, 'read', 'parent_committee', { path: parentCommittees.path, memberIds: memberIdsSql }))
		.orderBy(asc(parentCommittees.path));
	return rows.map((r) => ({ id: r.c.id, name: r.c.name, className: r.className, schoolName: r.schoolName }));
}

/** A committee: members and roles, announcements, its discussion space; the parents to choose from for whoever names members. */
export async function getCommittee(db: Executor, p: Principal, id: string) {
	const { committee: c, members, resource } = await loadCommittee(db, p, id);
	const names = new Map((members.length ? await db.select(nameColumns).from(persons).where(inArray(persons.id, members.map((x) => x.personId))) : []).map((r) => [r.id, fullName(r)]));
	const order = (r: CommitteeRole) => COMMITTEE_ROLES.indexOf(r);
	const announcements = await db.select({ a: committeeAnnouncements, author: nameColumns }).from(committeeAnnouncements).innerJoin(persons, eq(persons.id, committeeAnnouncements.authorId)).where(eq(committeeAnnouncements.committeeId, id)).orderBy(desc(committeeAnnouncements.createdAt));
	const [space] = await db.select({ id: forumSpaces.id }).from(forumSpaces).where(eq(forumSpaces.committeeId, id));
	const [cl] = c.classId ? await db.select({ name: classes.name }).from(classes).where(eq(classes.id, c.classId)) : [];
	const mayManage = can(p, 'update', 'parent_committee', resource);
	return {
		id: c.id,
		name: c.name,
		className: cl?.name ?? null,
		members: members.map((x) => ({ id: x.personId, name: names.get(x.personId) ?? '', role: x.role })).sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name, 'vi')),
		announcements: announcements.map((r) => ({ id: r.a.id, title: r.a.title, body: r.a.body, authorName: fullName(r.author), createdAt: r.a.createdAt })),
		forumSpaceId: space?.id ?? null,
		mayManage,
		mayAnnounce: can(p, 'create', 'committee_announcement', resource),
		parents: mayManage ? await parentsUnder(db, c.path) : []
	};
}

/** The homeroom teacher (class) or the leader (school) names a parent of the class to the committee, or changes their role. Audited. */
export async function setCommitteeMember(db: Executor, p: Principal, id: string, input: { personId: string; role: CommitteeRole | 'none' }) {
	const { committee: c, members, resource } = await loadCommittee(db, p, id);
	if (!can(p, 'update', 'parent_committee', resource)) throw new ForbiddenError(m.error_forbidden());
	if (!(await parentsUnder(db, c.path)).some((x) => x.id === input.personId)) throw invalid('personId', m.club_cmt_not_parent());
	const before = members.find((x) => x.personId === input.personId) ?? null;
	return db.transaction(async (tx) => {
		if (input.role === 'none') await tx.delete(parentCommitteeMembers).where(and(eq(parentCommitteeMembers.committeeId, id), eq(parentCommitteeMembers.personId, input.personId)));
		else
			await tx
				.insert(parentCommitteeMembers)
				.values({ committeeId: id, personId: input.personId, role: input.role })
				.onConflictDoUpdate({ target: [parentCommitteeMembers.committeeId, parentCommitteeMembers.personId], set: { role: input.role } });
		await writeAudit(tx, p, { action: 'set_member', entityType: 'parent_committee', entityId: id, scopePath: c.path, schoolId: c.schoolId, before, after: { personId: input.personId, role: input.role } });
		return { personId: input.personId, role: input.role };
	});
}

/** A committee member (or the homeroom teacher, the leader) announces to every parent of the class or school. Audited. */
export async function announce(db: Executor, p: Principal, id: string, input: { title: string; body: string }) {
	const { committee: c, resource } = await loadCommittee(db, p, id);
	if (!can(p, 'create', 'committee_announcement', resource)) throw new ForbiddenError(m.error_forbidden());
	const parents = await parentsUnder(db, c.path);
	return db.transaction(async (tx) => {
		const [a] = await tx.insert(committeeAnnouncements).values({ committeeId: id, authorId: p.personId, title: input.title, body: input.body }).returning();
		await writeAudit(tx, p, { action: 'announce', entityType: 'parent_committee', entityId: id, scopePath: c.path, schoolId: c.schoolId, after: a });
		await notify(tx, { to: parents.map((x) => x.id).filter((x) => x !== p.personId), kind: 'committee_announcement', title: m.club_cmt_notify_title({ committee: c.name, title: a.title }), body: a.body, link: `/committees/${id}`, schoolId: c.schoolId, key: `committee-announcement:${a.id}` });
		return a;
	});
}

/** Classes and schools where the caller may open a committee, for the form. */
export async function committeeCreateChoices(db: Executor, p: Principal) {
	const cls = await db.select({ id: classes.id, name: classes.name, path: classes.path }).from(classes).where(scopeCondition(p, 'create', 'parent_committee', { path: classes.path })).orderBy(asc(classes.name)).limit(200);
	const sch = await db.select({ id: schools.id, name: schools.name }).from(schools).where(scopeCondition(p, 'create', 'parent_committee', { path: schools.path })).orderBy(asc(schools.name)).limit(50);
	return { classes: cls.map((x) => ({ id: x.id, name: x.name })), schools: sch };
}
