/**
 * Publications of the program office: published by an officer from their org unit to an audience
 * along its path (optionally only schools of some levels), notified to that audience in one set of
 * inserts, read-tracked once per person, and — for news and value statements marked public — shown
 * on the public page /program. Under the central policy's kind `publication`.
 *
 * The audience of a publication is every person holding a grant under its path whose role belongs
 * to the audience (`publicationAudienceRoles`), at a school of one of its levels when it has any:
 * the same set the policy lets read it, computed in SQL for the notice and for "Đã đọc X/Y".
 *
 * Whoever may publish it (policy: `update`, `delete` on kind `publication`) corrects its title, body
 * and attachment (`edited_at`, audited with before and after) and withdraws it (`withdrawn_at`,
 * an optional reason, audited). A withdrawn publication leaves the audience's lists and the public
 * page; its audience following the old link learns it was withdrawn (410), and reads stop.
 *
 * Documents (a guidance PDF, a form to fill in) are uploaded with it or added later, stored by the
 * files module at the publication's path (no school: they are the office's), and served to whoever
 * may open the publication — and, for a public one, to anyone from /program.
 */
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorizeCreate, authorizeList } from '../auth/authorize';
import { can, publicationAudienceRoles, scopeCondition } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { notify, withdrawNotices } from '../notifications/service';
import { ConflictError, GoneError, NotFoundError, ValidationError, ForbiddenError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { publicationFiles, publicationReads, publications } from './publication-schema';
import { deleteStoredBytes, linkedFileResponse, linkedFiles, presentFile, recordFiles, unlinkFile, type FileLink } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { isHttpsUrl } from './pilot-rules';
import { mayBePublic, PUBLICATION_AUDIENCES } from './publication-rules';
import type { PublicationInput, PublicationPatch, PublicationWithdrawal } from './publication-inputs';
import { m } from '#lib/paraglide/messages.js';
import { underPattern } from '../db/like';

type Publication = typeof publications.$inferSelect;
const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
/** Recipients per notify() call of a publication's fan-out. */
const FANOUT_PAGE = 10_000;
const resourceOf = (x: Pick<Publication, 'path' | 'audience'>) => ({ path: x.path, audience: x.audience });

/** The caller's grants at schools, each with its school's level and the publication audiences its role belongs to. */
async function schoolGrantsOf(db: Executor, p: Principal): Promise<SchoolGrant[]> {
	const ids = [...new Set(p.grants.map((g) => g.schoolId).filter((x): x is string => !!x))];
	if (!ids.length) return [];
	const rows = await db.select({ id: schools.id, level: schools.level }).from(schools).where(inArray(schools.id, ids));
	const level = new Map(rows.map((r) => [r.id, r.level]));
	return p.grants
		.filter((g) => g.schoolId && level.has(g.schoolId))
		.map((g) => ({ path: g.scopePath, level: level.get(g.schoolId!)!, audiences: PUBLICATION_AUDIENCES.filter((a) => publicationAudienceRoles(a).includes(g.role)) }))
		.filter((g) => g.audiences.length);
}
type SchoolGrant = { path: string; level: string; audiences: string[] };

/**
 * Readable by the caller: the policy's rows, and of those limited to levels only the ones one of
 * the caller's grants belongs to — at a school of a listed level, under the path, in the audience
 * (a teacher of a primary school who is a parent at a lower-secondary one does not read that
 * school's staff guidance). Publishers see theirs.
 */
function readableCondition(p: Principal, grants: SchoolGrant[]): SQL {
	const levelsOk = grants.length
		? sql.join(
				grants.map((g) => sql`(starts_with(${g.path}::text, ${publications.path}) and ${g.level}::school_level = any(${publications.levels}) and ${publications.audience}::text in (${sql.join(g.audiences.map((a) => sql`${a}`), sql`, `)}))`),
				sql` or `
			)
		: sql`false`;
	return and(
		scopeCondition(p, 'read', 'publication', { path: publications.path, audience: publications.audience }),
		sql`(cardinality(${publications.levels}) = 0 or ${levelsOk} or ${scopeCondition(p, 'update', 'publication', { path: publications.path })})`
	)!;
}

async function loadReadable(db: Executor, p: Principal, id: string): Promise<Publication> {
	const [pub] = await db.select().from(publications).where(and(eq(publications.id, id), readableCondition(p, await schoolGrantsOf(db, p))));
	if (!pub) throw new NotFoundError(m.error_not_found());
	return pub;
}

/** One the caller may correct (`update`) or withdraw (`delete`): 404 to whom it is not shown, 403 to a reader who is not its office. */
async function loadManaged(db: Executor, p: Principal, id: string, action: 'update' | 'delete'): Promise<Publication> {
	const pub = await loadReadable(db, p, id);
	if (!can(p, action, 'publication', resourceOf(pub))) throw new ForbiddenError(m.error_forbidden());
	return pub;
}

/** Refuses (404, 403, 409 once withdrawn) whoever may not correct the publication: a check before an upload is stored. */
export async function mayCorrectPublication(db: Executor, p: Principal, id: string): Promise<void> {
	const pub = await loadManaged(db, p, id, 'update');
	if (pub.withdrawnAt) throw new ConflictError(m.prgpub_already_withdrawn());
}

/** What its audience learns of a withdrawn publication: that it was withdrawn, when and why — not its content. */
const withdrawnError = (pub: Publication) => new GoneError(m.prgpub_withdrawn(), { id: pub.id, title: pub.title, withdrawnAt: pub.withdrawnAt, reason: pub.withdrawalReason });

/** The org units the caller may publish from (the form's choice). */
export async function publisherUnits(db: Executor, p: Principal) {
	const ids = [...new Set(p.grants.filter((g) => (g.scopeType === 'city' || g.scopeType === 'org_unit') && g.scopeId).map((g) => g.scopeId!))];
	if (!ids.length) return [];
	const us = await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, ids));
	return us.filter((u) => can(p, 'create', 'publication', { path: u.path }));
}

