/**
 * Lesson plans (kế hoạch bài dạy): drafts written by their author, copies, and the review —
 * submit → subject-group head → school leader — driven by the pure state machine in ./workflow.
 * Permissions come from the central policy (kind `lesson_plan`); every write is one transaction
 * with its event, audit record and outbox email.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { enqueueMany } from '../platform/outbox';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { subjectGroups, subjects } from '../organisations/schema';
import { accounts, persons, roleGrants } from '../people/schema';
import * as orgRepo from '../organisations/repository';
import { fullName } from '../people/names';
import { lessonPlanEvents, lessonPlans } from './schema';
import { emptyContent, missingForSubmission, type LessonPlanContent } from './content';
import { isEditable, nextRecipient, possibleActions, transition, type Capacity, type LessonPlanAction, type LessonPlanStatus } from './workflow';
import { m } from '#lib/paraglide/messages.js';
import { lessonPlanStatusLabel } from '#lib/learning/labels';

type Plan = typeof lessonPlans.$inferSelect;

const resourceOf = (plan: Pick<Plan, 'path' | 'authorId' | 'shared'>): Resource => ({ path: plan.path, authorId: plan.authorId, shared: plan.shared });

/** In which capacities the caller may act on a plan (the state machine decides what each may do). */
export function capacitiesOf(p: Principal, plan: Pick<Plan, 'path' | 'authorId'>): Capacity[] {
	const caps: Capacity[] = [];
	if (plan.authorId === p.personId) caps.push('author');
	if (p.grants.some((g) => g.role === 'subject_group_head' && plan.path.startsWith(g.scopePath))) caps.push('group_head');
	if (p.grants.some((g) => g.role === 'school_leader' && plan.path.startsWith(g.scopePath))) caps.push('school_leader');
	return caps;
}

async function findPlan(db: Executor, id: string) {
	const [plan] = await db.select().from(lessonPlans).where(eq(lessonPlans.id, id));
	return plan;
}

/** The plan if the caller may read it; 404 otherwise (existence does not leak). */
async function readablePlan(db: Executor, p: Principal, id: string) {
	const plan = await findPlan(db, id);
	authorize(p, 'read', 'lesson_plan', plan ? resourceOf(plan) : undefined);
	return plan!;
}

/** Where a plan of this subject lives: its subject group's path, else the school's. */
async function placeOf(db: Executor, schoolId: string, subjectId: string) {
	const [s] = await db
		.select({ subject: subjects, groupPath: subjectGroups.path })
		.from(subjects)
		.leftJoin(subjectGroups, eq(subjectGroups.id, subjects.subjectGroupId))
		.where(and(eq(subjects.id, subjectId), eq(subjects.schoolId, schoolId)));
	if (!s) throw new ValidationError(m.lp_subject_unknown(), [{ path: 'subjectId', message: m.lp_subject_unknown() }]);
	const school = await orgRepo.findSchool(db, schoolId);
	return { path: s.groupPath ?? school.path, subjectGroupId: s.subject.subjectGroupId };
}

async function requireYear(db: Executor, schoolYearId: string) {
	const year = await orgRepo.findSchoolYear(db, schoolYearId);
	if (!year) throw new ValidationError(m.lp_year_unknown(), [{ path: 'schoolYearId', message: m.lp_year_unknown() }]);
	return year;
}

