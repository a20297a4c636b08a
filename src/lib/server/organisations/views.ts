/**
 * Read models for the organisation pages that the service does not offer: who can be picked in a
 * form (a school's staff, its learners not yet in a class). Every query is limited by the same
 * policy scope as the service's lists, so a select can never offer a record the caller may not see.
 */
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { error } from '@sveltejs/kit';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { scopeCondition } from '../auth/policy';
import { enrolments } from './schema';
import { persons } from '../people/schema';
import { fullName, sortVietnamese } from '../people/names';
import { AppError, ValidationError } from '../errors';
import { formFailure } from '../http/pages';
import { m } from '#lib/paraglide/messages.js';

const personScope = (p: Principal) => scopeCondition(p, 'read', 'person', { path: persons.path, personId: persons.id, personKind: persons.kind });
const nameColumns = { id: persons.id, familyName: persons.familyName, middleName: persons.middleName, givenName: persons.givenName };

/** A school's staff the caller may see, in Vietnamese order: the homeroom-teacher choices. */
export async function schoolStaff(db: Executor, p: Principal, schoolId: string) {
	const rows = await db
		.select(nameColumns)
		.from(persons)
		.where(and(personScope(p), eq(persons.schoolId, schoolId), eq(persons.kind, 'staff')));
	return sortVietnamese(rows).map((r) => ({ id: r.id, name: fullName(r) }));
}

/** Learners of a school with no class yet in the given school year: who can be enrolled. */
export async function unplacedLearners(db: Executor, p: Principal, schoolId: string, schoolYearId: string) {
	const rows = await db
		.select({ ...nameColumns, learnerCode: persons.learnerCode })
		.from(persons)
		.where(
			and(
				personScope(p),
				eq(persons.schoolId, schoolId),
				eq(persons.kind, 'learner'),
				notExists(db.select({ one: sql`1` }).from(enrolments).where(and(eq(enrolments.learnerId, persons.id), eq(enrolments.schoolYearId, schoolYearId))))
			)
		)
		.orderBy(asc(persons.givenName));
	return sortVietnamese(rows).map((r) => ({ id: r.id, name: fullName(r), code: r.learnerCode }));
}

/** Names of the given people that the caller may see (others are left out). */
export async function visibleNames(db: Executor, p: Principal, ids: (string | null)[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids.filter((x): x is string => !!x))];
	if (!wanted.length) return new Map();
	const rows = await db.select(nameColumns).from(persons).where(and(personScope(p), inArray(persons.id, wanted)));
	return new Map(rows.map((r) => [r.id, fullName(r)]));
}

// ── For the pages that present these views ───────────────────────────────────────────────────

/** A well-formed UUID: anything else would reach a uuid column and fail as a 500. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => !!s && UUID.test(s);

/** A route's id parameter; anything that is not a uuid is a page that does not exist. */
export function idOr404(id: string): string {
	if (!UUID.test(id)) error(404, 'Not found');
	return id;
}

/** Runs a page load's service calls; an AppError (404 out of scope, 403) becomes the error page. */
export async function orErrorPage<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof AppError) error(e.status, e.message);
		throw e;
	}
}

/**
 * A failed form action, as `formFailure` makes it, but a field left empty says so plainly
 * ("Vui lòng nhập mục này.") instead of zod's "expected string, received undefined".
 */
export function pageFailure(e: unknown, values: Record<string, string | undefined>, form: string) {
	if (e instanceof ValidationError && e.issues.some((i) => values[i.path] === undefined)) {
		const issues = e.issues.map((i) => (values[i.path] === undefined ? { path: i.path, message: m.org_required() } : i));
		return formFailure(new ValidationError(e.message, issues), values, form);
	}
	return formFailure(e, values, form);
}
