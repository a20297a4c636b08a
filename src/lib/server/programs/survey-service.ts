/**
 * Surveys to schools: officers build a survey under their unit (or the city), target schools
 * under that scope only, and send it — one response row per school in one transaction, the
 * schools' leaders notified. A school's leader saves drafts (each answer type-checked, a
 * version check against concurrent saves) and submits once every required answer is valid; the
 * sender may return a submission with a reason. Kinds `survey` (the sender's path) and
 * `survey_response` (the school's path) in the central policy.
 */
import { and, asc, desc, eq, inArray, isNotNull, like, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { alreadyNotified, notify, notifyInBatches, notifyMany } from '../notifications/service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { roleGrants } from '../people/schema';
import { downloadResponse, recordFiles, findFiles } from '../files/service';
import type { StoredUpload } from '../files/upload';
import { formatDateTime, todayInVietnam } from '#lib/format';
import { surveyResponses, surveys, type SurveyTarget } from './survey-schema';
import { answerProblems, compactAnswers, numbered, remindersDue, responseClosedReason, type Answers, type AnswerIssue, type SurveyDefinition } from './survey-rules';
import { IT_READINESS_TEMPLATE, itReadinessDefinition, readinessIndex, readyForGradebook } from './readiness-rules';
import type { AnswersInput, SurveyInput, SurveyUpdate } from './survey-inputs';
import { m } from '#lib/paraglide/messages.js';
import { escapeLike } from '../db/like';

type Survey = typeof surveys.$inferSelect;
type ResponseRow = typeof surveyResponses.$inferSelect;

const invalid = (path: string, message: string) => new ValidationError(m.error_invalid_input(), [{ path, message }]);
const under = (col: typeof schools.path | typeof surveyResponses.path | typeof surveys.path, prefix: string) => like(col, `${escapeLike(prefix)}%`);

export const surveyResource = (s: Pick<Survey, 'path'>): Resource => ({ path: s.path });
export const responseResource = (r: Pick<ResponseRow, 'path'>): Resource => ({ path: r.path });
const responseColumns = { path: surveyResponses.path };

/** Answers as per-question issues: `answers.<questionId>` → "Câu 3: …". */
const answerError = (issues: AnswerIssue[]) => new ValidationError(m.prgsrv_answers_invalid({ count: issues.length }), issues.map((i) => ({ path: `answers.${i.questionId}`, message: i.message })));

async function loadSurvey(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read'): Promise<Survey> {
	const [s] = await db.select().from(surveys).where(eq(surveys.id, id));
	authorize(p, action, 'survey', s ? surveyResource(s) : undefined);
	return s;
}

/** The units the caller may send surveys from (the builder's choice). */
export async function senderUnits(db: Executor, p: Principal) {
	const ids = [...new Set(p.grants.filter((g) => (g.role === 'city_officer' || g.role === 'unit_officer') && g.scopeId).map((g) => g.scopeId!))];
	if (!ids.length) return [];
	const units = await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(inArray(orgUnits.id, ids));
	return units.filter((u) => can(p, 'create', 'survey', { path: u.path }));
}

export async function createSurvey(db: Executor, p: Principal, input: SurveyInput) {
	const units = await senderUnits(db, p);
	const unit = input.orgUnitId ? units.find((u) => u.id === input.orgUnitId) : units[0];
	if (!unit) throw new ForbiddenError(m.error_forbidden());
	const fromTemplate = input.template === IT_READINESS_TEMPLATE;
	const definition: SurveyDefinition = fromTemplate ? itReadinessDefinition() : (input.definition ?? { sections: [{ id: 's1', title: '', description: '', questions: [] }] });
	const title = input.title ?? (fromTemplate ? m.prgsrv_template_title() : undefined);
	if (!title) throw invalid('title', m.prgsrv_title_required());
	return db.transaction(async (tx) => {
		const [s] = await tx
			.insert(surveys)
			.values({ orgUnitId: unit.id, path: unit.path, title, description: input.description || (fromTemplate ? m.prgsrv_template_description() : ''), template: fromTemplate ? IT_READINESS_TEMPLATE : null, definition, createdBy: p.personId })
			.returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'survey', entityId: s.id, scopePath: s.path, after: { title: s.title, template: s.template } });
		return s;
	});
}

