import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal, formFailure } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { attendanceInput } from '#lib/server/gradebook/family-inputs';
import { attendanceTotals, getAttendanceDay, saveAttendanceDay } from '#lib/server/gradebook/attendance';
import { todayInVietnam } from '#lib/server/gradebook/rules/attendance-day';
import { ValidationError } from '#lib/server/errors';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The register of a day (`?on=YYYY-MM-DD`, today by default) and the totals of its term. */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const classId = idOr404(event.params.id);
	const today = todayInVietnam();
	const on = event.url.searchParams.get('on') || today;
	const day = await orErrorPage(() => getAttendanceDay(db, p, { classId, on }));
	const totals = day.term ? await orErrorPage(() => attendanceTotals(db, p, { classId, term: day.term! })) : null;
	return { day, totals, today, prev: addDays(day.on, -1), next: addDays(day.on, 1) };
};

export const actions: Actions = {
	/**
	 * One form for the whole class: `learner` repeated in class order, and per learner
	 * `status-<id>` (radio) and `note-<id>`. Errors come back keyed by `row-<id>` (and `on`).
	 */
	save: async (event) => {
		const p = requirePrincipal(event);
		const classId = idOr404(event.params.id);
		const form = await event.request.formData();
		const on = String(form.get('on') ?? '');
		const ids = form.getAll('learner').map(String);
		const values: Record<string, string | undefined> = { on };
		const records = ids.map((id) => {
			const status = String(form.get(`status-${id}`) ?? '');
			const note = String(form.get(`note-${id}`) ?? '');
			values[`status-${id}`] = status;
			values[`note-${id}`] = note;
			return { learnerId: id, status, note };
		});
		try {
			await saveAttendanceDay(getContext().db, p, parse(attendanceInput, { classId, on, records }));
		} catch (e) {
			if (!(e instanceof ValidationError)) return formFailure(e, values, 'save');
			// "records.3.status" → the row of the fourth learner posted.
			const issues = e.issues.map((i) => {
				const row = /^records\.(\d+)\./.exec(i.path);
				return row ? { ...i, path: `row-${ids[Number(row[1])]}` } : i;
			});
			return formFailure(new ValidationError(e.message, issues), values, 'save');
		}
		return { done: 'save' as const, on };
	}
};
