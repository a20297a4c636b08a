import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { pdfResponse } from '#lib/server/platform/pdf';
import { certificatePdf } from '#lib/server/programs/training-certificate';

const params = z.object({ id: z.uuid(), enrolmentId: z.uuid() });
export const GET = endpoint({}, async ({ db, p, event }) => {
	const { id, enrolmentId } = parse(params, event.params);
	return pdfResponse(await certificatePdf(db, p, id, enrolmentId));
});