/** Response counts per survey: total, submitted, draft (returned counts as draft). */
async function progress(db: Executor, p: Principal, ids: string[]) {
	if (!ids.length) return new Map<string, { total: number; submitted: number; draft: number }>();
	const rows = await db
		.select({
			surveyId: surveyResponses.surveyId,
			total: sql<number>`count(*)::int`,
			submitted: sql<number>`count(*) filter (where ${surveyResponses.status} = 'submitted')::int`,
			draft: sql<number>`count(*) filter (where ${surveyResponses.status} in ('draft', 'returned'))::int`
		})
		.from(surveyResponses)
		.where(and(inArray(surveyResponses.surveyId, ids), scopeCondition(p, 'read', 'survey_response', responseColumns)))
		.groupBy(surveyResponses.surveyId);
	return new Map(rows.map(({ surveyId, ...counts }) => [surveyId, counts]));
}

/** Surveys the caller's scope holds (sent or draft), newest first, with their progress. */
export async function listSurveys(db: Executor, p: Principal) {
	authorizeList(p, 'survey');
	const rows = await db
		.select()
		.from(surveys)
		.where(scopeCondition(p, 'read', 'survey', { path: surveys.path }))
		.orderBy(desc(surveys.createdAt))
		.limit(500);
	const pr = await progress(db, p, rows.map((r) => r.id));
	return rows.map((s) => ({ ...presentSurvey(s), progress: pr.get(s.id) ?? { total: 0, submitted: 0, draft: 0 } }));
}

const presentSurvey = (s: Survey) => ({
	id: s.id,
	orgUnitId: s.orgUnitId,
	title: s.title,
	description: s.description,
	template: s.template,
	status: s.status,
	target: s.target,
	opensAt: s.opensAt,
	closesAt: s.closesAt,
	sentAt: s.sentAt,
	version: s.version,
	createdAt: s.createdAt,
	definition: s.definition
});

export async function getSurvey(db: Executor, p: Principal, id: string) {
	const s = await loadSurvey(db, p, id);
	return { ...presentSurvey(s), mayEdit: s.status === 'draft' && can(p, 'update', 'survey', surveyResource(s)) };
}

export async function updateSurvey(db: Executor, p: Principal, id: string, input: SurveyUpdate) {
	await loadSurvey(db, p, id, 'update');
	return db.transaction(async (tx) => {
		const [s] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
		if (s.status !== 'draft') throw new ConflictError(m.prgsrv_already_sent());
		if (s.version !== input.version) throw new ConflictError(m.prgsrv_stale(), { version: s.version });
		if (input.target) await resolveTargets(tx, s, input.target);
		const opensAt = input.opensAt === undefined ? s.opensAt : input.opensAt ? new Date(input.opensAt) : null;
		const closesAt = input.closesAt === undefined ? s.closesAt : input.closesAt ? new Date(input.closesAt) : null;
		if (opensAt && closesAt && closesAt <= opensAt) throw invalid('closesAt', m.prgsrv_closes_before_opens());
		const [u] = await tx
			.update(surveys)
			.set({
				title: input.title ?? s.title,
				description: input.description ?? s.description,
				definition: input.definition ?? s.definition,
				target: input.target === undefined ? s.target : input.target,
				opensAt,
				closesAt,
				version: s.version + 1,
				updatedAt: new Date()
			})
			.where(eq(surveys.id, id))
			.returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'survey', entityId: id, scopePath: s.path, before: { version: s.version }, after: { version: u.version, title: u.title } });
		return presentSurvey(u);
	});
}

/**
 * The schools a target names, never outside the survey's own path (the sender's scope): a
 * unit's schools, a level's schools (within a unit or the whole scope), or a list. A unit or a
 * school outside the scope is refused rather than silently dropped.
 */
