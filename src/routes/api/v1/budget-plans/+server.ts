import { endpoint } from '#lib/server/http/api';
import { plansInput, yearQuery } from '#lib/server/programs/budget-inputs';
import { getPlans, plain, setPlans } from '#lib/server/programs/budget-service';
import { todayInVietnam } from '#lib/format';

export const GET = endpoint({ query: yearQuery }, async ({ db, p, query }) => plain(await getPlans(db, p, query.year ?? Number(todayInVietnam().slice(0, 4)))));
export const PUT = endpoint({ body: plansInput }, async ({ db, p, body }) => plain(await setPlans(db, p, body)));