async function recordEvent(tx: Executor, plan: Plan, from: LessonPlanStatus | null, to: LessonPlanStatus, actorId: string, comment = '') {
	const [event] = await tx.insert(lessonPlanEvents).values({ planId: plan.id, schoolId: plan.schoolId, fromStatus: from, toStatus: to, actorId, comment }).returning();
	return event;
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

export interface LessonPlanFilter {
	schoolId?: string;
	schoolYearId?: string;
	subjectId?: string;
	authorId?: string;
	status?: LessonPlanStatus;
	grade?: number;
	week?: number;
}

/** A teacher's own and the school's shared plans, a group head's group, a leader's school. */
export async function listLessonPlans(db: Executor, p: Principal, f: LessonPlanFilter) {
	authorizeList(p, 'lesson_plan');
	const conds: SQL[] = [scopeCondition(p, 'read', 'lesson_plan', { path: lessonPlans.path, authorId: lessonPlans.authorId, shared: lessonPlans.shared })];
	if (f.schoolId) conds.push(eq(lessonPlans.schoolId, f.schoolId));
	if (f.schoolYearId) conds.push(eq(lessonPlans.schoolYearId, f.schoolYearId));
	if (f.subjectId) conds.push(eq(lessonPlans.subjectId, f.subjectId));
	if (f.authorId) conds.push(eq(lessonPlans.authorId, f.authorId));
	if (f.status) conds.push(eq(lessonPlans.status, f.status));
	if (f.grade !== undefined) conds.push(eq(lessonPlans.grade, f.grade));
	if (f.week !== undefined) conds.push(eq(lessonPlans.week, f.week));
	const rows = await db
		.select({
			id: lessonPlans.id,
			schoolId: lessonPlans.schoolId,
			schoolYearId: lessonPlans.schoolYearId,
			path: lessonPlans.path,
			title: lessonPlans.title,
			subjectId: lessonPlans.subjectId,
			subjectName: subjects.name,
			grade: lessonPlans.grade,
			week: lessonPlans.week,
			teachingDate: lessonPlans.teachingDate,
			status: lessonPlans.status,
			shared: lessonPlans.shared,
			version: lessonPlans.version,
			authorId: lessonPlans.authorId,
			familyName: persons.familyName,
			middleName: persons.middleName,
			givenName: persons.givenName,
			updatedAt: lessonPlans.updatedAt
		})
		.from(lessonPlans)
		.innerJoin(subjects, eq(subjects.id, lessonPlans.subjectId))
		.innerJoin(persons, eq(persons.id, lessonPlans.authorId))
		.where(and(...conds))
		.orderBy(asc(lessonPlans.week), asc(subjects.name), desc(lessonPlans.updatedAt))
		.limit(500);
	return rows.map(({ familyName, middleName, givenName, ...r }) => ({ ...r, authorName: fullName({ familyName, middleName, givenName }) }));
}

/** One plan, its history oldest first, and what the caller may do with it now. */
export async function getLessonPlan(db: Executor, p: Principal, id: string) {
	const plan = await readablePlan(db, p, id);
	const events = await db
		.select({
			id: lessonPlanEvents.id,
			fromStatus: lessonPlanEvents.fromStatus,
			toStatus: lessonPlanEvents.toStatus,
			actorId: lessonPlanEvents.actorId,
			comment: lessonPlanEvents.comment,
			at: lessonPlanEvents.at,
			familyName: persons.familyName,
			middleName: persons.middleName,
			givenName: persons.givenName
		})
		.from(lessonPlanEvents)
		.innerJoin(persons, eq(persons.id, lessonPlanEvents.actorId))
		.where(eq(lessonPlanEvents.planId, id))
		.orderBy(asc(lessonPlanEvents.id));
	const [author] = await db.select().from(persons).where(eq(persons.id, plan.authorId));
	const [subject] = await db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, plan.subjectId));
	const caps = can(p, 'update', 'lesson_plan', resourceOf(plan)) ? capacitiesOf(p, plan) : [];
	const actions = possibleActions(plan.status, caps);
	return {
		...plan,
		authorName: author ? fullName(author) : '',
		subjectName: subject?.name ?? '',
		canEdit: caps.includes('author') && isEditable(plan.status),
		actions,
		events: events.map(({ familyName, middleName, givenName, ...e }) => ({ ...e, actorName: fullName({ familyName, middleName, givenName }) }))
	};
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

export interface LessonPlanInput {
	schoolYearId: string;
	subjectId: string;
	grade: number;
	title: string;
	week?: number | null;
	teachingDate?: string | null;
	periods: number;
	shared: boolean;
	content?: LessonPlanContent;
}

