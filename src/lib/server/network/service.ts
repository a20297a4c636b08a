/**
 * The community network: registration (public or by invitation), vetting by an officer or school
 * leader (which grants the member's role where they were vetted), the schools' search, requests
 * and engagements, and which members may be a project's outside mentor. Under the central policy
 * (kinds `network_member`, `network_vetting`, `engagement`; auth/policy.ts).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal, Role, ScopeType } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { answersEngagement, can, decidesOwnVetting, mayEver, ownNetworkProfile, recordsEngagementOutcome, scopeCondition, seesNetworkContact, type Resource } from '../auth/policy';
import { hashPassword, passwordProblem } from '../auth/password';
import { sha256 } from '../auth/service';
import { writeAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { enqueue } from '../platform/outbox';
import { outbox } from '../platform/schema';
import { getContext, hasContext } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { accounts, persons, roleGrants } from '../people/schema';
import { classes, orgUnits, schools } from '../organisations/schema';
import { projects } from '../learning/project-schema';
import { fullName, sortVietnamese, splitFullName } from '../people/names';
import { searchKey } from '../learning/library-rules';
import { networkEngagements, networkInvitations, networkMembers, networkVetting } from './schema';
import {
	CODE_OF_CONDUCT_VERSION,
	INVITATION_DAYS,
	engagementMayMove,
	listedToSchools,
	memberSearchKey,
	pathCovers,
	roleForKind,
	vetterMayMove,
	vettingProblems,
	type EngagementStatus,
	type MemberKind,
	type MemberStatus,
	type Offer,
	type VettingRecord
} from './rules';
import { m } from '#lib/paraglide/messages.js';
import { containsPattern } from '../db/like';

type Member = typeof networkMembers.$inferSelect;
type Engagement = typeof networkEngagements.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const COMMUNITY_ROLES: Role[] = ['mentor', 'alumnus', 'partner_contact'];
const VETTER_ROLES: Role[] = ['city_officer', 'unit_officer', 'school_leader'];
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };
const listedSql = sql`(${networkMembers.status} = 'vetted' and ${networkMembers.consentContact})`;
const memberCols = { path: networkMembers.path, personId: networkMembers.personId, listed: listedSql };

export const memberResource = (mb: Pick<Member, 'path' | 'personId' | 'status' | 'consentContact'>) => ({ path: mb.path, personId: mb.personId, listed: listedToSchools(mb) });

const publicUrl = () => (hasContext() ? getContext().config.publicUrl : '').replace(/\/+$/, '');

/** A member the caller may read (their own whatever its status; else by the policy: 404 otherwise). */
async function loadMember(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [mb] = await db.select().from(networkMembers).where(eq(networkMembers.id, id));
	if (mb && ownNetworkProfile(p, mb)) return mb;
	authorize(p, action, 'network_member', mb ? memberResource(mb) : undefined);
	return mb;
}

// ——— Registration and invitations ———

export interface RegistrationInput {
	fullName: string;
	email: string;
	phone: string;
	kind: MemberKind;
	organisation: string;
	title: string;
	bio: string;
	offers: Offer[];
	areas: string;
	consentContact: boolean;
	codeOfConduct: true;
	password: string;
}

function checkPassword(pw: string) {
	const problem = passwordProblem(pw);
	if (problem === 'too_short') throw invalid('password', m.error_password_too_short());
	if (problem === 'too_simple') throw invalid('password', m.error_password_too_simple());
}

async function emailTaken(db: Executor, email: string) {
	const e = email.trim().toLowerCase();
	const [row] = await db
		.select({ id: accounts.id })
		.from(accounts)
		.where(or(eq(sql`lower(${accounts.email})`, e), eq(sql`lower(${accounts.username})`, e)))
		.limit(1);
	return Boolean(row);
}

async function cityPath(db: Executor) {
	const [root] = await db.select({ path: orgUnits.path }).from(orgUnits).where(isNull(orgUnits.parentId)).orderBy(asc(orgUnits.path)).limit(1);
	if (!root) throw new ConflictError(m.net_no_city());
	return root.path;
}