/** The audience's people as a SQL select of person ids (for the notice's fan-out and the counts); never its publisher. */
function audienceSql(pub: Pick<Publication, 'path' | 'audience' | 'levels' | 'publishedBy'>): SQL {
	const roles = publicationAudienceRoles(pub.audience);
	const prefix = underPattern(pub.path);
	const levels = pub.levels.length
		? sql`and exists (select 1 from schools s where s.id = g.school_id and s.level::text in (${sql.join(pub.levels.map((l) => sql`${l}`), sql`, `)}))`
		: sql``;
	return sql`select distinct g.person_id from role_grants g where g.scope_path like ${prefix} and g.person_id <> ${pub.publishedBy}::uuid and g.role::text in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)}) ${levels}`;
}

/** Publishes, with the documents already streamed into the store (removed again if it is refused). */
export async function publish(db: Executor, p: Principal, input: PublicationInput, uploads: StoredUpload[] = []) {
	try {
		return await publishWith(db, p, input, uploads);
	} catch (e) {
		await discardUploads(uploads);
		throw e;
	}
}

async function publishWith(db: Executor, p: Principal, input: PublicationInput, uploads: StoredUpload[]) {
	const units = await publisherUnits(db, p);
	// Someone who publishes from nowhere is refused as such (403) before their choice is judged.
	if (!units.length) authorizeCreate(p, 'publication', { path: '/' });
	const unit = input.orgUnitId ? units.find((u) => u.id === input.orgUnitId) : units[0];
	if (!unit) throw invalid('orgUnitId', m.prgpub_unit_unknown());
	authorizeCreate(p, 'publication', { path: unit.path });
	if (input.attachmentUrl && !isHttpsUrl(input.attachmentUrl)) throw invalid('attachmentUrl', m.prgpub_https_only());
	if (input.public && !mayBePublic(input.kind)) throw invalid('public', m.prgpub_public_kinds());
	return db.transaction(async (tx) => {
		const [pub] = await tx
			.insert(publications)
			.values({ schoolId: null, path: unit.path, kind: input.kind, title: input.title, body: input.body, attachmentUrl: input.attachmentUrl || null, audience: input.audience, levels: input.levels, public: input.public, publishedBy: p.personId })
			.returning();
		const docs = await recordFiles(tx, p, { schoolId: null, path: pub.path }, uploads);
		if (docs.length) await tx.insert(publicationFiles).values(docs.map((f) => ({ publicationId: pub.id, fileId: f.id })));
		await writeAudit(tx, p, { action: 'create', entityType: 'publication', entityId: pub.id, scopePath: pub.path, after: { ...pub, files: docs.map((f) => f.id) } });
		// The audience's select, taken in pages by id: notify() writes each page in multi-row inserts,
		// and a page stays far below PostgreSQL's 65,535 parameters (a city-wide audience is millions).
		const aud = audienceSql(pub);
		const notice = { kind: 'publication_published' as const, title: m.prgpub_notify_title({ title: pub.title }), body: pub.body.slice(0, 300), link: `/programs/publications/${pub.id}`, key: `publication:${pub.id}` };
		for (let after: string | null = null; ; ) {
			const page: { id: string }[] = await tx
				.select({ id: persons.id })
				.from(persons)
				.where(and(sql`${persons.id} in (${aud})`, ne(persons.id, p.personId), after ? gt(persons.id, after) : undefined))
				.orderBy(asc(persons.id))
				.limit(FANOUT_PAGE);
			if (page.length) await notify(tx, { ...notice, to: page.map((r) => r.id) });
			if (page.length < FANOUT_PAGE) break;
			after = page[page.length - 1].id;
		}
		return { ...pub, files: docs.map(presentFile) };
	});
}

