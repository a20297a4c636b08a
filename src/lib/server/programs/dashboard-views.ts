/**
 * What the dashboard pages, the .csv downloads and the PDF show: each chart's spec with its data
 * table beside it (the same numbers, for screen readers and for download), in the caller's
 * language. `drawDashboardCharts` puts the same charts into a pdfkit document, for the periodic
 * reports' PDF.
 */
import { BANDS } from '../gradebook/summaries';
import { chartSvg, drawChart, formatNumber, type ChartSpec } from './charts';
import type { Dashboard } from './dashboard-service';
import { A4 } from '../platform/pdf';
import { m } from '#lib/paraglide/messages.js';

export type Cell = string | number | null;

export interface DataTable {
	columns: string[];
	rows: Cell[][];
	/** Links of the first column's cells (the drill-down), same length as rows. */
	links?: (string | null)[];
}

export interface DashboardSection {
	/** Also the .csv's name: /programs/dashboard/{key}.csv */
	key: 'usage' | 'results' | 'units' | 'schools' | 'readiness';
	title: string;
	description: string;
	chart: ChartSpec | null;
	table: DataTable;
	/** Shown when the section has no data. */
	empty?: string;
}

const dayLabel = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;
const fullDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** Best band first, as schools read them. */
const BANDS_DOWN = [...BANDS].reverse();

export function dashboardSections(d: Dashboard): DashboardSection[] {
	const out: DashboardSection[] = [];
	const kinds = [
		{ name: m.prgdsh_kind_learners(), values: d.usage.learners },
		{ name: m.prgdsh_kind_parents(), values: d.usage.parents },
		{ name: m.prgdsh_kind_teachers(), values: d.usage.teachers }
	];
	out.push({
		key: 'usage',
		title: m.prgdsh_usage_title(),
		description: m.prgdsh_usage_desc(),
		chart: { kind: 'line', id: 'usage', title: m.prgdsh_usage_title(), description: m.prgdsh_usage_desc(), categories: d.usage.days.map(dayLabel), series: kinds, unit: m.prgdsh_people(), integer: true },
		table: { columns: [m.prgdsh_week_ending(), ...kinds.map((k) => k.name)], rows: d.usage.days.map((day, i) => [fullDay(day), ...kinds.map((k) => k.values[i])]) }
	});

	const r = d.results;
	const total = BANDS.reduce((a, b) => a + r.bands[b.key], 0);
	// Without any term average the section says so once, as its empty message, not also as its description.
	const resultsDesc = total && r.schoolYear ? m.prgdsh_results_desc({ year: r.schoolYear, term: String(r.term) }) : '';
	const rowsOf = [{ name: m.prgdsh_all_scope(), bands: r.bands }, ...(r.byUnit.length > 1 ? r.byUnit.map((u) => ({ name: u.unitName, bands: u.bands })) : [])];
	out.push({
		key: 'results',
		title: m.prgdsh_results_title(),
		description: resultsDesc,
		chart: total
			? {
					kind: 'stacked',
					id: 'results',
					title: m.prgdsh_results_title(),
					description: resultsDesc,
					// A chart row per unit while it stays readable; the table always has every unit.
					categories: (rowsOf.length <= 16 ? rowsOf : rowsOf.slice(0, 1)).map((x) => x.name),
					series: BANDS_DOWN.map((b) => ({ name: b.label, values: (rowsOf.length <= 16 ? rowsOf : rowsOf.slice(0, 1)).map((x) => x.bands[b.key]) })),
					integer: true
				}
			: null,
		table: {
			columns: [m.prgdsh_unit(), ...BANDS_DOWN.map((b) => b.label), m.prgdsh_total()],
			rows: total ? rowsOf.map((x) => [x.name, ...BANDS_DOWN.map((b) => x.bands[b.key]), BANDS.reduce((a, b) => a + x.bands[b.key], 0)]) : []
		},
		// A term named without averages (a report's period whose term the job kept none of) says which.
		empty: total ? undefined : r.schoolYear ? m.prgdsh_results_none_term({ year: r.schoolYear, term: String(r.term) }) : m.prgdsh_results_none()
	});

	out.push({
		key: 'units',
		title: m.prgdsh_units_title(),
		description: m.prgdsh_units_desc(),
		chart:
			d.units.length > 1 && d.units.length <= 40
				? { kind: 'hbar', id: 'units', title: m.prgdsh_active_title(), description: m.prgdsh_active_desc(), categories: d.units.map((u) => u.unitName), series: [{ name: m.prgdsh_active_30d(), values: d.units.map((u) => u.activeAccounts30d) }], integer: true }
				: null,
		table: {
			columns: [m.prgdsh_unit(), m.prgdsh_schools(), m.prgdsh_learners(), m.prgdsh_teachers(), m.prgdsh_parents(), m.prgdsh_accounts(), m.prgdsh_active_30d(), m.prgdsh_classes(), m.prgdsh_classes_graded()],
			rows: d.units.map((u) => [u.unitName, u.schools, u.learners, u.teachers, u.parents, u.accounts, u.activeAccounts30d, u.classes, u.classesWithGrades]),
			links: d.scope.level === 'city' ? d.units.map((u) => `/programs/dashboard?unit=${u.unitId}`) : undefined
		},
		empty: d.units.length ? undefined : m.prgdsh_no_stats()
	});

	if (d.scope.level !== 'city') {
		out.push({
			key: 'schools',
			title: m.prgdsh_schools_title(),
			description: m.prgdsh_schools_desc(),
			chart: null,
			table: {
				columns: [m.prgdsh_school(), m.prgdsh_code(), m.prgdsh_learners(), m.prgdsh_teachers(), m.prgdsh_active_30d(), m.prgdsh_classes(), m.prgdsh_classes_graded()],
				rows: d.schools.map((s) => [s.name, s.code, s.learners, s.teachers, s.activeAccounts30d, s.classes, s.classesWithGrades]),
				links: d.scope.level === 'unit' ? d.schools.map((s) => `/programs/dashboard?school=${s.schoolId}`) : undefined
			},
			empty: d.schools.length ? undefined : m.prgdsh_no_stats()
		});
	}

	// The readiness table is shown only once the surveys part provides it (dashboard-readiness.ts).
	if (d.readiness) {
		const rows = d.readiness;
		out.push({
			key: 'readiness',
			title: m.prgdsh_readiness_title(),
			description: m.prgdsh_readiness_desc(),
			chart: rows.length ? { kind: 'hbar', id: 'readiness', title: m.prgdsh_readiness_title(), description: m.prgdsh_readiness_desc(), categories: rows.map((x) => x.unitName), series: [{ name: m.prgdsh_readiness_index(), values: rows.map((x) => x.averageIndex) }] } : null,
			table: {
				columns: [m.prgdsh_unit(), m.prgdsh_schools(), m.prgdsh_readiness_submitted(), m.prgdsh_readiness_index(), m.prgdsh_readiness_ready()],
				rows: rows.map((x) => [x.unitName, x.schools, x.submitted, x.averageIndex, x.ready])
			},
			empty: rows.length ? undefined : m.prgdsh_readiness_none()
		});
	}
	return out;
}

