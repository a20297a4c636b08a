import { z } from 'zod';
import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { attendanceInput } from '#lib/server/programs/training-inputs';
import { recordAttendance } from '#lib/server/programs/training-service';

const params = z.object({ id: z.uuid(), sessionId: z.uuid() });
export const PUT = endpoint({ body: attendanceInput }, ({ db, p, event, body }) => {
	const { id, sessionId } = parse(params, event.params);
	return recordAttendance(db, p, id, sessionId, body.rows);
});