/** A new draft by the caller, in the school of the year it is for. */
export async function createLessonPlan(db: Executor, p: Principal, input: LessonPlanInput) {
	const year = await requireYear(db, input.schoolYearId);
	const place = await placeOf(db, year.schoolId, input.subjectId);
	authorizeCreate(p, 'lesson_plan', { path: place.path, authorId: p.personId });
	return db.transaction(async (tx) => {
		const [plan] = await tx
			.insert(lessonPlans)
			.values({
				schoolId: year.schoolId,
				schoolYearId: year.id,
				path: place.path,
				subjectGroupId: place.subjectGroupId,
				authorId: p.personId,
				subjectId: input.subjectId,
				grade: input.grade,
				title: input.title,
				week: input.week ?? null,
				teachingDate: input.teachingDate ?? null,
				periods: input.periods,
				shared: input.shared,
				content: input.content ?? emptyContent()
			})
			.returning();
		await recordEvent(tx, plan, null, 'draft', p.personId);
		await writeAudit(tx, p, { action: 'create', entityType: 'lesson_plan', entityId: plan.id, scopePath: plan.path, schoolId: plan.schoolId, after: plan });
		return plan;
	});
}

export interface LessonPlanPatch {
	version: number;
	title?: string;
	grade?: number;
	week?: number | null;
	teachingDate?: string | null;
	periods?: number;
	shared?: boolean;
	content?: LessonPlanContent;
}

/** The author edits while the plan is with them (draft or returned); a stale version is 409. */
export async function updateLessonPlan(db: Executor, p: Principal, id: string, input: LessonPlanPatch) {
	const before = await readablePlan(db, p, id);
	authorize(p, 'update', 'lesson_plan', resourceOf(before));
	if (before.authorId !== p.personId) throw new ForbiddenError(m.lp_only_author());
	if (!isEditable(before.status)) throw new ConflictError(m.lp_not_editable(), { status: before.status, version: before.version });
	const { version, ...changes } = input;
	return db.transaction(async (tx) => {
		const [plan] = await tx
			.update(lessonPlans)
			.set({ ...changes, version: sql`${lessonPlans.version} + 1`, updatedAt: new Date() })
			.where(and(eq(lessonPlans.id, id), eq(lessonPlans.version, version), sql`${lessonPlans.status} in ('draft', 'returned')`))
			.returning();
		if (!plan) {
			const current = await findPlan(tx, id);
			throw new ConflictError(m.lp_stale(), { current });
		}
		await writeAudit(tx, p, { action: 'update', entityType: 'lesson_plan', entityId: id, scopePath: plan.path, schoolId: plan.schoolId, before, after: plan });
		return plan;
	});
}

/** Copy a colleague's shared plan, or one's own (e.g. last year's), into a new draft. */
export async function copyLessonPlan(db: Executor, p: Principal, id: string, input: { schoolYearId?: string; title?: string }) {
	const source = await readablePlan(db, p, id);
	if (!source.shared && source.authorId !== p.personId) throw new ForbiddenError(m.lp_copy_not_shared());
	const year = await requireYear(db, input.schoolYearId ?? source.schoolYearId);
	if (year.schoolId !== source.schoolId) throw new ValidationError(m.lp_year_unknown(), [{ path: 'schoolYearId', message: m.lp_year_unknown() }]);
	const place = await placeOf(db, source.schoolId, source.subjectId);
	authorizeCreate(p, 'lesson_plan', { path: place.path, authorId: p.personId });
	return db.transaction(async (tx) => {
		const [plan] = await tx
			.insert(lessonPlans)
			.values({
				schoolId: source.schoolId,
				schoolYearId: year.id,
				path: place.path,
				subjectGroupId: place.subjectGroupId,
				authorId: p.personId,
				subjectId: source.subjectId,
				grade: source.grade,
				title: input.title ?? source.title,
				week: source.week,
				teachingDate: null,
				periods: source.periods,
				shared: false,
				content: source.content,
				copiedFromId: source.id
			})
			.returning();
		await recordEvent(tx, plan, null, 'draft', p.personId, m.lp_copied_from({ title: source.title }));
		await writeAudit(tx, p, { action: 'copy', entityType: 'lesson_plan', entityId: plan.id, scopePath: plan.path, schoolId: plan.schoolId, after: plan });
		return plan;
	});
}

