import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { downloadQuery, fileParams } from '#lib/server/files/inputs';
import { downloadLessonFile } from '#lib/server/learning/lesson-files';

export const GET = endpoint({ query: downloadQuery }, ({ db, p, event, query }) => {
	const { id, fileId } = parse(fileParams, event.params);
	return downloadLessonFile(db, p, id, fileId, query.inline);
});
