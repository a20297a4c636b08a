import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { requirePrincipal, formFailure } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { qualitiesInput } from '#lib/server/gradebook/inputs';
import { getQualities, saveQualities, type Point, type QualityEdit } from '#lib/server/gradebook/primary';
import { todayInVietnam } from '#lib/server/gradebook/rules/attendance-day';
import { GENERAL_COMPETENCIES, QUALITIES, SPECIFIC_COMPETENCIES } from '#lib/server/gradebook/rules';
import { getClass, getSchool } from '#lib/server/organisations/service';
import { ConflictError, ValidationError } from '#lib/server/errors';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

/** The point a teacher is most likely rating now: Giữa HK I in autumn … Cuối năm from April. */
function currentPoint(today: string): Point {
	const month = Number(today.slice(5, 7));
	if (month >= 8 && month <= 11) return 1;
	if (month === 12 || month === 1) return 2;
	if (month <= 3) return 3;
	return 4;
}

function pointOf(raw: string | null): Point {
	if (raw === null || raw === '') return currentPoint(todayInVietnam());
	if (!/^[1-4]$/.test(raw)) error(400, m.error_invalid_input());
	return Number(raw) as Point;
}

/** The class's ratings at one point (`?point=1..4`), editable by its homeroom teacher only. */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const classId = idOr404(event.params.id);
	const point = pointOf(event.url.searchParams.get('point'));
	const sheet = await orErrorPage(() => getQualities(db, p, { classId, point }));
	if (sheet.class.stage !== 'primary') error(404, m.error_not_found());
	const cls = await orErrorPage(() => getClass(db, p, classId));
	const school = await orErrorPage(() => getSchool(db, p, cls.schoolId));
	const groups = [
		{ key: 'qualities', codes: [...QUALITIES] as string[] },
		{ key: 'general', codes: [...GENERAL_COMPETENCIES] as string[] },
		{ key: 'specific', codes: [...SPECIFIC_COMPETENCIES] as string[] }
	] as const;
	return { sheet, groups, school: { id: school.id, name: school.name }, canEdit: can(p, 'update', 'conduct', cls) };
};

export const actions: Actions = {
	/**
	 * One form for the class: a select `q:<learner>:<code>` per cell and beside it `v:<learner>:<code>`
	 * = "<version>:<level shown>". Only the cells whose choice differs from what was shown are sent.
	 * Errors (and the current value of a cell someone else changed) come back keyed by the select.
	 */
	save: async (event) => {
		const p = requirePrincipal(event);
		const classId = idOr404(event.params.id);
		const form = await event.request.formData();
		const point = String(form.get('point') ?? '');
		const values: Record<string, string | undefined> = { point };
		const rows: { learnerId: string; code: string; level: string; version: number }[] = [];
		const keys: string[] = [];
		for (const [name, value] of form.entries()) {
			if (typeof value !== 'string' || !name.startsWith('q:')) continue;
			values[name] = value;
			const [, learnerId = '', code = ''] = name.split(':');
			const shown = String(form.get(`v:${learnerId}:${code}`) ?? '0:');
			const at = shown.indexOf(':');
			if (value === shown.slice(at + 1)) continue;
			rows.push({ learnerId, code, level: value, version: Number(shown.slice(0, at)) || 0 });
			keys.push(name);
		}
		if (!rows.length) return { done: 'save' as const, count: 0 };
		try {
			const input = parse(qualitiesInput, { classId, point, rows });
			const saved = await saveQualities(getContext().db, p, { ...input, rows: input.rows as QualityEdit[] });
			return { done: 'save' as const, count: saved.rows.length };
		} catch (e) {
			const failure = formFailure(e, values, 'save');
			if (e instanceof ValidationError) {
				// "rows.3.level" → the fourth changed cell.
				failure.data.issues = Object.fromEntries(
					e.issues.map((i) => {
						const row = /^rows\.(\d+)/.exec(i.path);
						return [row ? (keys[Number(row[1])] ?? i.path) : i.path, i.message];
					})
				);
			} else if (e instanceof ConflictError) {
				const lost = (e.details as { rows?: { learnerId: string; code: string; level: string | null }[] } | undefined)?.rows ?? [];
				const level = (l: string | null) => (l === 'tot' ? m.gs_level_tot() : l === 'dat' ? m.gs_level_dat() : l === 'can_co_gang' ? m.gs_level_can_co_gang() : m.gs_level_none());
				failure.data.issues = Object.fromEntries(lost.map((r) => [`q:${r.learnerId}:${r.code}`, m.gs_now_is({ level: level(r.level) })]));
			}
			return failure;
		}
	}
};
