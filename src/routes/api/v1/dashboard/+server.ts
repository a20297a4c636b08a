import { endpoint } from '#lib/server/http/api';
import { dashboardQuery } from '#lib/server/programs/dashboard-inputs';
import { getDashboard } from '#lib/server/programs/dashboard-service';

export const GET = endpoint({ query: dashboardQuery }, ({ db, p, query }) => getDashboard(db, p, query));
