import { endpoint } from '#lib/server/http/api';
import { summaryQuery } from '#lib/server/gradebook/report-inputs';
import { gradebookSummary } from '#lib/server/gradebook/summaries';

/** Counts and shares per learning and conduct level, and per subject the averages by band. */
export const GET = endpoint({ query: summaryQuery }, ({ db, p, query }) => gradebookSummary(db, p, query));
