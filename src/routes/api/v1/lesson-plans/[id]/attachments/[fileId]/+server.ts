import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { downloadQuery, fileParams } from '#lib/server/files/inputs';
import { downloadPlanAttachment, removePlanAttachment } from '#lib/server/learning/attachments';

export const GET = endpoint({ query: downloadQuery }, ({ db, p, event, query }) => {
	const { id, fileId } = parse(fileParams, event.params);
	return downloadPlanAttachment(db, p, id, fileId, query.inline);
});
export const DELETE = endpoint({}, ({ db, p, event }) => {
	const { id, fileId } = parse(fileParams, event.params);
	return removePlanAttachment(db, p, id, fileId);
});
