/**
 * A survey's responses as .xlsx: one row per school (code, name, unit, status, dates), then one
 * column per question — a grid one column per cell, a multiple choice its labels joined — and,
 * for the IT-readiness survey, the index and whether the school is ready.
 */
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { scopeCondition } from '../auth/policy';
import { formatDateTime } from '#lib/format';
import { orgUnits, schools } from '../organisations/schema';
import { surveyResponses } from './survey-schema';
import { getSurvey } from './survey-service';
import { numbered, type Question } from './survey-rules';
import { IT_READINESS_TEMPLATE } from './readiness-rules';
import { m } from '#lib/paraglide/messages.js';

const statusLabel = (s: string) => ({ not_started: m.prgsrv_status_not_started(), draft: m.prgsrv_status_draft(), submitted: m.prgsrv_status_submitted(), returned: m.prgsrv_status_returned() })[s] ?? s;

function columnsOf(n: number, q: Question): { header: string; value: (v: unknown) => string | number | null }[] {
	const label = `${n}. ${q.label}`;
	const optionLabel = (opts: { value: string; label: string }[], v: unknown) => opts.find((o) => o.value === v)?.label ?? (v == null ? null : String(v));
	switch (q.type) {
		case 'grid':
			return q.rows.flatMap((r) =>
				q.columns.map((c) => ({
					header: `${label} — ${r.label} — ${c.label}`,
					value: (v: unknown) => {
						const cell = (v as Record<string, Record<string, unknown>> | undefined)?.[r.key]?.[c.key];
						return cell == null ? null : c.kind === 'choice' ? optionLabel(c.options, cell) : (cell as number);
					}
				}))
			);
		case 'choice':
			return [{ header: label, value: (v) => optionLabel(q.options, v) }];
		case 'multiple':
			return [{ header: label, value: (v) => (Array.isArray(v) ? v.map((x) => optionLabel(q.options, x)).join('; ') : null) }];
		case 'number':
		case 'scale':
			return [{ header: q.type === 'number' && q.unit ? `${label} (${q.unit})` : label, value: (v) => (typeof v === 'number' ? v : null) }];
		default:
			return [{ header: label, value: (v) => (v == null ? null : String(v)) }];
	}
}

export async function responsesXlsx(db: Executor, p: Principal, surveyId: string) {
	const s = await getSurvey(db, p, surveyId);
	const rows = await db
		.select({ r: surveyResponses, code: schools.code, name: schools.name, unit: orgUnits.name })
		.from(surveyResponses)
		.innerJoin(schools, eq(schools.id, surveyResponses.schoolId))
		.innerJoin(orgUnits, eq(orgUnits.id, schools.orgUnitId))
		.where(and(eq(surveyResponses.surveyId, surveyId), scopeCondition(p, 'read', 'survey_response', { path: surveyResponses.path })))
		.orderBy(asc(orgUnits.name), asc(schools.name));
	const qcols = numbered(s.definition).flatMap(({ n, q }) => columnsOf(n, q).map((c) => ({ ...c, id: q.id })));
	const readiness = s.template === IT_READINESS_TEMPLATE;
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(m.prgsrv_xlsx_sheet());
	ws.addRow([m.prgsrv_col_code(), m.prgsrv_col_school(), m.prgsrv_col_unit(), m.prgsrv_col_status(), m.prgsrv_col_submitted_at(), ...(readiness ? [m.prgsrv_col_index(), m.prgsrv_col_ready()] : []), ...qcols.map((c) => c.header)]).font = { bold: true };
	for (const x of rows) {
		ws.addRow([x.code, x.name, x.unit, statusLabel(x.r.status), formatDateTime(x.r.submittedAt), ...(readiness ? [x.r.readinessIndex, x.r.ready == null ? null : x.r.ready ? m.prgsrv_yes() : m.prgsrv_no()] : []), ...qcols.map((c) => c.value(x.r.answers[c.id]))]);
	}
	ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
	ws.getColumn(2).width = 36;
	return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fileName: `khao-sat-${surveyId.slice(0, 8)}.xlsx` };
}
