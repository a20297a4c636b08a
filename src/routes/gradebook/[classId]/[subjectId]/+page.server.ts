import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { ConflictError, ValidationError } from '#lib/server/errors';
import { getGrid, listChangeRequests, requestChange, saveCells } from '#lib/server/gradebook/service';
import { changeRequestInput } from '#lib/server/gradebook/inputs';
import { cellKey, changedCells, commentCell, commentCellEdit, gridPublishing, missedCell, missedCellEdit } from '#lib/server/gradebook/views';
import { importGridXlsx, xlsxUpload, type GridImportError } from '#lib/server/gradebook/grid-xlsx';
import { publishColumn, unpublishColumn } from '#lib/server/gradebook/learner-view';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { formFailure } from '#lib/server/http/pages';
import { m } from '#lib/paraglide/messages.js';

const termOf = (url: URL): 1 | 2 => (url.searchParams.get('term') === '2' ? 2 : 1);
const gridQuery = (event: RequestEvent) => ({ classId: idOr404(event.params.classId), subjectId: idOr404(event.params.subjectId), term: termOf(event.url) });
const gridOf = (event: RequestEvent) => getGrid(getContext().db, requirePrincipal(event), gridQuery(event));

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const grid = await orErrorPage(() => gridOf(event));
	const columnIds = new Set(grid.columns.map((c) => c.id));
	const requests =
		mayEver(p, 'create', 'grade_change') || mayEver(p, 'update', 'grade_change')
			? (await listChangeRequests(getContext().db, p, { schoolId: grid.class.schoolId })).filter((r) => columnIds.has(r.columnId))
			: [];
	// The change-request form of one cell (?request=<columnId>:<learnerId>), for a locked term.
	const wanted = event.url.searchParams.get('request');
	let requestFor = null;
	if (grid.canRequestChange && wanted) {
		const [columnId, learnerId] = wanted.split(':');
		const column = grid.columns.find((c) => c.id === columnId);
		const row = grid.rows.find((r) => r.learner.id === learnerId);
		if (column && row) requestFor = { columnId, learnerId, column: column.label, learner: row.learner.name, oldText: row.cells[columnId].text };
	}
	// The missed-assessment form of one cell (?missed=<columnId>:<learnerId>), for an open term.
	const missedFor = grid.canEdit ? missedCell(grid, event.url.searchParams.get('missed')) : null;
	// The comment form of one cell (?comment=<columnId>:<learnerId>), for an open term.
	const commentFor = grid.canEdit ? commentCell(grid, event.url.searchParams.get('comment')) : null;
	return {
		grid,
		publishing: await gridPublishing(getContext().db, p, grid),
		requestFor,
		missedFor,
		commentFor,
		requests: requests.map((r) => ({
			id: r.id,
			key: cellKey(r.columnId, r.learnerId),
			learnerName: r.learnerName,
			columnLabel: r.columnLabel,
			oldValue: r.oldValue,
			newValue: r.newValue,
			status: r.status,
			decisionNote: r.decisionNote,
			requestedAt: r.requestedAt
		}))
	};
};

/** Công bố / Thu hồi one column (the form of the column's header button). */
async function publishing(event: RequestEvent, form: 'publish' | 'unpublish') {
	const p = requirePrincipal(event);
	const columnId = (await event.request.formData()).get('columnId');
	try {
		const column = await (form === 'publish' ? publishColumn : unpublishColumn)(getContext().db, p, idOr404(typeof columnId === 'string' ? columnId : ''));
		return { done: form, column: column.label };
	} catch (e) {
		return formFailure(e, {}, form);
	}
}

type CellFailure = { form: 'save'; message: string; cellErrors: Record<string, string>; conflicts: Record<string, string>; typed: Record<string, string>; versions: Record<string, number> };