/** Vetters over a path: officers and leaders whose scope contains it. */
async function vettersOver(db: Executor, path: string) {
	const rows = await db
		.selectDistinct({ id: roleGrants.personId })
		.from(roleGrants)
		.where(and(inArray(roleGrants.role, VETTER_ROLES), sql`starts_with(${path}::text, ${roleGrants.scopePath})`));
	return rows.map((r) => r.id);
}

/** Creates the community person, their account and the pending member: no role until vetted. */
async function createPendingMember(tx: Executor, input: Omit<RegistrationInput, 'password' | 'codeOfConduct'>, passwordHash: string, path: string, via: 'join' | 'invitation') {
	const email = input.email.trim().toLowerCase();
	const names = splitFullName(input.fullName);
	if (!names.familyName) names.familyName = names.givenName;
	const [person] = await tx.insert(persons).values({ kind: 'community', familyName: names.familyName, middleName: names.middleName ?? '', givenName: names.givenName, email, phone: input.phone || null, path }).returning();
	await tx.insert(accounts).values({ personId: person.id, username: email, email, passwordHash });
	const now = new Date();
	const [mb] = await tx
		.insert(networkMembers)
		.values({
			personId: person.id,
			kind: input.kind,
			organisation: input.organisation,
			title: input.title,
			bio: input.bio,
			offers: [...new Set(input.offers)],
			areas: input.areas,
			consentContact: input.consentContact,
			consentedAt: input.consentContact ? now : null,
			codeOfConductVersion: CODE_OF_CONDUCT_VERSION,
			codeOfConductAgreedAt: now,
			status: 'pending',
			path,
			searchText: memberSearchKey(fullName(person), input)
		})
		.returning();
	await writeAudit(tx, null, { action: `register_${via}`, entityType: 'network_member', entityId: mb.id, scopePath: path, after: mb });
	await notify(tx, { to: await vettersOver(tx, path), kind: 'network_registration', title: m.net_notify_registered_title({ name: fullName(person) }), body: m.net_notify_registered_body(), link: `/network/members/${mb.id}`, key: `network_registration:${mb.id}` });
	return mb;
}

/** The owner of an address someone tried to register with hears of it at most once an hour (the public form cannot flood a mailbox). */
async function tellOwnerOnce(db: Executor, email: string) {
	const subject = m.net_email_exists_subject();
	const [recent] = await db
		.select({ id: outbox.id })
		.from(outbox)
		.where(and(eq(outbox.recipient, email), eq(outbox.subject, subject), gt(outbox.createdAt, new Date(Date.now() - 3_600_000))))
		.limit(1);
	if (!recent) await enqueue(db, { channel: 'email', recipient: email, subject, body: m.net_email_exists_body({ link: `${publicUrl()}/forgot-password` }) });
}

/**
 * Public registration (/network/join): a pending member at the city. The answer is the same
 * whether or not the email already has an account (no enumeration); its owner gets an email instead.
 */
export async function register(db: Executor, input: RegistrationInput): Promise<{ received: true }> {
	checkPassword(input.password);
	const passwordHash = await hashPassword(input.password);
	const path = await cityPath(db);
	if (await emailTaken(db, input.email)) {
		await tellOwnerOnce(db, input.email.trim().toLowerCase());
		return { received: true };
	}
	try {
		await db.transaction((tx) => createPendingMember(tx, input, passwordHash, path, 'join'));
	} catch (e) {
		// Two registrations with one address at once: the second meets the unique index; same answer.
		if (!(await emailTaken(db, input.email))) throw e;
	}
	return { received: true };
}

/** The vetting scope a principal invites into: the first of their officer or leader grants. */
function inviterPath(p: Principal) {
	const g = p.grants.find((x) => x.role === 'system_admin' || VETTER_ROLES.includes(x.role));
	return g?.scopePath;
}

