import { endpoint } from '#lib/server/http/api';
import { attendanceTotalsQuery } from '#lib/server/gradebook/family-inputs';
import { attendanceTotals } from '#lib/server/gradebook/attendance';

export const GET = endpoint({ query: attendanceTotalsQuery }, ({ db, p, query }) => attendanceTotals(db, p, query));