export async function resolveTargets(db: Executor, s: Pick<Survey, 'path'>, t: SurveyTarget) {
	const conds: SQL[] = [under(schools.path, s.path)];
	if (t.kind === 'unit' || (t.kind === 'level' && t.orgUnitId)) {
		const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, t.orgUnitId!));
		if (!u || !u.path.startsWith(s.path)) throw invalid('target.orgUnitId', m.prgsrv_target_outside());
		conds.push(under(schools.path, u.path));
	}
	if (t.kind === 'level') conds.push(eq(schools.level, t.level as typeof schools.$inferSelect.level));
	if (t.kind === 'schools') {
		const found = await db.select({ id: schools.id, path: schools.path }).from(schools).where(inArray(schools.id, t.schoolIds));
		if (found.length !== new Set(t.schoolIds).size || found.some((x) => !x.path.startsWith(s.path))) throw invalid('target.schoolIds', m.prgsrv_target_outside());
		conds.push(inArray(schools.id, t.schoolIds));
	}
	return db.select({ id: schools.id, name: schools.name, path: schools.path }).from(schools).where(and(...conds)).orderBy(asc(schools.name));
}

const leadersOf = (db: Executor, schoolIds: string[]) =>
	schoolIds.length ? db.selectDistinct({ personId: roleGrants.personId, schoolId: roleGrants.schoolId }).from(roleGrants).where(and(eq(roleGrants.role, 'school_leader'), inArray(roleGrants.schoolId, schoolIds))) : Promise.resolve([]);

/** The leaders' person ids per school, grouped once (not a scan of every leader per school). */
function leadersBySchool(leaders: readonly { personId: string; schoolId: string | null }[]) {
	const bySchool = new Map<string, string[]>();
	for (const l of leaders) {
		if (!l.schoolId) continue;
		if (!bySchool.has(l.schoolId)) bySchool.set(l.schoolId, []);
		bySchool.get(l.schoolId)!.push(l.personId);
	}
	return bySchool;
}

/** Sends a draft: one not-started response per targeted school, in one transaction; leaders notified. */
export async function sendSurvey(db: Executor, p: Principal, id: string, now = new Date()) {
	await loadSurvey(db, p, id, 'update');
	return db.transaction(async (tx) => {
		const [s] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
		if (s.status !== 'draft') throw new ConflictError(m.prgsrv_already_sent());
		const issues: { path: string; message: string }[] = [];
		if (!numbered(s.definition).length) issues.push({ path: 'definition', message: m.prgsrv_no_questions() });
		if (!s.target) issues.push({ path: 'target', message: m.prgsrv_target_required() });
		if (!s.opensAt || !s.closesAt) issues.push({ path: 'closesAt', message: m.prgsrv_period_required() });
		else if (s.closesAt <= now) issues.push({ path: 'closesAt', message: m.prgsrv_closes_in_past() });
		if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
		const targets = await resolveTargets(tx, s, s.target!);
		if (!targets.length) throw invalid('target', m.prgsrv_no_schools());
		await tx.insert(surveyResponses).values(targets.map((t) => ({ surveyId: s.id, schoolId: t.id, path: t.path })));
		const [u] = await tx.update(surveys).set({ status: 'sent', sentAt: now, version: s.version + 1, updatedAt: now }).where(eq(surveys.id, id)).returning();
		await writeAudit(tx, p, { action: 'send', entityType: 'survey', entityId: id, scopePath: s.path, after: { schools: targets.length } });
		const rows = await tx.select({ id: surveyResponses.id, schoolId: surveyResponses.schoolId }).from(surveyResponses).where(eq(surveyResponses.surveyId, id));
		// Every school's leaders notified in one notifyMany(): a few queries for the city's 2,748 schools, not five per school.
		const leaders = leadersBySchool(await leadersOf(tx, targets.map((t) => t.id)));
		const title = m.prgsrv_notice_sent({ title: s.title });
		const body = m.prgsrv_notice_closes({ date: formatDateTime(u.closesAt) });
		await notifyMany(tx, rows.map((r) => ({ to: leaders.get(r.schoolId) ?? [], kind: 'survey_sent', title, body, link: `/programs/surveys/${s.id}/respond`, schoolId: r.schoolId, key: `survey-sent:${r.id}` })), now);
		return { ...presentSurvey(u), schools: targets.length };
	});
}

