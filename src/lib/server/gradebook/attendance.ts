/**
 * Điểm danh (the daily register): the class's homeroom teacher records each learner's day
 * (present, excused or unexcused absence, late); the school leader reads it; families hear about
 * a new absence through the outbox. Totals per term come from the pure rules in ./rules.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { can, type Action, type Resource } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { enqueueMany } from '../platform/outbox';
import { ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { guardianships, persons } from '../people/schema';
import * as orgRepo from '../organisations/repository';
import { fullName, sortVietnamese } from '../people/names';
import { log } from '../log';
import { requestId } from '../http/request-context';
import { formatDate } from '#lib/format';
import { attendance } from './schema';
import { classContext, type ClassContext } from './service';
import { attendanceTotals as totalsOf, promotionAbsenceCount, type AttendanceStatus, type AttendanceTotals, type TermRange } from './rules';
import { attendanceDateIssue, isAttendanceStatus, isIsoDate, isNewAbsenceOrLate, termOfDate, todayInVietnam, type AttendanceDateIssue } from './rules/attendance-day';
import { m } from '#lib/paraglide/messages.js';

export interface AttendanceRecordInput {
	learnerId: string;
	/** Checked here, not by the route, so a wrong status is a row error like any other. */
	status: string;
	note?: string;
}

type ClassRow = ClassContext;

/**
 * The class, checked twice: someone who may not see the class gets 404 (existence does not leak);
 * someone who sees it but may not do this to its register gets 403 (a subject teacher saving).
 */
async function classFor(db: Executor, p: Principal, classId: string, action: Action): Promise<ClassRow> {
	const cls = await classContext(db, classId);
	authorize(p, 'read', 'class', cls ? { path: cls.path } : undefined);
	const resource: Resource = { path: cls!.path };
	if (!can(p, action, 'attendance', resource)) {
		log.warn({ reqId: requestId(), personId: p.personId, action, kind: 'attendance', path: cls!.path }, 'access denied');
		throw new ForbiddenError(action === 'read' ? m.error_forbidden() : m.gf_attendance_forbidden());
	}
	return cls!;
}

/** The terms of a school year as the rules take them. */
export async function termRanges(db: Executor, schoolYearId: string): Promise<TermRange[]> {
	const rows = await orgRepo.listTerms(db, schoolYearId);
	return rows.map((t) => ({ term: t.number as 1 | 2, startsOn: t.startsOn, endsOn: t.endsOn }));
}

const dateMessage = (issue: AttendanceDateIssue, on: string): string =>
	({
		date_invalid: () => m.gf_date_invalid(),
		date_future: () => m.gf_date_future({ date: formatDate(on) }),
		date_outside_terms: () => m.gf_date_outside_terms({ date: formatDate(on) })
	})[issue]();

export const statusLabel = (s: AttendanceStatus): string =>
	({ present: m.gf_status_present, excused: m.gf_status_excused, unexcused: m.gf_status_unexcused, late: m.gf_status_late })[s]();

/**
 * One class's register for a day: every learner in Vietnamese order with the day's status
 * (present until recorded otherwise), whether the caller may change it, and why the day cannot be
 * recorded if it cannot (a future day, a day outside both terms).
 */
