import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { formObject, parse } from '../http/validate';
import { ValidationError } from '../errors';
import { IMPORT_KINDS, type ImportKind } from './columns';
import { importFields, uploadFrom, type ImportFields, type Upload } from './service';
import { m } from '#lib/paraglide/messages.js';

const kindParam = z.enum(IMPORT_KINDS);

/** The kind named by the route (`learners` or `staff`); anything else is a 404 route. */
export function importKind(value: string | undefined): ImportKind | null {
	const r = kindParam.safeParse(value);
	return r.success ? r.data : null;
}

/** A multipart request's file and fields, validated; a request that is not multipart says so. */
export async function readImportRequest(event: RequestEvent): Promise<{ fields: ImportFields; upload: Upload }> {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		const message = m.import_err_file_missing();
		throw new ValidationError(message, [{ path: 'file', message }]);
	}
	const fields = parse(importFields, formObject(form));
	return { fields, upload: await uploadFrom(form) };
}
