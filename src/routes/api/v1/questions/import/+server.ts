import { endpoint } from '#lib/server/http/api';
import { ValidationError } from '#lib/server/errors';
import { importQuestions, questionUpload } from '#lib/server/learning/question-import';
import { questionImportQuery } from '#lib/server/learning/elearning-inputs';
import { m } from '#lib/paraglide/messages.js';

/** Questions from the template's layout (multipart field `file`): every row or none. */
export const POST = endpoint({ query: questionImportQuery, status: 201 }, async ({ db, p, query, event }) => {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		throw new ValidationError(m.gbr_file_missing(), [{ path: 'file', message: m.gbr_file_missing() }]);
	}
	return importQuestions(db, p, query.subjectId, await questionUpload(form));
});
