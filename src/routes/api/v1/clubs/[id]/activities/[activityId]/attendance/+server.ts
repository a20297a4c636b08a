import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { activityParams, attendanceInput } from '#lib/server/community/inputs';
import { recordAttendance } from '#lib/server/community/clubs';

export const PUT = endpoint({ body: attendanceInput }, ({ db, p, event, body }) => {
	const { id, activityId } = parse(activityParams, event.params);
	return recordAttendance(db, p, id, activityId, body);
});
