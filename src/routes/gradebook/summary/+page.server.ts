import { error } from '@sveltejs/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { orErrorPage } from '#lib/server/organisations/views';
import { classes, schools, schoolYears } from '#lib/server/organisations/schema';
import { gradebookSummary } from '#lib/server/gradebook/summaries';
import type { Period } from '#lib/server/gradebook/class-results';

const params = z.object({
	schoolId: z.uuid().optional().catch(undefined),
	schoolYearId: z.uuid().optional().catch(undefined),
	period: z.enum(['1', '2', 'year']).catch('1'),
	grade: z.coerce.number().int().min(0).max(12).optional().catch(undefined),
	classId: z.uuid().optional().catch(undefined)
});

/**
 * Bảng tổng hợp: the school leader picks the school year, term or year, and optionally a grade or
 * a class; a homeroom teacher sees only their class. Everything is server-rendered (forms are GET).
 */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const q = params.parse(Object.fromEntries(['schoolId', 'schoolYearId', 'period', 'grade', 'classId'].map((k) => [k, event.url.searchParams.get(k) || undefined])));
	const schoolIds = [...new Set([q.schoolId, ...p.grants.map((g) => g.schoolId)].filter((x): x is string => Boolean(x)))];
	const schoolRows = schoolIds.length ? await db.select().from(schools).where(inArray(schools.id, schoolIds)).orderBy(asc(schools.name)) : [];
	const school = schoolRows.find((s) => s.id === q.schoolId) ?? schoolRows.find((s) => s.id === schoolIds[0]) ?? schoolRows[0];
	const empty = { school: null, years: [], classes: [], grades: [], selected: null, summary: null, schoolWide: false, links: null };
	if (!school) return empty;
	const years = await db.select().from(schoolYears).where(eq(schoolYears.schoolId, school.id)).orderBy(asc(schoolYears.startsOn));
	const year = years.find((y) => y.id === q.schoolYearId) ?? years.at(-1);
	if (!year) return empty;
	const all = await db.select().from(classes).where(eq(classes.schoolYearId, year.id)).orderBy(asc(classes.grade), asc(classes.name));
	const schoolWide = can(p, 'read', 'grade', { path: school.path });
	const readable = all.filter((c) => can(p, 'read', 'grade', { path: c.path }));
	if (!schoolWide && !readable.length) {
		if (q.classId || q.schoolId) error(404, 'Not found');
		return { ...empty, school: { id: school.id, name: school.name } };
	}
	let classId = q.classId && readable.some((c) => c.id === q.classId) ? q.classId : undefined;
	if (q.classId && !classId) error(404, 'Not found');
	if (!schoolWide && !classId) classId = readable[0].id;
	const grade = schoolWide && !classId ? q.grade : undefined;
	const period: Period = q.period === 'year' ? 'year' : (Number(q.period) as 1 | 2);
	const summary = await orErrorPage(() => gradebookSummary(db, p, { schoolId: school.id, schoolYearId: year.id, period, grade, classId }));
	const query = new URLSearchParams({ schoolId: school.id, schoolYearId: year.id, period: q.period });
	if (grade !== undefined) query.set('grade', String(grade));
	if (classId) query.set('classId', classId);
	return {
		school: { id: school.id, name: school.name },
		years: years.map((y) => ({ id: y.id, name: y.name })),
		classes: readable.map((c) => ({ id: c.id, name: c.name, grade: c.grade })),
		grades: [...new Set(readable.map((c) => c.grade))],
		selected: { schoolYearId: year.id, period: q.period, grade: grade ?? null, classId: classId ?? null },
		schoolWide,
		summary,
		links: {
			xlsx: `/api/v1/gradebook/summary.xlsx?${query}`,
			cards: classId ? `/api/v1/gradebook/report-cards.pdf?classId=${classId}&period=${q.period}` : null
		}
	};
};