export async function getAttendanceDay(db: Executor, p: Principal, q: { classId: string; on: string }) {
	if (!isIsoDate(q.on)) throw new ValidationError(m.gf_date_invalid(), [{ path: 'on', message: m.gf_date_invalid() }]);
	const cls = await classFor(db, p, q.classId, 'read');
	const [learners, ranges, records] = await Promise.all([
		orgRepo.listEnrolledLearners(db, cls.id),
		termRanges(db, cls.schoolYearId),
		db.select().from(attendance).where(and(eq(attendance.classId, cls.id), eq(attendance.on, q.on)))
	]);
	const byLearner = new Map(records.map((r) => [r.learnerId, r]));
	const issue = attendanceDateIssue(q.on, todayInVietnam(), ranges);
	return {
		class: { id: cls.id, name: cls.name, grade: cls.grade, schoolId: cls.schoolId, schoolName: cls.schoolName, schoolYearId: cls.schoolYearId },
		on: q.on,
		term: termOfDate(q.on, ranges),
		canEdit: can(p, 'update', 'attendance', { path: cls.path }),
		/** Why this day cannot be recorded, in the caller's language; null when it can. */
		dateProblem: issue ? dateMessage(issue, q.on) : null,
		rows: sortVietnamese(learners).map((l) => {
			const r = byLearner.get(l.id);
			return {
				learner: { id: l.id, name: fullName(l), learnerCode: l.learnerCode },
				status: (r?.status ?? 'present') as AttendanceStatus,
				note: r?.note ?? '',
				recorded: Boolean(r)
			};
		})
	};
}
export type AttendanceDay = Awaited<ReturnType<typeof getAttendanceDay>>;

/**
 * Saves a day's register, all or nothing: the date and every row are checked first (a message per
 * row), then the changed rows are written with one audit record, and each guardian with an email
 * is told of a new absence or late arrival (never of the same status saved again).
 */
export async function saveAttendanceDay(db: Executor, p: Principal, input: { classId: string; on: string; records: AttendanceRecordInput[] }) {
	const cls = await classFor(db, p, input.classId, 'update');
	const [learners, ranges] = await Promise.all([orgRepo.listEnrolledLearners(db, cls.id), termRanges(db, cls.schoolYearId)]);
	const enrolled = new Map(learners.map((l) => [l.id, l]));

	const issues: FieldIssue[] = [];
	const rowErrors: { index: number; learnerId: string; code: string; message: string }[] = [];
	const dateIssue = attendanceDateIssue(input.on, todayInVietnam(), ranges);
	if (dateIssue) issues.push({ path: 'on', message: dateMessage(dateIssue, input.on) });
	const seen = new Set<string>();
	const rows: { learnerId: string; status: AttendanceStatus; note: string }[] = [];
	input.records.forEach((r, index) => {
		const fail = (field: string, code: string, message: string) => {
			issues.push({ path: `records.${index}.${field}`, message });
			rowErrors.push({ index, learnerId: r.learnerId, code, message });
		};
		if (!enrolled.has(r.learnerId)) return fail('learnerId', 'learner_not_in_class', m.gf_learner_not_in_class());
		if (seen.has(r.learnerId)) return fail('learnerId', 'duplicate_learner', m.gf_learner_twice());
		seen.add(r.learnerId);
		if (!isAttendanceStatus(r.status)) return fail('status', 'status_invalid', m.gf_status_invalid());
		rows.push({ learnerId: r.learnerId, status: r.status, note: (r.note ?? '').trim() });
	});
	if (issues.length) {
		const message = rowErrors.length ? m.gf_records_invalid({ count: rowErrors.length }) : issues[0].message;
		throw new ValidationError(message, issues, { issues, records: rowErrors });
	}

	await db.transaction(async (tx) => {
		const current = await tx
			.select()
			.from(attendance)
			.where(and(eq(attendance.classId, cls.id), eq(attendance.on, input.on), inArray(attendance.learnerId, rows.map((r) => r.learnerId))))
			.for('update');
		const before = new Map(current.map((c) => [c.learnerId, c]));
		const changed = rows.filter((r) => before.get(r.learnerId)?.status !== r.status || before.get(r.learnerId)?.note !== r.note);
		if (!changed.length) return;
		for (const r of changed) {
			await tx
				.insert(attendance)
				.values({ schoolId: cls.schoolId, classId: cls.id, learnerId: r.learnerId, on: input.on, status: r.status, note: r.note, recordedBy: p.personId })
				.onConflictDoUpdate({
					target: [attendance.classId, attendance.learnerId, attendance.on],
					set: { status: r.status, note: r.note, recordedBy: p.personId, updatedAt: new Date() }
				});
		}
		const snapshot = (list: { learnerId: string; status: string; note: string }[]) => list.map(({ learnerId, status, note }) => ({ learnerId, status, note }));
		await writeAudit(tx, p, {
			action: current.length ? 'update' : 'create',
			entityType: 'attendance_day',
			entityId: `${cls.id}:${input.on}`,
			scopePath: cls.path,
			schoolId: cls.schoolId,
			before: { on: input.on, records: snapshot(changed.flatMap((r) => before.get(r.learnerId) ?? [])) },
			after: { on: input.on, records: snapshot(changed) }
		});
		const news = changed.filter((r) => isNewAbsenceOrLate(before.get(r.learnerId)?.status as AttendanceStatus | undefined, r.status));
		await notifyGuardians(tx, cls, input.on, news, enrolled);
	});
	return getAttendanceDay(db, p, { classId: cls.id, on: input.on });
}

