import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { requirePrincipal, formFailure } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { developmentInput, indicatorInput } from '#lib/server/gradebook/inputs';
import { createIndicator, getDevelopment, saveDevelopment } from '#lib/server/gradebook/preschool';
import { developmentDomains, type PreschoolStage } from '#lib/server/gradebook/rules';
import { todayInVietnam } from '#lib/server/gradebook/rules/attendance-day';
import { getClass, getSchool } from '#lib/server/organisations/service';
import { ValidationError } from '#lib/server/errors';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
// A group's age band is not recorded on the class: mẫu giáo unless the page is asked for nhà trẻ.
const stageOf = (url: URL): PreschoolStage => (url.searchParams.get('stage') === 'nha_tre' ? 'nha_tre' : 'mau_giao');
/** Reached / not yet / not observed as a radio value and back. */
const choiceOf = (reached: boolean | null) => (reached === true ? 'yes' : reached === false ? 'no' : 'unknown');

/** A month's observations of the group (`?period=YYYY-MM`, this month by default). */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const classId = idOr404(event.params.id);
	const period = event.url.searchParams.get('period') || todayInVietnam().slice(0, 7);
	if (!PERIOD.test(period)) error(400, m.gs_period_invalid());
	const stage = stageOf(event.url);
	const sheet = await orErrorPage(() => getDevelopment(db, p, { classId, period, stage }));
	if (sheet.class.stage !== 'preschool') error(404, m.error_not_found());
	const cls = await orErrorPage(() => getClass(db, p, classId));
	const school = await orErrorPage(() => getSchool(db, p, cls.schoolId));
	return {
		sheet: { ...sheet, rows: sheet.rows.map((r) => ({ ...r, results: r.results.map((x) => ({ ...x, choice: choiceOf(x.reached) })) })) },
		stage,
		domains: [...developmentDomains(stage)] as string[],
		school: { id: school.id, name: school.name },
		can: { edit: can(p, 'update', 'conduct', cls), addIndicator: can(p, 'create', 'subject', school) }
	};
};

export const actions: Actions = {
	/**
	 * One form for the group: per child and indicator the radio `r:<learner>:<indicator>`
	 * (yes / no / unknown), the note `n:…` and what was shown, `v:…` = "<version>:<choice>" and
	 * `w:…` = the note. Only what changed is sent; errors come back keyed by `c:<learner>:<indicator>`.
	 */
	save: async (event) => {
		const p = requirePrincipal(event);
		const classId = idOr404(event.params.id);
		const form = await event.request.formData();
		const period = String(form.get('period') ?? '');
		const values: Record<string, string | undefined> = { period };
		const rows: { learnerId: string; indicatorId: string; reached: boolean | null; note: string; version: number }[] = [];
		const keys: string[] = [];
		for (const [name, value] of form.entries()) {
			if (typeof value !== 'string' || !name.startsWith('r:')) continue;
			const [, learnerId = '', indicatorId = ''] = name.split(':');
			const id = `${learnerId}:${indicatorId}`;
			const note = String(form.get(`n:${id}`) ?? '').trim();
			values[name] = value;
			values[`n:${id}`] = note;
			const shown = String(form.get(`v:${id}`) ?? '0:');
			const at = shown.indexOf(':');
			if (value === shown.slice(at + 1) && note === String(form.get(`w:${id}`) ?? '')) continue;
			rows.push({ learnerId, indicatorId, reached: value === 'yes' ? true : value === 'no' ? false : null, note, version: Number(shown.slice(0, at)) || 0 });
			keys.push(`c:${id}`);
		}
		try {
			if (!PERIOD.test(period)) throw new ValidationError(m.gs_period_invalid(), [{ path: 'period', message: m.gs_period_invalid() }]);
			if (!rows.length) return { done: 'save' as const, count: 0 };
			const input = parse(developmentInput, { classId, period, rows });
			const saved = await saveDevelopment(getContext().db, p, input);
			return { done: 'save' as const, count: saved.rows.length };
		} catch (e) {
			const failure = formFailure(e, values, 'save');
			if (e instanceof ValidationError) {
				// "rows.3.note" → the fourth changed indicator.
				failure.data.issues = Object.fromEntries(
					e.issues.map((i) => {
						const row = /^rows\.(\d+)/.exec(i.path);
						return [row ? (keys[Number(row[1])] ?? i.path) : i.path, i.message];
					})
				);
			}
			return failure;
		}
	},

	/** The school leader adds an indicator to the school's list. */
	indicator: async (event) => {
		const p = requirePrincipal(event);
		const { db } = getContext();
		const classId = idOr404(event.params.id);
		const values = formObject(await event.request.formData());
		try {
			const cls = await getClass(db, p, classId);
			const row = await createIndicator(db, p, parse(indicatorInput, { ...values, schoolId: cls.schoolId }));
			return { done: 'indicator' as const, code: row.code };
		} catch (e) {
			return pageFailure(e, values, 'indicator');
		}
	}
};
