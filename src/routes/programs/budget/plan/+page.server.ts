import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { ValidationError } from '#lib/server/errors';
import { formatVnd, MAX_YEAR, MIN_YEAR } from '#lib/server/programs/budget-rules';
import { plansInput, taskInput } from '#lib/server/programs/budget-inputs';
import { createTask, getPlans, importPlanXlsx, setPlans } from '#lib/server/programs/budget-service';
import { xlsxUpload } from '#lib/server/gradebook/grid-xlsx';
import { todayInVietnam } from '#lib/format';
import { m } from '#lib/paraglide/messages.js';

function yearOf(url: URL) {
	const raw = url.searchParams.get('year');
	const year = raw ? Number(raw) : Number(todayInVietnam().slice(0, 4));
	if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) error(400, m.error_invalid_input());
	return year;
}

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const year = yearOf(event.url);
	const plans = await orErrorPage(() => getPlans(getContext().db, p, year));
	return {
		year,
		rows: plans.rows.map((r) => ({ id: r.task.id, code: r.task.code, name: r.task.name, level: r.level, editable: r.editable, amount: r.amount === null ? '' : formatVnd(r.amount) })),
		parents: plans.rows.filter((r) => r.level === 0).map((r) => ({ id: r.task.id, code: r.task.code, name: r.task.name }))
	};
};

export const actions: Actions = {
	/** Every row of the form at once; an empty amount leaves that task's plan as it is. */
	plan: async (event) => {
		const p = requirePrincipal(event);
		const year = yearOf(event.url);
		const form = await event.request.formData();
		const v = formObject(form);
		const ids = form.getAll('taskId').map(String);
		const rows = ids.map((taskId) => ({ taskId, amount: (v[`amount-${taskId}`] ?? '').trim() })).filter((r) => r.amount !== '');
		try {
			if (!rows.length) throw new ValidationError(m.error_invalid_input(), []);
			const input = parse(plansInput, { year, rows });
			const done = await setPlans(getContext().db, p, input);
			return { done: 'plan', changed: done.changed };
		} catch (e) {
			// row-level errors name the task's field on this form (amount-<taskId>)
			if (e instanceof ValidationError) {
				const issues = e.issues.map((i) => {
					const hit = /^rows\.(\d+)\.(\w+)$/.exec(i.path);
					return hit ? { path: `amount-${rows[Number(hit[1])]?.taskId}`, message: i.message } : i;
				});
				return pageFailure(new ValidationError(e.message, issues), v, 'plan');
			}
			return pageFailure(e, v, 'plan');
		}
	},
	/** The export's layout, edited and uploaded back: all rows or none. */
	import: async (event) => {
		const p = requirePrincipal(event);
		const year = yearOf(event.url);
		try {
			const form = await event.request.formData();
			const done = await importPlanXlsx(getContext().db, p, year, await xlsxUpload(form));
			return { done: 'plan', changed: done.changed };
		} catch (e) {
			return formFailure(e, {}, 'import'); // file errors by sheet row, never "required"
		}
	},
	task: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await createTask(getContext().db, p, parse(taskInput, { code: v.code, name: v.name, parentId: v.parentId ?? null, position: v.position }));
		} catch (e) {
			return pageFailure(e, v, 'task');
		}
		return { done: 'task' };
	}
};