/** Submit, return or approve: the state machine says whether the caller may, from this status. */
export async function transitionLessonPlan(db: Executor, p: Principal, id: string, input: { action: LessonPlanAction; comment: string; version?: number }) {
	const before = await readablePlan(db, p, id);
	authorize(p, 'update', 'lesson_plan', resourceOf(before));
	const result = transition(before.status, input.action, capacitiesOf(p, before), input.comment);
	if (!result.ok) {
		if (result.reason === 'not_now') throw new ConflictError(m.lp_transition_not_now({ action: actionLabel(input.action), status: statusLabel(before.status) }), { status: before.status });
		if (result.reason === 'not_yours') throw new ForbiddenError(m.lp_transition_not_yours());
		throw new ValidationError(m.lp_comment_required(), [{ path: 'comment', message: m.lp_comment_required() }]);
	}
	if (input.action === 'submit') {
		const missing = missingForSubmission(before.content);
		if (missing.length) throw new ValidationError(m.lp_incomplete({ count: missing.length }), missing.map((path) => ({ path, message: m.lp_field_required() })));
	}
	return db.transaction(async (tx) => {
		const conds = [eq(lessonPlans.id, id), eq(lessonPlans.status, before.status)];
		if (input.version !== undefined) conds.push(eq(lessonPlans.version, input.version));
		const [plan] = await tx
			.update(lessonPlans)
			.set({ status: result.to, version: sql`${lessonPlans.version} + 1`, updatedAt: new Date() })
			.where(and(...conds))
			.returning();
		if (!plan) throw new ConflictError(m.lp_stale(), { current: await findPlan(tx, id) });
		const event = await recordEvent(tx, plan, before.status, result.to, p.personId, input.comment);
		await writeAudit(tx, p, {
			action: input.action,
			entityType: 'lesson_plan',
			entityId: id,
			scopePath: plan.path,
			schoolId: plan.schoolId,
			before: { status: before.status, version: before.version },
			after: { status: plan.status, version: plan.version, comment: input.comment }
		});
		await notify(tx, plan, p, input.comment);
		return { ...plan, event };
	});
}

// ── Notifications ───────────────────────────────────────────────────────────────────────────────

/** Email addresses of the holders of a role whose scope covers the plan. */
async function reviewerEmails(db: Executor, role: 'subject_group_head' | 'school_leader', plan: Plan) {
	const rows = await db
		.selectDistinct({ email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})` })
		.from(roleGrants)
		.innerJoin(persons, eq(persons.id, roleGrants.personId))
		.leftJoin(accounts, eq(accounts.personId, persons.id))
		.where(and(eq(roleGrants.role, role), sql`${plan.path} like ${roleGrants.scopePath} || '%'`));
	return rows.map((r) => r.email).filter((e): e is string => Boolean(e));
}

async function authorEmail(db: Executor, plan: Plan) {
	const [row] = await db
		.select({ email: sql<string | null>`coalesce(${persons.email}, ${accounts.email})` })
		.from(persons)
		.leftJoin(accounts, eq(accounts.personId, persons.id))
		.where(eq(persons.id, plan.authorId));
	return row?.email ? [row.email] : [];
}

/** Tell the next person: the group head on submission, the leader on group approval, the author otherwise. */
async function notify(tx: Executor, plan: Plan, actor: Principal, comment: string) {
	const who = nextRecipient(plan.status);
	if (!who) return;
	const recipients = who === 'author' ? await authorEmail(tx, plan) : await reviewerEmails(tx, who === 'group_head' ? 'subject_group_head' : 'school_leader', plan);
	const subject = m.lp_notify_subject({ title: plan.title, status: statusLabel(plan.status) });
	const body = m.lp_notify_body({ title: plan.title, status: statusLabel(plan.status), actor: actor.displayName, comment: comment || '—' });
	await enqueueMany(tx, recipients.map((recipient) => ({ channel: 'email', recipient, subject, body })));
}

export const statusLabel = lessonPlanStatusLabel;
function actionLabel(a: LessonPlanAction): string {
	return { submit: m.lp_action_submit, return: m.lp_action_return, approve: m.lp_action_approve }[a]();
}