/** A section for the page: the chart as SVG markup, numbers formatted the Vietnamese way. */
export function presentSection(s: DashboardSection, query: string) {
	return {
		key: s.key,
		title: s.title,
		description: s.description,
		svg: s.chart ? chartSvg(s.chart) : null,
		empty: s.empty ?? null,
		columns: s.table.columns,
		rows: s.table.rows.map((row) => row.map((c) => (typeof c === 'number' ? formatNumber(c) : (c ?? '—')))),
		links: s.table.links ?? null,
		csv: `/programs/dashboard/${s.key}.csv${query}`
	};
}

/** RFC 4180 CSV with a BOM so Excel opens the Vietnamese text as UTF-8; numbers unformatted. */
export function tableCsv(t: DataTable): string {
	const cell = (c: Cell) => {
		const s = c === null ? '' : String(c);
		return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\ufeff' + [t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Draws the dashboard's charts into a pdfkit document made by platform/pdf.ts `renderPdf`, from
 * `y` down, adding pages as needed; returns the y below the last chart. The periodic reports
 * call it with a dashboard from `reportDashboard(db, path, periodTo)`.
 */
export function drawDashboardCharts(doc: PDFKit.PDFDocument, d: Dashboard, y: number, width = A4.width - 2 * A4.margin): number {
	const bottom = A4.height - A4.margin;
	for (const s of dashboardSections(d)) {
		if (!s.chart) {
			// The results and the readiness follow the report's period: without data for it, the
			// chart's place says so rather than disappearing (or showing another period's data).
			if ((s.key === 'results' || s.key === 'readiness') && s.empty) y = drawNoData(doc, s, y, width);
			continue;
		}
		// Charts are ~400 units wide; estimate the height before drawing so none is cut by the page end.
		const estimate = (width / 400) * (s.chart.kind === 'hbar' || s.chart.kind === 'stacked' ? 90 + 22 * s.chart.categories.length : 270);
		if (y + estimate > bottom && y > A4.margin + 1) {
			doc.addPage();
			y = A4.margin;
		}
		y = drawChart(doc, s.chart, { x: A4.margin, y, width, height: bottom - y }) + 12;
		doc.font('italic').fontSize(8).fillColor('#4b5563').text(s.chart.description, A4.margin, y, { width });
		y = doc.y + 16;
		doc.fillColor('black');
	}
	return y;
}

function drawNoData(doc: PDFKit.PDFDocument, s: DashboardSection, y: number, width: number): number {
	if (y + 60 > A4.height - A4.margin) {
		doc.addPage();
		y = A4.margin;
	}
	doc.font('bold').fontSize(10).fillColor('black').text(s.title, A4.margin, y, { width });
	doc.font('italic').fontSize(9).fillColor('#4b5563').text(`— (${m.prgrep_no_data()}) ${s.empty ?? ''}`.trim(), A4.margin, doc.y + 4, { width });
	doc.fillColor('black');
	return doc.y + 16;
}
