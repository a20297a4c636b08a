import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { attendanceInput } from '#lib/server/events/inputs';
import { recordAttendance } from '#lib/server/events/service';

export const PUT = endpoint({ body: attendanceInput }, ({ db, p, event, body }) => recordAttendance(db, p, parse(idParam, event.params).id, body.attendance));