const boardSchool = { id: schools.id, code: schools.code, name: schools.name, level: schools.level, orgUnitId: schools.orgUnitId, unitName: orgUnits.name };

/** The sender's status board: per school its status and dates, counts per management unit; `orgUnitId`/`status` filter. */
export async function surveyStatusBoard(db: Executor, p: Principal, id: string, f: { orgUnitId?: string; status?: string } = {}) {
	const s = await loadSurvey(db, p, id);
	const conds: SQL[] = [eq(surveyResponses.surveyId, id), scopeCondition(p, 'read', 'survey_response', responseColumns)];
	const all = await db
		.select({ r: surveyResponses, school: boardSchool })
		.from(surveyResponses)
		.innerJoin(schools, eq(schools.id, surveyResponses.schoolId))
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.where(and(...conds))
		.orderBy(asc(orgUnits.name), asc(schools.name));
	const units = new Map<string, { orgUnitId: string; name: string; total: number; submitted: number; draft: number; notStarted: number }>();
	for (const { r, school } of all) {
		const u = units.get(school.orgUnitId) ?? { orgUnitId: school.orgUnitId, name: school.unitName, total: 0, submitted: 0, draft: 0, notStarted: 0 };
		u.total++;
		if (r.status === 'submitted') u.submitted++;
		else if (r.status === 'not_started') u.notStarted++;
		else u.draft++;
		units.set(school.orgUnitId, u);
	}
	const rows = all
		.filter(({ r, school }) => (!f.orgUnitId || school.orgUnitId === f.orgUnitId) && (!f.status || r.status === f.status))
		.map(({ r, school }) => ({ responseId: r.id, school, status: r.status, updatedAt: r.updatedAt, submittedAt: r.submittedAt, returnedAt: r.returnedAt, returnReason: r.returnReason, readinessIndex: r.readinessIndex, ready: r.ready }));
	const totals = [...units.values()].reduce((a, u) => ({ total: a.total + u.total, submitted: a.submitted + u.submitted, draft: a.draft + u.draft, notStarted: a.notStarted + u.notStarted }), { total: 0, submitted: 0, draft: 0, notStarted: 0 });
	return { survey: { ...presentSurvey(s), mayReturn: can(p, 'update', 'survey', surveyResource(s)) }, units: [...units.values()], totals, rows };
}

async function loadResponse(db: Executor, p: Principal, id: string, action: 'read' | 'update' = 'read') {
	const [r] = await db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
	authorize(p, action, 'survey_response', r ? responseResource(r) : undefined);
	return r;
}

/** Responses the caller may read (a leader: their school's; an officer: their scope's), with their survey. */
export async function listResponses(db: Executor, p: Principal, f: { surveyId?: string; status?: string } = {}) {
	authorizeList(p, 'survey_response');
	const conds: SQL[] = [scopeCondition(p, 'read', 'survey_response', responseColumns), eq(surveys.status, 'sent')];
	if (f.surveyId) conds.push(eq(surveyResponses.surveyId, f.surveyId));
	if (f.status) conds.push(eq(surveyResponses.status, f.status as ResponseRow['status']));
	const rows = await db
		.select({ r: surveyResponses, title: surveys.title, opensAt: surveys.opensAt, closesAt: surveys.closesAt, template: surveys.template, schoolName: schools.name })
		.from(surveyResponses)
		.innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
		.innerJoin(schools, eq(schools.id, surveyResponses.schoolId))
		.where(and(...conds))
		.orderBy(desc(surveys.closesAt))
		.limit(1000);
	return rows.map((x) => ({ ...presentResponse(x.r), survey: { id: x.r.surveyId, title: x.title, opensAt: x.opensAt, closesAt: x.closesAt, template: x.template }, schoolName: x.schoolName }));
}

