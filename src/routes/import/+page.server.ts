import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal, formFailure } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { listSchools } from '#lib/server/organisations/service';
import { ValidationError } from '#lib/server/errors';
import { columnsOf, type ImportKind } from '#lib/server/imports/columns';
import { importKind } from '#lib/server/imports/http';
import { commitImport, importFields, mayImportInto, previewImport, uploadFrom } from '#lib/server/imports/service';
import type { ImportError } from '#lib/server/imports/validate';
import { m } from '#lib/paraglide/messages.js';

/** A preview table shows every row with an error and the first rows; more would not help a reader. */
const SHOWN_ROWS = 100;

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const schools = (await listSchools(getContext().db, p)).filter((s) => mayImportInto(p, s));
	if (!schools.length) error(403, m.error_forbidden());
	return { schools: schools.map((s) => ({ id: s.id, name: s.name })) };
};

function readForm(form: FormData) {
	const values = formObject(form);
	const kind: ImportKind = importKind(values.kind) ?? 'learners';
	return { kind, values: { kind, schoolId: values.schoolId } };
}

/** Columns and rows for the preview table: cells as written, with the errors of each cell. */
function table(kind: ImportKind, rows: { row: number; valid: boolean; cells: Record<string, string> }[], errors: ImportError[]) {
	const errorRows = new Set(errors.map((e) => e.row));
	const shown = rows.filter((r, i) => i < SHOWN_ROWS || errorRows.has(r.row));
	return {
		columns: columnsOf(kind).map((c) => ({ field: c.field as string, header: c.header })),
		rows: shown.map((r) => ({ row: r.row, valid: r.valid, cells: r.cells })),
		hiddenRows: rows.length - shown.length
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const { kind, values } = readForm(form);
		try {
			const fields = parse(importFields, formObject(form));
			const preview = await previewImport(getContext().db, p, kind, fields, await uploadFrom(form));
			return { form: 'preview', values, kind, errors: preview.errors, summary: preview.summary, table: table(kind, preview.rows as never, preview.errors) };
		} catch (e) {
			return formFailure(e, values, 'preview');
		}
	},
	commit: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const { kind, values } = readForm(form);
		try {
			const fields = parse(importFields, formObject(form));
			const result = await commitImport(getContext().db, p, kind, fields, await uploadFrom(form));
			return { form: 'commit', values, kind, created: result.created };
		} catch (e) {
			// Rows with problems: nothing was written; show them as the preview does.
			const details = e instanceof ValidationError ? (e.details as { errors?: ImportError[]; summary?: unknown } | undefined) : undefined;
			if (details?.errors) return fail(400, { form: 'commit', message: e instanceof Error ? e.message : '', issues: {}, values, kind, errors: details.errors, summary: details.summary });
			return formFailure(e, values, 'commit');
		}
	}
};
