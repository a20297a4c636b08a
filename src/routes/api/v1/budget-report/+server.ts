import { endpoint } from '#lib/server/http/api';
import { yearQuery } from '#lib/server/programs/budget-inputs';
import { budgetReport, plain } from '#lib/server/programs/budget-service';

export const GET = endpoint({ query: yearQuery }, async ({ db, p, query }) => plain(await budgetReport(db, p, query.year ?? null)));
