import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { downloadQuery } from '#lib/server/files/inputs';
import { evidenceParams } from '#lib/server/programs/pilot-inputs';
import { downloadEvidenceFile } from '#lib/server/programs/pilot-service';

export const GET = endpoint({ query: downloadQuery }, ({ db, p, event, query }) => {
	const { id, evidenceId } = parse(evidenceParams, event.params);
	return downloadEvidenceFile(db, p, id, evidenceId, query.inline);
});
