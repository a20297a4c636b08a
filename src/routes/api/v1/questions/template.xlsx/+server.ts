import { endpoint } from '#lib/server/http/api';
import { XLSX_TYPE } from '#lib/server/imports/templates';
import { questionTemplate } from '#lib/server/learning/question-import';

export const GET = endpoint({}, async () => new Response((await questionTemplate()) as BodyInit, { headers: { 'content-type': XLSX_TYPE, 'content-disposition': 'attachment; filename="mau-nhap-cau-hoi.xlsx"' } }));