const publicationDocs: FileLink = { table: publicationFiles, ownerId: publicationFiles.publicationId, fileId: publicationFiles.fileId };

/** The documents of publications, by publication, in name order. */
const documentsOf = (db: Executor, ids: string[]) => linkedFiles(db, publicationDocs, ids);

/**
 * Adds documents to a sent publication: a correction like an edit (`edited_at`, audited), the
 * audience not notified again. Withdrawn ones are final. The uploads are removed if refused.
 */
export async function attachDocuments(db: Executor, p: Principal, id: string, uploads: StoredUpload[], now = new Date()) {
	try {
		if (!uploads.length) throw invalid('file', m.prgpub_no_document());
		const found = await loadManaged(db, p, id, 'update');
		return await db.transaction(async (tx) => {
			const [before] = await tx.select().from(publications).where(eq(publications.id, found.id)).for('update');
			if (before.withdrawnAt) throw new ConflictError(m.prgpub_already_withdrawn());
			const docs = await recordFiles(tx, p, { schoolId: null, path: before.path }, uploads);
			await tx.insert(publicationFiles).values(docs.map((f) => ({ publicationId: before.id, fileId: f.id })));
			const [after] = await tx.update(publications).set({ editedAt: now }).where(eq(publications.id, before.id)).returning();
			await writeAudit(tx, p, { action: 'update', entityType: 'publication', entityId: after.id, scopePath: after.path, before, after: { ...after, filesAdded: docs.map((f) => f.id) } });
			return { ...after, files: (await documentsOf(tx, [after.id])).get(after.id) ?? [] };
		});
	} catch (e) {
		await discardUploads(uploads);
		throw e;
	}
}

/** Takes a wrong document off a sent publication: a correction (`edited_at`, audited); the file is deleted. Withdrawn ones are final. */
export async function removeDocument(db: Executor, p: Principal, id: string, fileId: string, now = new Date()) {
	const found = await loadManaged(db, p, id, 'update');
	const result = await db.transaction(async (tx) => {
		const [before] = await tx.select().from(publications).where(eq(publications.id, found.id)).for('update');
		if (before.withdrawnAt) throw new ConflictError(m.prgpub_already_withdrawn());
		const file = await unlinkFile(tx, p, publicationDocs, before.id, fileId);
		const [after] = await tx.update(publications).set({ editedAt: now }).where(eq(publications.id, before.id)).returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'publication', entityId: after.id, scopePath: after.path, before, after: { ...after, fileRemoved: file.id } });
		return { ...after, files: (await documentsOf(tx, [after.id])).get(after.id) ?? [] };
	});
	await deleteStoredBytes([fileId]);
	return result;
}

/** A document of a publication, for whoever may open it (its audience gets 410 once it is withdrawn). */
export async function publicationDocument(db: Executor, p: Principal, id: string, fileId: string) {
	const pub = await loadReadable(db, p, id);
	if (pub.withdrawnAt && !can(p, 'update', 'publication', resourceOf(pub))) throw withdrawnError(pub);
	return documentResponse(db, pub.id, fileId);
}

/** A document of a public publication, for anyone (the public page /program). */
export async function publicDocument(db: Executor, id: string, fileId: string) {
	const item = await publicItem(db, id);
	return documentResponse(db, item.id, fileId);
}

const documentResponse = (db: Executor, publicationId: string, fileId: string) => linkedFileResponse(db, publicationDocs, publicationId, fileId);

/** Publications for the caller's audience (and those they published, withdrawn ones too, marked), newest first, with unread marks. */
export async function listPublications(db: Executor, p: Principal, f: { kind?: string } = {}) {
	authorizeList(p, 'publication');
	const conds: SQL[] = [readableCondition(p, await schoolGrantsOf(db, p)), or(isNull(publications.withdrawnAt), scopeCondition(p, 'update', 'publication', { path: publications.path }))!];
	if (f.kind) conds.push(eq(publications.kind, f.kind as Publication['kind']));
	const rows = await db
		.select({ pub: publications, read: sql<boolean>`exists (select 1 from publication_reads r where r.publication_id = ${publications.id} and r.person_id = ${p.personId})` })
		.from(publications)
		.where(and(...conds))
		.orderBy(desc(publications.publishedAt))
		.limit(300);
	return rows.map((r) => ({ ...r.pub, read: r.read, canManage: can(p, 'update', 'publication', resourceOf(r.pub)) }));
}

/**
 * Opening a publication records the caller's read once; the publisher (an officer over it) also
 * gets the statistics. Withdrawn: its office still opens it (reads frozen), its audience gets 410.
 */