/** An officer or school leader invites someone by email; the link (one-time, 14 days) completes registration at their scope. Audited. */
export async function invite(db: Executor, p: Principal, input: { email: string; kind: MemberKind }) {
	const path = inviterPath(p);
	if (!path) throw new ForbiddenError(m.error_forbidden());
	authorizeCreate(p, 'network_member', { path });
	const token = randomBytes(32).toString('base64url');
	const email = input.email.trim().toLowerCase();
	return db.transaction(async (tx) => {
		const [inv] = await tx.insert(networkInvitations).values({ tokenHash: sha256(token), email, kind: input.kind, path, invitedBy: p.personId, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) }).returning();
		await enqueue(tx, { channel: 'email', recipient: email, subject: m.net_invite_subject(), body: m.net_invite_body({ name: p.displayName, link: `${publicUrl()}/network/invite/${token}`, days: String(INVITATION_DAYS) }) });
		await writeAudit(tx, p, { action: 'invite', entityType: 'network_invitation', entityId: inv.id, scopePath: path, after: { email, kind: input.kind, expiresAt: inv.expiresAt } });
		return { id: inv.id, email, kind: inv.kind, expiresAt: inv.expiresAt };
	});
}

async function openInvitation(db: Executor, token: string) {
	const [inv] = await db
		.select()
		.from(networkInvitations)
		.where(and(eq(networkInvitations.tokenHash, sha256(token)), isNull(networkInvitations.acceptedAt), gt(networkInvitations.expiresAt, new Date())));
	if (!inv) throw new NotFoundError(m.net_invite_invalid());
	return inv;
}

/** What an invitation link shows before it is used. */
export async function invitation(db: Executor, token: string) {
	const inv = await openInvitation(db, token);
	return { email: inv.email, kind: inv.kind as MemberKind };
}

/** Completing an invitation: used once; the member waits for vetting like any other. */
export async function acceptInvitation(db: Executor, token: string, input: Omit<RegistrationInput, 'email' | 'kind'>) {
	const inv = await openInvitation(db, token);
	checkPassword(input.password);
	if (await emailTaken(db, inv.email)) throw new ConflictError(m.net_invite_account_exists());
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [used] = await tx.update(networkInvitations).set({ acceptedAt: new Date() }).where(and(eq(networkInvitations.id, inv.id), isNull(networkInvitations.acceptedAt))).returning();
		if (!used) throw new NotFoundError(m.net_invite_invalid());
		const mb = await createPendingMember(tx, { ...input, email: inv.email, kind: inv.kind as MemberKind }, passwordHash, inv.path, 'invitation');
		return { id: mb.id, status: mb.status };
	});
}

// ——— Profiles and search ———