const presentResponse = (r: ResponseRow) => ({
	id: r.id,
	surveyId: r.surveyId,
	schoolId: r.schoolId,
	status: r.status,
	answers: r.answers,
	version: r.version,
	updatedAt: r.updatedAt,
	submittedAt: r.submittedAt,
	returnedAt: r.returnedAt,
	returnReason: r.returnReason,
	readinessIndex: r.readinessIndex,
	ready: r.ready
});

/** One response with its survey's questions and what the caller may do now. */
export async function getResponse(db: Executor, p: Principal, id: string, now = new Date()) {
	const r = await loadResponse(db, p, id);
	const [s] = await db.select().from(surveys).where(eq(surveys.id, r.surveyId));
	const [school] = await db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.id, r.schoolId));
	const closed = responseClosedReason({ opensAt: s.opensAt!, closesAt: s.closesAt!, status: s.status }, r, now);
	const fileIds = numbered(s.definition).filter((x) => x.q.type === 'file' && typeof r.answers[x.q.id] === 'string').map((x) => r.answers[x.q.id] as string);
	const fs = await findFiles(db, fileIds);
	return {
		...presentResponse(r),
		school,
		survey: { id: s.id, title: s.title, description: s.description, template: s.template, opensAt: s.opensAt, closesAt: s.closesAt, definition: s.definition },
		files: fs.map((f) => ({ id: f.id, name: f.name, size: f.size })),
		mayEdit: !closed && can(p, 'update', 'survey_response', responseResource(r)),
		closedReason: closed,
		mayReturn: r.status === 'submitted' && can(p, 'update', 'survey', surveyResource(s))
	};
}

/** The survey's response of the caller's school (the respond page's address is the survey's). */
export async function myResponseFor(db: Executor, p: Principal, surveyId: string) {
	const [r] = await db
		.select({ id: surveyResponses.id })
		.from(surveyResponses)
		.where(and(eq(surveyResponses.surveyId, surveyId), scopeCondition(p, 'update', 'survey_response', responseColumns)))
		.orderBy(asc(surveyResponses.path))
		.limit(1);
	if (!r) throw new NotFoundError(m.error_not_found());
	return r.id;
}

/** A file a response holds as an answer, for whoever may read the response (404 for any other file). */
export async function responseFile(db: Executor, p: Principal, id: string, fileId: string) {
	const r = await loadResponse(db, p, id);
	const [s] = await db.select({ definition: surveys.definition }).from(surveys).where(eq(surveys.id, r.surveyId));
	const held = numbered(s.definition).some((x) => x.q.type === 'file' && r.answers[x.q.id] === fileId);
	const [f] = held ? await findFiles(db, [fileId]) : [];
	if (!f) throw new NotFoundError(m.error_not_found());
	return downloadResponse(f);
}

const ACCEPT: Record<string, (ct: string) => boolean> = {
	any: () => true,
	pdf: (ct) => ct === 'application/pdf',
	image: (ct) => ct.startsWith('image/'),
	office: (ct) => ct.startsWith('application/vnd.openxmlformats')
};

/**
 * Files uploaded for file questions (form field `q_<id>`) become answers, checked against the
 * question's size and type limits; returned as answers to merge. Runs in the caller's transaction.
 */