export const actions: Actions = {
	/** Saves every changed cell of the grid form (the page without JavaScript), all or nothing. */
	save: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const grid = await orErrorPage(() => gridOf(event));
		const { edits, keys, typed, versions } = changedCells(grid, form);
		if (!edits.length) return { done: 'save' as const, count: 0 };
		try {
			await saveCells(getContext().db, p, { classId: grid.class.id, subjectId: grid.subject.id, cells: edits });
		} catch (e) {
			const failure: CellFailure = { form: 'save', message: e instanceof Error ? e.message : '', cellErrors: {}, conflicts: {}, typed, versions };
			const details = e instanceof ValidationError || e instanceof ConflictError ? (e.details as { cells?: unknown[] } | undefined)?.cells : undefined;
			if (e instanceof ValidationError && details) {
				for (const c of details as { index: number; message: string }[]) failure.cellErrors[keys[c.index]] = c.message;
				return fail(400, failure);
			}
			if (e instanceof ConflictError && details) {
				// Show the other person's value; the typed one stays in the cell, now against the
				// current version, so saving again is a deliberate choice.
				for (const c of details as { columnId: string; learnerId: string; text: string; version: number }[]) {
					const key = cellKey(c.columnId, c.learnerId);
					failure.cellErrors[key] = m.gbui_conflict_cell({ theirs: c.text || m.gbui_conflict_empty(), mine: typed[key] || m.gbui_conflict_empty() });
					failure.conflicts[key] = c.text;
					failure.versions[key] = c.version;
				}
				return fail(409, failure);
			}
			return formFailure(e, {}, 'save');
		}
		return { done: 'save' as const, count: edits.length };
	},

	/** Đề nghị sửa điểm: after locking, the assigned teacher asks the leader to change one cell. */
	request: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		try {
			await requestChange(getContext().db, p, parse(changeRequestInput, { ...values, oldValue: values.oldValue ?? null, newValue: values.newValue ?? null, reason: values.reason ?? '' }));
		} catch (e) {
			return pageFailure(e, values, 'request');
		}
		return { done: 'request' as const };
	},

	/** Ghi vắng kiểm tra: the reason a learner missed one assessment and the make-up's outcome (TT22 Điều 7). */
	missed: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		const grid = await orErrorPage(() => gridOf(event));
		try {
			const edit = missedCellEdit(grid, values);
			await saveCells(getContext().db, p, { classId: grid.class.id, subjectId: grid.subject.id, cells: [edit] });
		} catch (e) {
			const cell = e instanceof ValidationError || e instanceof ConflictError ? (e.details as { cells?: { message?: string; text?: string; version?: number }[] } | undefined)?.cells?.[0] : undefined;
			if (e instanceof ValidationError && cell?.message) return fail(400, { form: 'missed' as const, message: e.message, issues: { value: cell.message }, values });
			if (e instanceof ConflictError && cell) {
				// As in the grid: show the other person's value; saving again over it is deliberate.
				const theirs = cell.text ?? '';
				const issues = { value: m.gbui_conflict_cell({ theirs: theirs || m.gbui_conflict_empty(), mine: values.value ?? m.gbui_conflict_empty() }) };
				return fail(409, { form: 'missed' as const, message: e.message, issues, values: { ...values, version: String(cell.version ?? 0) } });
			}
			return formFailure(e, values, 'missed');
		}
		return { done: 'missed' as const };
	},

	/** Nhận xét: the teacher's comment on one assessment (TT27/2020 Điều 6–7); the value is sent back unchanged. */
	comment: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		const grid = await orErrorPage(() => gridOf(event));
		try {
			await saveCells(getContext().db, p, { classId: grid.class.id, subjectId: grid.subject.id, cells: [commentCellEdit(grid, values)] });
		} catch (e) {
			const cell = e instanceof ConflictError ? (e.details as { cells?: { text?: string; version?: number }[] } | undefined)?.cells?.[0] : undefined;
			if (cell) {
				// Someone changed the cell since the form was shown: show what it holds now; saving again is deliberate.
				const comment = m.gbui_comment_conflict({ theirs: cell.text || m.gbui_conflict_empty() });
				return fail(409, { form: 'comment' as const, message: e instanceof Error ? e.message : '', issues: { comment }, values: { ...values, version: String(cell.version ?? 0) } });
			}
			return formFailure(e, values, 'comment');
		}
		return { done: 'comment' as const };
	},

	/** Nhập điểm từ .xlsx: the grid's own layout, every cell or nothing (the service checks all first). */
	import: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		try {
			const { updated } = await importGridXlsx(getContext().db, p, gridQuery(event), await xlsxUpload(form));
			return { done: 'import' as const, count: updated };
		} catch (e) {
			const rows = e instanceof ValidationError ? (e.details as { errors?: GridImportError[] } | undefined)?.errors : undefined;
			if (e instanceof ValidationError && rows) return fail(400, { form: 'import' as const, message: e.message, importErrors: rows });
			return formFailure(e, {}, 'import');
		}
	},

	publish: (event) => publishing(event, 'publish'),
	unpublish: (event) => publishing(event, 'unpublish')
};
