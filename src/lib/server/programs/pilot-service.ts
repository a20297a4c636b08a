/**
 * Pilot models and their sites: the office defines models and assigns schools; a site's leader
 * (or the officer over it) keeps its milestones, statuses and evidence. Under the central policy:
 * `pilot_model` (read along the path, changed by the city officer) and `pilot_site` (the school's
 * path: read within, updated by the school leader and the officers over it). Every change is
 * audited in its own transaction.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, mayEver, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { persons, roleGrants } from '../people/schema';
import { alreadyNotified, notifyInBatches } from '../notifications/service';
import { fullName } from '../people/names';
import { downloadResponse, findFiles, presentFile, recordFiles } from '../files/service';
import { discardUploads, type StoredUpload } from '../files/upload';
import { todayInVietnam } from '#lib/format';
import { pilotEvidence, pilotMilestones, pilotModels, pilotSitePhases, pilotSites } from './pilot-schema';
import { isHttpsUrl, milestoneReminderDue, milestoneStatus, phaseDatesValid, PILOT_PHASES, PROGRAM_PHASE_DATES, REMINDER_DAYS, siteProgress, type PilotPhase, type StoredMilestoneStatus } from './pilot-rules';
import type { MilestoneInput, PilotModelInput, PilotSiteInput } from './pilot-inputs';
import { m } from '#lib/paraglide/messages.js';

type Model = typeof pilotModels.$inferSelect;
type Site = typeof pilotSites.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const siteResource = (s: Pick<Site, 'path'>): Resource => ({ path: s.path });
const siteColumns = { path: pilotSites.path };

/** Done and total milestones per site, in SQL. */
async function progressOf(db: Executor, siteIds: string[]) {
	const out = new Map<string, { done: number; total: number }>();
	if (!siteIds.length) return out;
	const rows = await db
		.select({ siteId: pilotMilestones.siteId, done: sql<number>`count(*) filter (where ${pilotMilestones.status} = 'done')::int`, total: sql<number>`count(*)::int` })
		.from(pilotMilestones)
		.where(inArray(pilotMilestones.siteId, siteIds))
		.groupBy(pilotMilestones.siteId);
	for (const r of rows) out.set(r.siteId, { done: r.done, total: r.total });
	return out;
}
const progressFrom = (c: { done: number; total: number } | undefined) => {
	const done = c?.done ?? 0;
	const total = c?.total ?? 0;
	return siteProgress([...Array(done).fill('done'), ...Array(total - done).fill('planned')]);
};

async function loadModel(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read'): Promise<Model> {
	const [model] = await db.select().from(pilotModels).where(eq(pilotModels.id, id));
	authorize(p, action, 'pilot_model', model ? { path: model.path } : undefined);
	return model;
}

async function loadSite(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read'): Promise<Site> {
	const [site] = await db.select().from(pilotSites).where(eq(pilotSites.id, id));
	authorize(p, action, 'pilot_site', site ? siteResource(site) : undefined);
	return site;
}

/** The org unit the caller runs the program from (where a new model lives). */
async function officeOf(db: Executor, p: Principal, orgUnitId?: string) {
	const grants = p.grants.filter((g) => (g.scopeType === 'city' || g.scopeType === 'org_unit') && g.scopeId && (!orgUnitId || g.scopeId === orgUnitId));
	const g = grants.find((x) => can(p, 'create', 'pilot_model', { path: x.scopePath }));
	// Program staff may read models but not make them (403); nobody else learns more than 404.
	if (!g) throw mayEver(p, 'read', 'pilot_model') ? new ForbiddenError(m.error_forbidden()) : new NotFoundError(m.error_not_found());
	const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, g.scopeId!));
	if (!u) throw new NotFoundError(m.error_not_found());
	return u;
}