async function contactOf(db: Executor, personIds: string[]) {
	if (!personIds.length) return new Map<string, { email: string | null; phone: string | null }>();
	const rows = await db
		.select({ id: persons.id, email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})`, phone: persons.phone })
		.from(persons)
		.leftJoin(accounts, eq(accounts.personId, persons.id))
		.where(inArray(persons.id, personIds));
	return new Map(rows.map((r) => [r.id, { email: r.email, phone: r.phone }]));
}

function present(p: Principal, mb: Member, name: string, contact: { email: string | null; phone: string | null } | undefined) {
	const shows = seesNetworkContact(p, memberResource(mb));
	return {
		id: mb.id,
		personId: mb.personId,
		name,
		kind: mb.kind as MemberKind,
		organisation: mb.organisation,
		title: mb.title,
		bio: mb.bio,
		offers: mb.offers as Offer[],
		areas: mb.areas,
		status: mb.status as MemberStatus,
		consentContact: mb.consentContact,
		consentedAt: mb.consentedAt,
		codeOfConductVersion: mb.codeOfConductVersion,
		codeOfConductAgreedAt: mb.codeOfConductAgreedAt,
		path: mb.path,
		createdAt: mb.createdAt,
		contact: shows && contact ? contact : null
	};
}

/**
 * The network as the caller may see it: school staff, leaders and officers see vetted members who
 * consent to be contacted along their path; vetters also every member within their scope (with
 * `status=pending`, the ones waiting). Filters: text ignoring diacritics, an offer, a kind.
 */
export async function searchMembers(db: Executor, p: Principal, f: { q?: string; offer?: Offer; kind?: MemberKind; status?: MemberStatus }) {
	authorizeList(p, 'network_member');
	const conds: SQL[] = [scopeCondition(p, 'read', 'network_member', memberCols)];
	if (f.q) conds.push(sql`${networkMembers.searchText} like ${containsPattern(searchKey(f.q))}`);
	if (f.offer) conds.push(sql`${f.offer}::text = any(${networkMembers.offers})`);
	if (f.kind) conds.push(eq(networkMembers.kind, f.kind));
	if (f.status) conds.push(eq(networkMembers.status, f.status));
	const rows = await db
		.select({ member: networkMembers, ...nameColumns })
		.from(networkMembers)
		.innerJoin(persons, eq(persons.id, networkMembers.personId))
		.where(and(...conds))
		.limit(500);
	const contacts = await contactOf(db, rows.map((r) => r.member.personId));
	return sortVietnamese(rows).map((r) => present(p, r.member, fullName(r), contacts.get(r.member.personId)));
}

/** The caller's own member profile, if they have one. */
export async function myMembership(db: Executor, p: Principal) {
	const [mb] = await db.select({ id: networkMembers.id }).from(networkMembers).where(eq(networkMembers.personId, p.personId));
	return mb ? getMember(db, p, mb.id) : null;
}

/** One member: the profile, contact details if the caller may see them, the vetting history for vetters, what the caller may do. */
export async function getMember(db: Executor, p: Principal, id: string) {
	const mb = await loadMember(db, p, id);
	const [person] = await db.select(nameColumns).from(persons).where(eq(persons.id, mb.personId));
	const contacts = await contactOf(db, [mb.personId]);
	const resource = memberResource(mb);
	const own = ownNetworkProfile(p, mb);
	const seesVetting = can(p, 'read', 'network_vetting', resource);
	const history = seesVetting
		? await db
				.select({ vetting: networkVetting, ...nameColumns })
				.from(networkVetting)
				.innerJoin(persons, eq(persons.id, networkVetting.decidedBy))
				.where(eq(networkVetting.memberId, id))
				.orderBy(desc(networkVetting.decidedAt))
		: [];
	return {
		...present(p, mb, fullName(person), contacts.get(mb.personId)),
		own,
		vetting: history.map((h) => ({ ...h.vetting, decidedByName: fullName(h) })),
		mayVet: !own && can(p, 'create', 'network_vetting', resource),
		mayRequest: !own && resource.listed && mayEver(p, 'create', 'engagement') && requesterSchoolIds(p).length > 0
	};
}

/**
 * The member changes their own profile: what they offer, their fields, and their consent to be
 * contacted (withdrawn, they leave the schools' search at once). Only the member. Audited.
 */
export async function updateProfile(db: Executor, p: Principal, id: string, patch: { organisation?: string; title?: string; bio?: string; offers?: Offer[]; areas?: string; consentContact?: boolean; phone?: string }) {
	const mb = await loadMember(db, p, id);
	if (!ownNetworkProfile(p, mb)) throw new ForbiddenError(m.net_own_profile_only());
	return db.transaction(async (tx) => {
		const [person] = await tx.select().from(persons).where(eq(persons.id, mb.personId));
		const next = {
			organisation: patch.organisation ?? mb.organisation,
			title: patch.title ?? mb.title,
			bio: patch.bio ?? mb.bio,
			offers: patch.offers ? [...new Set(patch.offers)] : (mb.offers as Offer[]),
			areas: patch.areas ?? mb.areas,
			consentContact: patch.consentContact ?? mb.consentContact
		};
		const consentedAt = next.consentContact ? (mb.consentContact ? mb.consentedAt : new Date()) : null;
		const [after] = await tx
			.update(networkMembers)
			.set({ ...next, consentedAt, searchText: memberSearchKey(fullName(person), next), updatedAt: new Date() })
			.where(eq(networkMembers.id, id))
			.returning();
		if (patch.phone !== undefined) await tx.update(persons).set({ phone: patch.phone || null, updatedAt: new Date() }).where(eq(persons.id, mb.personId));
		await writeAudit(tx, p, { action: patch.consentContact === false && mb.consentContact ? 'withdraw_consent' : 'update', entityType: 'network_member', entityId: id, scopePath: mb.path, before: mb, after });
		return present(p, after, fullName(person), (await contactOf(tx, [mb.personId])).get(mb.personId));
	});
}

// ——— Vetting ———

/** Where a vetting path is as a role scope: the city, a unit or a school. */
async function scopeOfPath(db: Executor, path: string): Promise<{ scopeType: ScopeType; scopeId: string; schoolId: string | null }> {
	const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.path, path));
	if (school) return { scopeType: 'school', scopeId: school.id, schoolId: school.id };
	const [unit] = await db.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.path, path));
	if (!unit) throw new ConflictError(m.net_scope_unknown());
	return { scopeType: unit.parentId ? 'org_unit' : 'city', scopeId: unit.id, schoolId: null };
}

async function loadForVetting(db: Executor, p: Principal, id: string) {
	const mb = await loadMember(db, p, id);
	if (decidesOwnVetting(p, mb)) throw new ForbiddenError(m.net_own_vetting());
	authorizeCreate(p, 'network_vetting', memberResource(mb));
	return mb;
}

/**
 * Records a vetting decision (identity checked, background check done or not with its date, code
 * of conduct confirmed): vetting grants the member's role (network-rules.ts roleForKind) at the
 * scope they were vetted in, and the member is told. Audited, the grant too.
 */
export async function vet(db: Executor, p: Principal, id: string, input: VettingRecord & { identityNote: string; note: string }) {
	const mb = await loadForVetting(db, p, id);
	if (!vetterMayMove(mb.status as MemberStatus, input.decision)) throw new ConflictError(m.net_vetting_not_now({ status: mb.status }));
	const problems = vettingProblems(input, Boolean(mb.codeOfConductAgreedAt));
	const messages = { identity: m.net_vetting_needs_identity(), code: m.net_vetting_needs_code(), date: m.net_vetting_needs_date() };
	const issues = Object.entries(problems).map(([path, key]) => ({ path, message: messages[key!] }));
	if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
	const scope = await scopeOfPath(db, mb.path);
	return db.transaction(async (tx) => {
		const after = await moveStatus(tx, id, mb.status, input.decision);
		const [row] = await tx
			.insert(networkVetting)
			.values({ memberId: id, identityChecked: input.identityChecked, identityNote: input.identityNote, backgroundCheck: input.backgroundCheck, backgroundCheckedOn: input.backgroundCheckedOn ?? null, codeOfConductConfirmed: input.codeOfConductConfirmed, decision: input.decision, note: input.note, path: mb.path, decidedBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: input.decision === 'vetted' ? 'vet' : 'reject', entityType: 'network_member', entityId: id, scopePath: mb.path, before: { status: mb.status }, after: { status: after.status, vetting: row } });
		if (input.decision === 'vetted') {
			const role = roleForKind(mb.kind as MemberKind);
			const [grant] = await tx.insert(roleGrants).values({ personId: mb.personId, role, scopeType: scope.scopeType, scopeId: scope.scopeId, scopePath: mb.path, schoolId: scope.schoolId }).onConflictDoNothing().returning();
			if (grant) await writeAudit(tx, p, { action: 'grant', entityType: 'role_grant', entityId: grant.id, scopePath: mb.path, schoolId: scope.schoolId, after: grant });
		}
		await notify(tx, {
			to: [mb.personId],
			kind: 'network_vetting',
			title: input.decision === 'vetted' ? m.net_notify_vetted_title() : m.net_notify_rejected_title(),
			body: input.note,
			link: `/network/members/${id}`,
			key: `network_vetting:${row.id}`
		});
		return { ...row, status: after.status };
	});
}

/**
 * Moves a member from the status the decision was made on, in the caller's transaction: if another
 * vetter moved them meanwhile, nothing is written and the decision is refused (never two at once).
 */
async function moveStatus(tx: Executor, id: string, from: string, to: MemberStatus) {
	const [after] = await tx
		.update(networkMembers)
		.set({ status: to, updatedAt: new Date() })
		.where(and(eq(networkMembers.id, id), eq(networkMembers.status, from as MemberStatus)))
		.returning();
	if (!after) throw new ConflictError(m.net_vetting_not_now({ status: from }));
	return after;
}

/** Suspends a vetted member: their role is removed at once (no more projects, no requests); they are told. Audited. */
export async function suspend(db: Executor, p: Principal, id: string, input: { note: string }) {
	const mb = await loadForVetting(db, p, id);
	if (!vetterMayMove(mb.status as MemberStatus, 'suspended')) throw new ConflictError(m.net_vetting_not_now({ status: mb.status }));
	return db.transaction(async (tx) => {
		await moveStatus(tx, id, mb.status, 'suspended');
		const [last] = await tx.select().from(networkVetting).where(eq(networkVetting.memberId, id)).orderBy(desc(networkVetting.decidedAt)).limit(1);
		const [row] = await tx
			.insert(networkVetting)
			.values({ memberId: id, identityChecked: last?.identityChecked ?? false, backgroundCheck: last?.backgroundCheck ?? 'not_done', backgroundCheckedOn: last?.backgroundCheckedOn ?? null, codeOfConductConfirmed: last?.codeOfConductConfirmed ?? false, decision: 'suspended', note: input.note, path: mb.path, decidedBy: p.personId })
			.returning();
		const removed = await tx.delete(roleGrants).where(and(eq(roleGrants.personId, mb.personId), inArray(roleGrants.role, COMMUNITY_ROLES), eq(roleGrants.scopePath, mb.path))).returning();
		await writeAudit(tx, p, { action: 'suspend', entityType: 'network_member', entityId: id, scopePath: mb.path, before: { status: mb.status }, after: { status: 'suspended', note: input.note } });
		for (const g of removed) await writeAudit(tx, p, { action: 'revoke', entityType: 'role_grant', entityId: g.id, scopePath: mb.path, schoolId: g.schoolId, before: g });
		await notify(tx, { to: [mb.personId], kind: 'network_vetting', title: m.net_notify_suspended_title(), body: input.note, link: `/network/members/${id}`, key: `network_vetting:${row.id}` });
		return { ...row, status: 'suspended' as const };
	});
}

// ——— Project mentors ———

/** Vetted members who consent to be contacted and whose vetting path covers one of these paths (a teacher's classes): whom a project may have as its outside mentor. */
export async function vettedMentorChoices(db: Executor, paths: string[]) {
	if (!paths.length) return [];
	const covers = sql.join(paths.map((path) => sql`starts_with(${path}::text, ${networkMembers.path})`), sql` or `);
	const rows = await db
		.select({ ...nameColumns, organisation: networkMembers.organisation })
		.from(networkMembers)
		.innerJoin(persons, eq(persons.id, networkMembers.personId))
		.where(and(listedSql, sql`(${covers})`));
	return sortVietnamese(rows).map((r) => ({ id: r.id, name: r.organisation ? `${fullName(r)} (${r.organisation})` : fullName(r) }));
}

/** Only a vetted network member who consents to be contacted and whose vetting covers the class may be a project's outside mentor (never a pending, rejected or suspended one). */
export async function isVettedMentorFor(db: Executor, personId: string, classPath: string) {
	const [mb] = await db.select({ status: networkMembers.status, consent: networkMembers.consentContact, path: networkMembers.path }).from(networkMembers).where(eq(networkMembers.personId, personId));
	return Boolean(mb && mb.status === 'vetted' && mb.consent && pathCovers(mb.path, classPath));
}

// ——— Requests and engagements ———

/** Schools the caller may request for: those of their staff or leader grants. */
function requesterSchoolIds(p: Principal) {
	return [...new Set(p.grants.filter((g) => g.schoolId && ['teacher', 'homeroom_teacher', 'subject_group_head', 'counsellor', 'school_leader'].includes(g.role)).map((g) => g.schoolId!))];
}

const engagementCols = { path: networkEngagements.path, personId: sql`(select nm.person_id from network_members nm where nm.id = ${networkEngagements.memberId})`, authorId: networkEngagements.requestedBy };
const engagementResource = (e: Engagement, memberPersonId: string): Resource => ({ path: e.path, personId: memberPersonId, authorId: e.requestedBy });

async function loadEngagement(db: Executor, p: Principal, id: string) {
	const [row] = await db.select({ e: networkEngagements, memberPersonId: networkMembers.personId }).from(networkEngagements).innerJoin(networkMembers, eq(networkMembers.id, networkEngagements.memberId)).where(eq(networkEngagements.id, id));
	const resource = row ? engagementResource(row.e, row.memberPersonId) : undefined;
	authorize(p, 'read', 'engagement', resource);
	return { e: row.e, memberPersonId: row.memberPersonId, resource };
}

export interface EngagementInput {
	memberId: string;
	kind: Offer;
	schoolId?: string;
	classId?: string | null;
	clubId?: string | null;
	forLabel: string;
	projectId?: string | null;
	message: string;
	proposedOn?: string | null;
}

/** A teacher or leader asks a member for one of their offers, for a class, a club or a project; the member is told. Audited. */
export async function requestEngagement(db: Executor, p: Principal, input: EngagementInput) {
	const mb = await loadMember(db, p, input.memberId);
	if (!listedToSchools(mb)) throw invalid('memberId', m.net_not_listed());
	const [cls] = input.classId ? await db.select().from(classes).where(eq(classes.id, input.classId)) : [];
	if (input.classId && !cls) throw invalid('classId', m.net_class_unknown());
	const schoolId = input.schoolId ?? cls?.schoolId ?? requesterSchoolIds(p)[0];
	const [school] = schoolId ? await db.select().from(schools).where(eq(schools.id, schoolId)) : [];
	if (!school) throw invalid('schoolId', m.net_school_unknown());
	authorizeCreate(p, 'engagement', { path: school.path });
	if (cls && cls.schoolId !== school.id) throw invalid('classId', m.net_class_unknown());
	if (!pathCovers(mb.path, school.path)) throw invalid('memberId', m.net_not_listed());
	if (!(mb.offers as string[]).includes(input.kind)) throw invalid('kind', m.net_not_offered());
	if (input.projectId) {
		const [pr] = await db.select({ schoolId: projects.schoolId }).from(projects).where(eq(projects.id, input.projectId));
		if (!pr || pr.schoolId !== school.id) throw invalid('projectId', m.net_project_unknown());
	}
	return db.transaction(async (tx) => {
		const [e] = await tx
			.insert(networkEngagements)
			.values({ memberId: mb.id, schoolId: school.id, path: school.path, requestedBy: p.personId, kind: input.kind, classId: cls?.id ?? null, clubId: input.clubId ?? null, forLabel: input.forLabel || cls?.name || '', projectId: input.projectId ?? null, message: input.message, proposedOn: input.proposedOn ?? null })
			.returning();
		await writeAudit(tx, p, { action: 'request', entityType: 'engagement', entityId: e.id, scopePath: e.path, schoolId: e.schoolId, after: e });
		await notify(tx, { to: [mb.personId], kind: 'network_request', title: m.net_notify_request_title({ school: school.name }), body: input.message, link: `/network/engagements`, schoolId: school.id, key: `network_request:${e.id}` });
		return e;
	});
}

/** The member accepts or declines a request; the requester is told. Audited. */
export async function answerEngagement(db: Executor, p: Principal, id: string, input: { decision: 'accepted' | 'declined'; response: string }) {
	const { e, resource } = await loadEngagement(db, p, id);
	if (!answersEngagement(p, resource)) throw new ForbiddenError(m.net_member_answers());
	if (!engagementMayMove('member', e.status as EngagementStatus, input.decision)) throw new ConflictError(m.net_engagement_not_now({ status: e.status }));
	return db.transaction(async (tx) => {
		const [after] = await tx.update(networkEngagements).set({ status: input.decision, response: input.response, decidedAt: new Date() }).where(and(eq(networkEngagements.id, id), eq(networkEngagements.status, e.status))).returning();
		if (!after) throw new ConflictError(m.net_engagement_not_now({ status: e.status }));
		await writeAudit(tx, p, { action: input.decision === 'accepted' ? 'accept' : 'decline', entityType: 'engagement', entityId: id, scopePath: e.path, schoolId: e.schoolId, before: { status: e.status }, after: { status: after.status, response: after.response } });
		await notify(tx, { to: [e.requestedBy], kind: 'network_answer', title: input.decision === 'accepted' ? m.net_notify_accepted_title({ name: p.displayName }) : m.net_notify_declined_title({ name: p.displayName }), body: input.response, link: `/network/engagements`, schoolId: e.schoolId, key: `network_answer:${id}` });
		return after;
	});
}

/** The school records the outcome of an accepted engagement (done), or cancels one; the member is told. Audited. */
export async function recordOutcome(db: Executor, p: Principal, id: string, input: { status: 'done' | 'cancelled'; outcome: string; rating?: number | null }) {
	const { e, resource, memberPersonId } = await loadEngagement(db, p, id);
	if (!recordsEngagementOutcome(p, resource)) throw new ForbiddenError(m.net_school_records());
	if (!engagementMayMove('school', e.status as EngagementStatus, input.status)) throw new ConflictError(m.net_engagement_not_now({ status: e.status }));
	if (input.status === 'done' && !input.outcome) throw invalid('outcome', m.net_outcome_needed());
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(networkEngagements)
			.set({ status: input.status, outcome: input.outcome, rating: input.rating ?? null, completedAt: input.status === 'done' ? new Date() : null, decidedAt: e.decidedAt ?? new Date() })
			.where(and(eq(networkEngagements.id, id), eq(networkEngagements.status, e.status)))
			.returning();
		if (!after) throw new ConflictError(m.net_engagement_not_now({ status: e.status }));
		await writeAudit(tx, p, { action: input.status === 'done' ? 'complete' : 'cancel', entityType: 'engagement', entityId: id, scopePath: e.path, schoolId: e.schoolId, before: { status: e.status }, after: { status: after.status, outcome: after.outcome, rating: after.rating } });
		await notify(tx, { to: [memberPersonId], kind: 'network_outcome', title: input.status === 'done' ? m.net_notify_done_title() : m.net_notify_cancelled_title(), body: input.outcome, link: `/network/engagements`, schoolId: e.schoolId, key: `network_outcome:${id}` });
		return after;
	});
}

/** Engagements the caller may see (the member's own; the school's for its staff and leader; officers' within), newest first. */
export async function listEngagements(db: Executor, p: Principal, f: { memberId?: string; schoolId?: string; status?: EngagementStatus }) {
	authorizeList(p, 'engagement');
	const conds: SQL[] = [scopeCondition(p, 'read', 'engagement', engagementCols)];
	if (f.memberId) conds.push(eq(networkEngagements.memberId, f.memberId));
	if (f.schoolId) conds.push(eq(networkEngagements.schoolId, f.schoolId));
	if (f.status) conds.push(eq(networkEngagements.status, f.status));
	const requester = sql<string>`(select concat_ws(' ', rp.family_name, nullif(rp.middle_name, ''), rp.given_name) from persons rp where rp.id = ${networkEngagements.requestedBy})`;
	const rows = await db
		.select({ e: networkEngagements, memberPersonId: networkMembers.personId, schoolName: schools.name, requesterName: requester, ...nameColumns })
		.from(networkEngagements)
		.innerJoin(networkMembers, eq(networkMembers.id, networkEngagements.memberId))
		.innerJoin(persons, eq(persons.id, networkMembers.personId))
		.innerJoin(schools, eq(schools.id, networkEngagements.schoolId))
		.where(and(...conds))
		.orderBy(desc(networkEngagements.createdAt))
		.limit(500);
	return rows.map((r) => {
		const resource = engagementResource(r.e, r.memberPersonId);
		return {
			...r.e,
			memberName: fullName(r),
			schoolName: r.schoolName,
			requesterName: r.requesterName,
			mayAnswer: r.e.status === 'requested' && answersEngagement(p, resource),
			mayRecord: (r.e.status === 'requested' || r.e.status === 'accepted') && recordsEngagementOutcome(p, resource)
		};
	});
}

/** One engagement. */
export async function getEngagement(db: Executor, p: Principal, id: string) {
	const { e } = await loadEngagement(db, p, id);
	return e;
}
