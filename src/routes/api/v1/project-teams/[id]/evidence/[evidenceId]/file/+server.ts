import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { downloadQuery } from '#lib/server/files/inputs';
import { downloadEvidenceFile } from '#lib/server/learning/projects';

const params = z.object({ id: z.uuid(), evidenceId: z.uuid() });
export const GET = endpoint({ query: downloadQuery }, ({ db, p, event, query }) => {
	const { id, evidenceId } = parse(params, event.params);
	return downloadEvidenceFile(db, p, id, evidenceId, query.inline);
});