/** Models the caller may see, with how many of their visible sites pilot each and the progress over them. */
export async function listModels(db: Executor, p: Principal) {
	authorizeList(p, 'pilot_model');
	const rows = await db
		.select()
		.from(pilotModels)
		.where(scopeCondition(p, 'read', 'pilot_model', { path: pilotModels.path }))
		.orderBy(asc(pilotModels.name));
	const sites = rows.length
		? await db
				.select({ id: pilotSites.id, modelId: pilotSites.modelId })
				.from(pilotSites)
				.where(and(inArray(pilotSites.modelId, rows.map((r) => r.id)), scopeCondition(p, 'read', 'pilot_site', siteColumns)))
		: [];
	const prog = await progressOf(db, sites.map((s) => s.id));
	return rows.map((r) => {
		const mine = sites.filter((s) => s.modelId === r.id);
		const sum = mine.reduce((a, s) => ({ done: a.done + (prog.get(s.id)?.done ?? 0), total: a.total + (prog.get(s.id)?.total ?? 0) }), { done: 0, total: 0 });
		return { ...r, siteCount: mine.length, progress: progressFrom(sum) };
	});
}

export async function createModel(db: Executor, p: Principal, input: PilotModelInput & { orgUnitId?: string }) {
	const office = await officeOf(db, p, input.orgUnitId);
	authorizeCreate(p, 'pilot_model', { path: office.path });
	return db.transaction(async (tx) => {
		const [model] = await tx
			.insert(pilotModels)
			.values({ path: office.path, name: input.name, description: input.description, levels: input.levels, components: input.components, status: input.status, createdBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'pilot_model', entityId: model.id, scopePath: model.path, after: model });
		return model;
	});
}

export async function updateModel(db: Executor, p: Principal, id: string, input: Partial<PilotModelInput>) {
	const before = await loadModel(db, p, id, 'update');
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(pilotModels)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(pilotModels.id, id))
			.returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'pilot_model', entityId: id, scopePath: after.path, before, after });
		return after;
	});
}

async function sitesWithSchools(db: Executor, p: Principal, conds: SQL[]) {
	const rows = await db
		.select({ site: pilotSites, schoolName: schools.name, schoolLevel: schools.level, unitName: orgUnits.name, modelName: pilotModels.name })
		.from(pilotSites)
		.innerJoin(schools, eq(schools.id, pilotSites.schoolId))
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.innerJoin(pilotModels, eq(pilotModels.id, pilotSites.modelId))
		.where(and(scopeCondition(p, 'read', 'pilot_site', siteColumns), ...conds))
		.orderBy(asc(schools.name), asc(pilotModels.name));
	const prog = await progressOf(db, rows.map((r) => r.site.id));
	return rows.map((r) => ({ ...r.site, schoolName: r.schoolName, schoolLevel: r.schoolLevel, unitName: r.unitName, modelName: r.modelName, progress: progressFrom(prog.get(r.site.id)) }));
}

/** Sites the caller may see (a unit officer: their unit's schools; a leader: their school's), by model or school. */
export async function listSites(db: Executor, p: Principal, f: { modelId?: string; schoolId?: string }) {
	authorizeList(p, 'pilot_site');
	const conds: SQL[] = [];
	if (f.modelId) conds.push(eq(pilotSites.modelId, f.modelId));
	if (f.schoolId) conds.push(eq(pilotSites.schoolId, f.schoolId));
	return sitesWithSchools(db, p, conds);
}

async function phasesOf(db: Executor, siteIds: string[]) {
	if (!siteIds.length) return [];
	return db.select().from(pilotSitePhases).where(inArray(pilotSitePhases.siteId, siteIds)).orderBy(asc(pilotSitePhases.startsOn));
}

/** One model: its sites the caller may see with progress and phases, and whether they may assign schools. */
export async function getModel(db: Executor, p: Principal, id: string) {
	const model = await loadModel(db, p, id);
	const sites = await sitesWithSchools(db, p, [eq(pilotSites.modelId, id)]);
	const phases = await phasesOf(db, sites.map((s) => s.id));
	return {
		...model,
		sites: sites.map((s) => ({ ...s, phases: phases.filter((ph) => ph.siteId === s.id) })),
		canUpdate: can(p, 'update', 'pilot_model', { path: model.path })
	};
}

/** The schools the caller may assign to pilot a model (the model's assign form). */
export async function assignableSchools(db: Executor, p: Principal, modelId: string) {
	await loadModel(db, p, modelId);
	const taken = await db.select({ schoolId: pilotSites.schoolId }).from(pilotSites).where(eq(pilotSites.modelId, modelId));
	const all = await db.select({ id: schools.id, name: schools.name, path: schools.path }).from(schools).where(scopeCondition(p, 'read', 'school', { path: schools.path })).orderBy(asc(schools.name));
	return all.filter((s) => !taken.some((t) => t.schoolId === s.id) && can(p, 'create', 'pilot_site', { path: s.path }));
}