/** One email per guardian with an address and per learner newly absent or late. */
async function notifyGuardians(
	tx: Executor,
	cls: ClassRow,
	on: string,
	rows: { learnerId: string; status: AttendanceStatus; note: string }[],
	learners: Map<string, Parameters<typeof fullName>[0]>
) {
	if (!rows.length) return;
	const guardians = await tx
		.select({ email: persons.email, learnerId: guardianships.learnerId })
		.from(guardianships)
		.innerJoin(persons, eq(persons.id, guardianships.guardianId))
		.where(inArray(guardianships.learnerId, rows.map((r) => r.learnerId)));
	const sentence = { excused: m.gf_notify_excused, unexcused: m.gf_notify_unexcused, late: m.gf_notify_late };
	const rowOf = new Map(rows.map((x) => [x.learnerId, x]));
	await enqueueMany(
		tx,
		guardians.flatMap((g) => {
			if (!g.email) return [];
			const r = rowOf.get(g.learnerId)!;
			const learner = fullName(learners.get(r.learnerId)!);
			const body = m.gf_notify_body({ learner, className: cls.name, status: sentence[r.status as keyof typeof sentence](), date: formatDate(on) });
			return [{ channel: 'email' as const, recipient: g.email, subject: m.gf_notify_subject({ learner }), body: r.note ? `${body}\n${m.gf_notify_note({ note: r.note })}` : body }];
		})
	);
}

const EMPTY: AttendanceTotals = { present: 0, late: 0, excused: 0, unexcused: 0, days: 0 };

/**
 * Every learner's totals for a term (present, excused, unexcused, late, days recorded) and the
 * sessions of absence that count against promotion (TT22/2021 Điều 12).
 */
export async function attendanceTotals(db: Executor, p: Principal, q: { classId: string; term: 1 | 2 }) {
	const cls = await classFor(db, p, q.classId, 'read');
	const range = (await termRanges(db, cls.schoolYearId)).find((t) => t.term === q.term);
	const learners = sortVietnamese(await orgRepo.listEnrolledLearners(db, cls.id));
	const records = range
		? await db
				.select({ learnerId: attendance.learnerId, on: attendance.on, status: attendance.status })
				.from(attendance)
				.where(and(eq(attendance.classId, cls.id), gte(attendance.on, range.startsOn), lte(attendance.on, range.endsOn)))
		: [];
	return {
		class: { id: cls.id, name: cls.name },
		term: q.term,
		startsOn: range?.startsOn ?? null,
		endsOn: range?.endsOn ?? null,
		rows: learners.map((l) => {
			const totals = range ? totalsOf(records.filter((r) => r.learnerId === l.id)) : EMPTY;
			return { learner: { id: l.id, name: fullName(l), learnerCode: l.learnerCode }, ...totals, absences: promotionAbsenceCount(totals) };
		})
	};
}
export type AttendanceTermTotals = Awaited<ReturnType<typeof attendanceTotals>>;