async function attachUploads(tx: Executor, p: Principal, r: ResponseRow, def: SurveyDefinition, uploads: StoredUpload[]) {
	const out: Answers = {};
	const issues: AnswerIssue[] = [];
	const qs = numbered(def);
	const keep: StoredUpload[] = [];
	for (const u of uploads) {
		const x = qs.find((y) => `q_${y.q.id}` === u.field && y.q.type === 'file');
		if (!x || x.q.type !== 'file') continue;
		if (u.size > x.q.maxMb * 1024 * 1024) issues.push({ questionId: x.q.id, n: x.n, message: m.prgsrv_v_file_size({ n: x.n, max: x.q.maxMb }) });
		else if (!x.q.accept.some((a) => ACCEPT[a](u.contentType))) issues.push({ questionId: x.q.id, n: x.n, message: m.prgsrv_v_file_type({ n: x.n }) });
		else {
			keep.push(u);
			out[x.q.id] = u.id;
		}
	}
	if (issues.length) throw answerError(issues);
	await recordFiles(tx, p, { schoolId: r.schoolId, path: r.path }, keep);
	return out;
}

/**
 * Saves answers as a draft (or submits them): every answer type-checked, a submission all or
 * nothing with every required answer; refused after closing, once submitted, or when the
 * version read is no longer the current one (409: someone else saved in between).
 */
async function writeAnswers(db: Executor, p: Principal, id: string, input: { version: number; answers?: Record<string, unknown> }, mode: 'draft' | 'submit', now: Date, uploads: StoredUpload[] = []) {
	await loadResponse(db, p, id, 'update');
	return db.transaction(async (tx) => {
		const [r] = await tx.select().from(surveyResponses).where(eq(surveyResponses.id, id)).for('update');
		const [s] = await tx.select().from(surveys).where(eq(surveys.id, r.surveyId));
		const closed = responseClosedReason({ opensAt: s.opensAt!, closesAt: s.closesAt!, status: s.status }, r, now);
		if (closed) throw new ConflictError(closed);
		if (r.version !== input.version) throw new ConflictError(m.prgsrv_stale(), { version: r.version });
		const fromFiles = await attachUploads(tx, p, r, s.definition, uploads);
		const answers = compactAnswers({ ...(input.answers ?? r.answers), ...fromFiles });
		// A file answer is the file uploaded to this question now, or the one it already holds: never
		// another of the school's files (which would skip the question's type and size limits and
		// show officers a file they may not read elsewhere), never another school's.
		const fileQs = numbered(s.definition).filter((x) => x.q.type === 'file' && typeof answers[x.q.id] === 'string');
		const bad = fileQs.filter((x) => answers[x.q.id] !== fromFiles[x.q.id] && answers[x.q.id] !== r.answers[x.q.id]);
		if (bad.length) throw answerError(bad.map((x) => ({ questionId: x.q.id, n: x.n, message: m.prgsrv_v_file({ n: x.n }) })));
		const issues = answerProblems(s.definition, answers, mode);
		if (issues.length) throw answerError(issues);
		const index = mode === 'submit' && s.template === IT_READINESS_TEMPLATE ? readinessIndex(answers) : null;
		const [u] = await tx
			.update(surveyResponses)
			.set({
				answers,
				status: mode === 'submit' ? 'submitted' : r.status === 'returned' ? 'returned' : 'draft',
				version: r.version + 1,
				updatedBy: p.personId,
				updatedAt: now,
				...(mode === 'submit' ? { submittedAt: now, submittedBy: p.personId, readinessIndex: index, ready: index === null ? null : readyForGradebook(answers, index) } : {})
			})
			.where(eq(surveyResponses.id, id))
			.returning();
		await writeAudit(tx, p, { action: mode === 'submit' ? 'submit' : 'save', entityType: 'survey_response', entityId: id, scopePath: r.path, schoolId: r.schoolId, before: { status: r.status, version: r.version }, after: { status: u.status, version: u.version, answered: Object.keys(answers).length } });
		return presentResponse(u);
	});
}

export const saveResponseDraft = (db: Executor, p: Principal, id: string, input: AnswersInput, now = new Date(), uploads: StoredUpload[] = []) => writeAnswers(db, p, id, input, 'draft', now, uploads);
export const submitResponse = (db: Executor, p: Principal, id: string, input: { version: number; answers?: Record<string, unknown> }, now = new Date(), uploads: StoredUpload[] = []) => writeAnswers(db, p, id, input, 'submit', now, uploads);