function checkPhases(phases: { phase: PilotPhase; startsOn: string; endsOn: string }[]) {
	phases.forEach((ph, i) => {
		if (!phaseDatesValid(ph.startsOn, ph.endsOn)) throw invalid(`phases.${i}.endsOn`, m.prgpil_phase_ends_before());
	});
	if (new Set(phases.map((ph) => ph.phase)).size !== phases.length) throw invalid('phases', m.prgpil_phase_twice());
}

/** The office assigns a school to pilot a model, with the program's two phases. Audited. */
export async function assignSite(db: Executor, p: Principal, input: PilotSiteInput) {
	await loadModel(db, p, input.modelId);
	const [school] = await db.select().from(schools).where(eq(schools.id, input.schoolId));
	if (!school || !can(p, 'read', 'school', { path: school.path })) throw invalid('schoolId', m.prgpil_school_unknown());
	authorizeCreate(p, 'pilot_site', { path: school.path });
	const phases = input.phases ?? PILOT_PHASES.map((phase) => ({ phase, ...PROGRAM_PHASE_DATES[phase] }));
	checkPhases(phases);
	return db.transaction(async (tx) => {
		const [site] = await tx.insert(pilotSites).values({ modelId: input.modelId, schoolId: school.id, path: school.path, responsible: input.responsible }).onConflictDoNothing().returning();
		if (!site) throw new ConflictError(m.prgpil_site_exists());
		if (phases.length) await tx.insert(pilotSitePhases).values(phases.map((ph) => ({ siteId: site.id, ...ph })));
		await writeAudit(tx, p, { action: 'create', entityType: 'pilot_site', entityId: site.id, scopePath: site.path, schoolId: site.schoolId, after: { ...site, phases } });
		return site;
	});
}

/** One site: model, school, phases, milestones with their computed status, evidence and progress. */
export async function getSite(db: Executor, p: Principal, id: string, now = new Date()) {
	const site = await loadSite(db, p, id);
	const [model] = await db.select().from(pilotModels).where(eq(pilotModels.id, site.modelId));
	const [school] = await db.select({ id: schools.id, name: schools.name, level: schools.level }).from(schools).where(eq(schools.id, site.schoolId));
	const phases = await phasesOf(db, [id]);
	const today = todayInVietnam(now);
	const ms = await db.select().from(pilotMilestones).where(eq(pilotMilestones.siteId, id)).orderBy(asc(pilotMilestones.dueOn), asc(pilotMilestones.createdAt));
	const ev = await db
		.select({ ev: pilotEvidence, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName })
		.from(pilotEvidence)
		.innerJoin(persons, eq(persons.id, pilotEvidence.authorId))
		.where(eq(pilotEvidence.siteId, id))
		.orderBy(desc(pilotEvidence.createdAt));
	const fileRows = await findFiles(db, ev.map((e) => e.ev.fileId).filter((x): x is string => !!x));
	const milestones = ms.map((x) => ({
		...x,
		status: milestoneStatus(x.status, x.dueOn, today),
		storedStatus: x.status,
		evidence: ev
			.filter((e) => e.ev.milestoneId === x.id)
			.map((e) => {
				const f = fileRows.find((r) => r.id === e.ev.fileId);
				return { id: e.ev.id, note: e.ev.note, url: e.ev.url, createdAt: e.ev.createdAt, author: fullName(e), file: f ? presentFile(f) : null };
			})
	}));
	return {
		...site,
		model: { id: model.id, name: model.name, levels: model.levels, components: model.components },
		school,
		phases,
		milestones,
		progress: siteProgress(milestones.map((x) => x.status)),
		canUpdate: can(p, 'update', 'pilot_site', siteResource(site))
	};
}

