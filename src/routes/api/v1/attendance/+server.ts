import { endpoint } from '#lib/server/http/api';
import { attendanceInput, attendanceQuery } from '#lib/server/gradebook/family-inputs';
import { getAttendanceDay, saveAttendanceDay } from '#lib/server/gradebook/attendance';

export const GET = endpoint({ query: attendanceQuery }, ({ db, p, query }) => getAttendanceDay(db, p, query));
export const PUT = endpoint({ body: attendanceInput }, ({ db, p, body }) => saveAttendanceDay(db, p, body));
