import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { lessonPlanPdf } from '#lib/server/learning/plan-pdf';
import { pdfResponse } from '#lib/server/platform/pdf';

export const GET = endpoint({}, async ({ db, p, event }) => pdfResponse(await lessonPlanPdf(db, p, parse(idParam, event.params).id)));