/** The responsible person and the phases' dates. Audited. */
export async function updateSite(db: Executor, p: Principal, id: string, input: { responsible?: string; phases?: { phase: PilotPhase; startsOn: string; endsOn: string }[] }) {
	const before = await loadSite(db, p, id, 'update');
	if (input.phases) checkPhases(input.phases);
	return db.transaction(async (tx) => {
		const [after] = input.responsible !== undefined ? await tx.update(pilotSites).set({ responsible: input.responsible }).where(eq(pilotSites.id, id)).returning() : [before];
		for (const ph of input.phases ?? [])
			await tx
				.insert(pilotSitePhases)
				.values({ siteId: id, ...ph })
				.onConflictDoUpdate({ target: [pilotSitePhases.siteId, pilotSitePhases.phase], set: { startsOn: ph.startsOn, endsOn: ph.endsOn } });
		await writeAudit(tx, p, { action: 'update', entityType: 'pilot_site', entityId: id, scopePath: before.path, schoolId: before.schoolId, before, after: { ...after, phases: input.phases } });
		return after;
	});
}

export async function addMilestone(db: Executor, p: Principal, siteId: string, input: MilestoneInput) {
	const site = await loadSite(db, p, siteId, 'update');
	return db.transaction(async (tx) => {
		const [ms] = await tx
			.insert(pilotMilestones)
			.values({ siteId, schoolId: site.schoolId, path: site.path, title: input.title, dueOn: input.dueOn, phase: input.phase ?? null, responsible: input.responsible })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'pilot_milestone', entityId: ms.id, scopePath: site.path, schoolId: site.schoolId, after: ms });
		return ms;
	});
}

async function milestoneOf(db: Executor, siteId: string, milestoneId: string) {
	const [ms] = await db.select().from(pilotMilestones).where(and(eq(pilotMilestones.id, milestoneId), eq(pilotMilestones.siteId, siteId)));
	if (!ms) throw new NotFoundError(m.error_not_found());
	return ms;
}

/** The school leader or the office moves a milestone (planned, in progress, done). Audited. */
export async function setMilestoneStatus(db: Executor, p: Principal, siteId: string, milestoneId: string, status: StoredMilestoneStatus, now = new Date()) {
	const site = await loadSite(db, p, siteId, 'update');
	const before = await milestoneOf(db, siteId, milestoneId);
	return db.transaction(async (tx) => {
		const [after] = await tx
			.update(pilotMilestones)
			.set({ status, doneAt: status === 'done' ? (before.doneAt ?? now) : null })
			.where(eq(pilotMilestones.id, milestoneId))
			.returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'pilot_milestone', entityId: milestoneId, scopePath: site.path, schoolId: site.schoolId, before: { status: before.status }, after: { status: after.status } });
		return { ...after, status: milestoneStatus(after.status, after.dueOn, todayInVietnam(now)), storedStatus: after.status };
	});
}

/** Evidence for a milestone: a note, an https link and/or one uploaded file (through the files module). Audited. */
export async function addEvidence(db: Executor, p: Principal, siteId: string, milestoneId: string, input: { note: string; url?: string | null; upload?: StoredUpload }) {
	try {
		const site = await loadSite(db, p, siteId, 'update');
		await milestoneOf(db, siteId, milestoneId);
		if (input.url && !isHttpsUrl(input.url)) throw invalid('url', m.prgpil_https_only());
		if (!input.upload && !input.url && !input.note) throw invalid('note', m.prgpil_evidence_empty());
		return await db.transaction(async (tx) => {
			const [file] = input.upload ? await recordFiles(tx, p, { schoolId: site.schoolId, path: site.path }, [input.upload]) : [];
			const [ev] = await tx
				.insert(pilotEvidence)
				.values({ milestoneId, siteId, schoolId: site.schoolId, path: site.path, authorId: p.personId, note: input.note, url: input.url || null, fileId: file?.id ?? null })
				.returning();
			await writeAudit(tx, p, { action: 'create', entityType: 'pilot_evidence', entityId: ev.id, scopePath: site.path, schoolId: site.schoolId, after: ev });
			return { ...ev, file: file ? presentFile(file) : null };
		});
	} catch (e) {
		if (input.upload) await discardUploads([input.upload]);
		throw e;
	}
}