export async function openPublication(db: Executor, p: Principal, id: string) {
	const pub = await loadReadable(db, p, id);
	const manage = can(p, 'update', 'publication', resourceOf(pub));
	if (pub.withdrawnAt && !manage) throw withdrawnError(pub);
	if (!pub.withdrawnAt) await db.insert(publicationReads).values({ publicationId: id, personId: p.personId }).onConflictDoNothing();
	return { ...pub, canManage: manage, stats: manage ? await readStats(db, pub) : null, files: (await documentsOf(db, [pub.id])).get(pub.id) ?? [] };
}

/**
 * Corrects a sent publication's title, body or attachment, in place: the audience is not notified
 * again, the page shows "Đã sửa lúc …", the audit keeps before and after. Withdrawn ones are final.
 */
export async function editPublication(db: Executor, p: Principal, id: string, patch: PublicationPatch, now = new Date()) {
	const found = await loadManaged(db, p, id, 'update');
	if (patch.attachmentUrl && !isHttpsUrl(patch.attachmentUrl)) throw invalid('attachmentUrl', m.prgpub_https_only());
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(publications).where(eq(publications.id, found.id)).for('update');
		if (before.withdrawnAt) throw new ConflictError(m.prgpub_already_withdrawn());
		const next = { title: patch.title ?? before.title, body: patch.body ?? before.body, attachmentUrl: patch.attachmentUrl === undefined ? before.attachmentUrl : patch.attachmentUrl || null };
		if (next.title === before.title && next.body === before.body && next.attachmentUrl === before.attachmentUrl) return before;
		const [after] = await tx.update(publications).set({ ...next, editedAt: now }).where(eq(publications.id, before.id)).returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'publication', entityId: after.id, scopePath: after.path, before, after });
		return after;
	});
}

/** Withdraws a publication (thu hồi), with an optional reason; once only. Its notices are taken back (`withdrawNotices`). */
export async function withdrawPublication(db: Executor, p: Principal, id: string, input: PublicationWithdrawal, now = new Date()) {
	const found = await loadManaged(db, p, id, 'delete');
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(publications).where(eq(publications.id, found.id)).for('update');
		if (before.withdrawnAt) throw new ConflictError(m.prgpub_already_withdrawn());
		const [after] = await tx.update(publications).set({ withdrawnAt: now, withdrawalReason: input.reason || null }).where(eq(publications.id, before.id)).returning();
		await writeAudit(tx, p, { action: 'withdraw', entityType: 'publication', entityId: after.id, scopePath: after.path, before, after });
		// Its announcement carried the first lines of the body: the audience's notices now say it was
		// withdrawn instead, and the copies not yet sent (quiet hours, the digest) are not sent.
		await withdrawNotices(tx, `publication:${after.id}`, { title: m.prgpub_notify_withdrawn_title({ title: after.title }), body: m.prgpub_withdrawn_intro() }, now);
		return after;
	});
}

async function readStats(db: Executor, pub: Publication) {
	const aud = audienceSql(pub);
	const [c] = await db
		.select({
			audience: sql<number>`(select count(*) from (${aud}) a)::int`,
			read: sql<number>`(select count(*) from publication_reads r where r.publication_id = ${pub.id} and r.person_id in (${aud}))::int`
		})
		.from(sql`(select 1) one`);
	return c;
}

/** The publisher's read statistics: "Đã đọc X/Y" and who in the audience has not read yet (at most 500 named). */
export async function publicationReadsOf(db: Executor, p: Principal, id: string) {
	const pub = await loadManaged(db, p, id, 'update');
	const stats = await readStats(db, pub);
	const unread = await db
		.select({ id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
		.from(persons)
		.where(and(sql`${persons.id} in (${audienceSql(pub)})`, sql`not exists (select 1 from publication_reads r where r.publication_id = ${id} and r.person_id = ${persons.id})`))
		.limit(500);
	return { ...stats, unread: sortVietnamese(unread).map((u) => ({ id: u.id, name: fullName(u) })) };
}

/** The public page's items: news and values marked public and not withdrawn, newest first (never anything else). */
export async function publicItems(db: Executor, id?: string) {
	return db
		.select({ id: publications.id, kind: publications.kind, title: publications.title, body: publications.body, attachmentUrl: publications.attachmentUrl, publishedAt: publications.publishedAt, editedAt: publications.editedAt })
		.from(publications)
		.where(and(eq(publications.public, true), inArray(publications.kind, ['news', 'value']), isNull(publications.withdrawnAt), id ? eq(publications.id, id) : undefined))
		.orderBy(desc(publications.publishedAt))
		.limit(200);
}

export async function publicItem(db: Executor, id: string) {
	const [item] = await publicItems(db, id);
	if (!item) throw new NotFoundError(m.error_not_found());
	return { ...item, files: (await documentsOf(db, [item.id])).get(item.id) ?? [] };
}

