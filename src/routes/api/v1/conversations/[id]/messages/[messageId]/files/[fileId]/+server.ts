import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { attachmentDownload } from '#lib/server/messaging/service';

const params = z.object({ id: z.uuid(), messageId: z.uuid(), fileId: z.uuid() });
export const GET = endpoint({}, ({ db, p, event }) => {
	const { id, messageId, fileId } = parse(params, event.params);
	return attachmentDownload(db, p, id, messageId, fileId, { inline: event.url.searchParams.get('inline') === '1' });
});