/** An evidence file, for whoever may read the site. */
export async function downloadEvidenceFile(db: Executor, p: Principal, siteId: string, evidenceId: string, inline = false) {
	await loadSite(db, p, siteId);
	const [ev] = await db.select().from(pilotEvidence).where(and(eq(pilotEvidence.id, evidenceId), eq(pilotEvidence.siteId, siteId)));
	const [file] = ev?.fileId ? await findFiles(db, [ev.fileId]) : [];
	if (!file) throw new NotFoundError(m.error_not_found());
	return downloadResponse(file, { inline });
}

/** A school's pilots: the school (if the caller may read its sites) and each model it pilots with progress. */
export async function schoolPilots(db: Executor, p: Principal, schoolId: string) {
	const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
	authorize(p, 'read', 'pilot_site', school ? { path: school.path } : undefined);
	const sites = await sitesWithSchools(db, p, [eq(pilotSites.schoolId, schoolId)]);
	return { school: { id: school.id, name: school.name, level: school.level }, sites };
}

/** The schools whose pilots the caller may see (the school chooser on the models page). */
export async function pilotSchools(db: Executor, p: Principal) {
	return db
		.selectDistinct({ id: schools.id, name: schools.name })
		.from(pilotSites)
		.innerJoin(schools, eq(schools.id, pilotSites.schoolId))
		.where(scopeCondition(p, 'read', 'pilot_site', siteColumns))
		.orderBy(asc(schools.name));
}

/**
 * The periodic job `pilot-milestone-reminders`: each milestone not done and due within a week is
 * notified once to its school's leaders (the notify key is the milestone's).
 */
export async function sendMilestoneReminders(db: Executor, now = new Date()) {
	const today = todayInVietnam(now);
	const last = new Date(Date.parse(today + 'T00:00:00Z') + REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
	const due = await db
		.select({ ms: pilotMilestones, modelName: pilotModels.name })
		.from(pilotMilestones)
		.innerJoin(pilotSites, eq(pilotSites.id, pilotMilestones.siteId))
		.innerJoin(pilotModels, eq(pilotModels.id, pilotSites.modelId))
		.where(and(sql`${pilotMilestones.status} <> 'done'`, sql`${pilotMilestones.dueOn} between ${today}::date and ${last}::date`));
	const toRemind = due.filter((r) => milestoneReminderDue(r.ms.status, r.ms.dueOn, today));
	if (!toRemind.length) return { sent: 0 };
	// The leaders of every school concerned in one query, and reminders already sent skipped in another.
	const leaders = await db
		.selectDistinct({ id: roleGrants.personId, schoolId: roleGrants.schoolId })
		.from(roleGrants)
		.where(and(eq(roleGrants.role, 'school_leader'), inArray(roleGrants.schoolId, [...new Set(toRemind.map((r) => r.ms.schoolId))])));
	const keyOf = (milestoneId: string) => `pilot-milestone-due:${milestoneId}`;
	const done = await alreadyNotified(db, leaders.map((l) => l.id), toRemind.map((r) => keyOf(r.ms.id)));
	const leadersOf = new Map<string, string[]>();
	for (const l of leaders) {
		if (!l.schoolId) continue;
		if (!leadersOf.has(l.schoolId)) leadersOf.set(l.schoolId, []);
		leadersOf.get(l.schoolId)!.push(l.id);
	}
	const notices = toRemind
		.filter(({ ms }) => !done.has(keyOf(ms.id)))
		.map(({ ms, modelName }) => ({
			to: leadersOf.get(ms.schoolId) ?? [],
			kind: 'pilot_milestone_due' as const,
			title: m.prgpil_notify_due_title({ title: ms.title }),
			body: m.prgpil_notify_due_body({ model: modelName, due: ms.dueOn.split('-').reverse().join('/') }),
			link: `/programs/pilots/sites/${ms.siteId}`,
			schoolId: ms.schoolId,
			key: keyOf(ms.id)
		}))
		.filter((n) => n.to.length);
	if (!notices.length) return { sent: 0 };
	// A few queries per batch of reminders, each batch its own transaction (notifyInBatches): the notify
	// keys keep two processes running the job at once from sending twice, and what fails is tried again next run.
	const sent = (await notifyInBatches(db, notices, now)).flat().length;
	return { sent };
}