/** The sender returns a submission with a reason: editable again (status returned), the leaders notified. */
export async function returnResponse(db: Executor, p: Principal, id: string, reason: string, now = new Date()) {
	const r0 = await loadResponse(db, p, id);
	const [s] = await db.select().from(surveys).where(eq(surveys.id, r0.surveyId));
	authorize(p, 'update', 'survey', surveyResource(s));
	return db.transaction(async (tx) => {
		const [r] = await tx.select().from(surveyResponses).where(eq(surveyResponses.id, id)).for('update');
		if (r.status !== 'submitted') throw new ConflictError(m.prgsrv_not_submitted());
		const [u] = await tx
			.update(surveyResponses)
			.set({ status: 'returned', returnedAt: now, returnedBy: p.personId, returnReason: reason, readinessIndex: null, ready: null, version: r.version + 1 })
			.where(eq(surveyResponses.id, id))
			.returning();
		await writeAudit(tx, p, { action: 'return', entityType: 'survey_response', entityId: id, scopePath: r.path, schoolId: r.schoolId, before: { status: r.status }, after: { status: u.status, reason } });
		const to = (await leadersOf(tx, [r.schoolId])).map((l) => l.personId);
		if (to.length) await notify(tx, { to, kind: 'survey_returned', title: m.prgsrv_notice_returned({ title: s.title }), body: reason, link: `/programs/surveys/${s.id}/respond`, schoolId: r.schoolId, key: `survey-returned:${id}:${u.version}` }, now);
		return presentResponse(u);
	});
}

/**
 * The `survey-reminders` job: schools that have not submitted an open survey are reminded
 * REMINDER_DAYS_BEFORE days before it closes and again on its last day, each once (notify keys).
 */
export async function sendSurveyReminders(db: Executor, now = new Date()) {
	const rows = await db
		.select({ id: surveyResponses.id, schoolId: surveyResponses.schoolId, surveyId: surveys.id, title: surveys.title, closesAt: surveys.closesAt })
		.from(surveyResponses)
		.innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
		.where(and(eq(surveys.status, 'sent'), ne(surveyResponses.status, 'submitted'), isNotNull(surveys.closesAt), sql`${surveys.closesAt} > ${now}`, sql`${surveys.opensAt} <= ${now}`, lt(surveys.closesAt, new Date(now.getTime() + 8 * 86_400_000))));
	const due = rows.map((r) => ({ r, kinds: remindersDue(r.closesAt!, now, undefined, (d) => todayInVietnam(d)) })).filter((x) => x.kinds.length);
	if (!due.length) return 0;
	const leaders = await leadersOf(db, [...new Set(due.map((x) => x.r.schoolId))]);
	// Reminders already sent are skipped in one query: the job runs every 15 minutes over every
	// school that has not submitted, and would otherwise try thousands of inserts each time.
	const keyOf = (responseId: string, k: string) => `survey-reminder:${responseId}:${k}`;
	const wanted = due.flatMap((x) => x.kinds.map((k) => keyOf(x.r.id, k)));
	const done = await alreadyNotified(db, leaders.map((l) => l.personId), wanted);
	const bySchool = leadersBySchool(leaders);
	const notices = due.flatMap(({ r, kinds }) =>
		kinds
			.filter((k) => !done.has(keyOf(r.id, k)))
			.map((k) => ({ to: bySchool.get(r.schoolId) ?? [], kind: 'survey_reminder' as const, title: k === 'last_day' ? m.prgsrv_notice_last_day({ title: r.title }) : m.prgsrv_notice_reminder({ title: r.title }), link: `/programs/surveys/${r.surveyId}/respond`, schoolId: r.schoolId, key: keyOf(r.id, k) }))
			.filter((n) => n.to.length)
	);
	if (!notices.length) return 0;
	// A few queries per batch of reminders, each batch its own transaction (notifyInBatches): the notify
	// keys keep two processes running the job at once from sending twice, and what fails is tried again next run.
	return (await notifyInBatches(db, notices, now)).flat().length;
}
