/**
 * Server-rendered charts (biểu đồ) for the program dashboards and the periodic reports' PDF.
 * Pure functions: a chart spec is laid out once into a scene of primitives (rectangles, lines,
 * points, text) in a fixed coordinate box, and the scene is written either as SVG markup (pages:
 * role="img" with <title>/<desc>, a viewBox so it shrinks to a 390 px phone) or into a pdfkit
 * document with its vector primitives and the DejaVu font platform/pdf.ts registers. So the page
 * and the PDF can never draw a different chart from the same figures.
 *
 * Kinds: `bar` (vertical bars, series side by side), `hbar` (horizontal bars, for long category
 * names such as management units), `line` (a value over time; a null is a gap in the line, never
 * a zero) and `stacked` (a horizontal 100 % bar per category — a distribution, e.g. the score bands).
 * Value axes always start at zero and use "nice" ticks (1, 2 or 5 × 10ⁿ); numbers are written
 * the Vietnamese way (1.234,5).
 */

export type ChartKind = 'bar' | 'hbar' | 'line' | 'stacked';

export interface ChartSeries {
	name: string;
	/** One per category; null = no data (a gap, shown as "—"), never drawn as zero. */
	values: (number | null)[];
}

export interface ChartSpec {
	kind: ChartKind;
	/** Stable id for the SVG's title/desc ids (letters, digits, dashes). */
	id: string;
	title: string;
	/** What the chart shows in words, for screen readers (<desc>) and the PDF's caption. */
	description: string;
	categories: string[];
	series: ChartSeries[];
	/** '%' is written after each value; any other unit names the value axis. */
	unit?: string;
	/** Counts: ticks are whole numbers. */
	integer?: boolean;
}

// ── Numbers and scales ──────────────────────────────────────────────────────────────────────────

const formatters = new Map<number, Intl.NumberFormat>();
/** Vietnamese number: "." groups thousands, "," before decimals (1.234,5); null → "—". */
export function formatNumber(x: number | null | undefined, maxDecimals = 1): string {
	if (x === null || x === undefined || !Number.isFinite(x)) return '—';
	let f = formatters.get(maxDecimals);
	if (!f) formatters.set(maxDecimals, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals })));
	// -0 would print as "-0".
	return f.format(x === 0 ? 0 : x);
}

/** A value with the chart's unit: "45,2%" or "1.234". */
export const formatValue = (x: number | null | undefined, unit?: string) => (x === null || x === undefined ? '—' : formatNumber(x) + (unit === '%' ? '%' : ''));

/** 1, 2, 5 or 10 × 10ⁿ near `x`: rounded to the nearest, or the smallest not below it. */
function niceNumber(x: number, round: boolean): number {
	const exp = Math.floor(Math.log10(x));
	const f = x / 10 ** exp;
	const nice = round ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) : f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nice * 10 ** exp;
}

export interface Scale {
	min: number;
	max: number;
	step: number;
	ticks: number[];
}

/**
 * Ticks for a value axis over the data's [lo, hi]: always including zero (a bar's length must be
 * its value), at most about `maxTicks`, steps of 1, 2 or 5 × 10ⁿ (whole numbers for counts).
 * An empty or all-zero range gets [0, 1].
 */
export function niceScale(lo: number, hi: number, maxTicks = 5, integer = false): Scale {
	let min = Math.min(0, Number.isFinite(lo) ? lo : 0);
	let max = Math.max(0, Number.isFinite(hi) ? hi : 0);
	if (min === max) max = min + 1;
	const range = niceNumber(max - min, false);
	let step = niceNumber(range / Math.max(1, maxTicks - 1), true);
	if (integer && step < 1) step = 1;
	const decimals = Math.max(0, -Math.floor(Math.log10(step)));
	const fix = (x: number) => Number(x.toFixed(decimals));
	min = fix(Math.floor(min / step) * step);
	max = fix(Math.ceil(max / step) * step);
	const ticks: number[] = [];
	for (let t = min; t <= max + step / 2; t += step) ticks.push(fix(t));
	return { min, max, step, ticks };
}

/** Runs of consecutive non-null indices: a line is drawn per run, so nulls are gaps. */
export function segments(values: readonly (number | null)[]): number[][] {
	const out: number[][] = [];
	let run: number[] = [];
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) {
			if (run.length) out.push(run);
			run = [];
		} else run.push(i);
	});
	if (run.length) out.push(run);
	return out;
}

/** Percent shares (one decimal) of a row of counts; null when the row has no data. */
export function shares(values: readonly (number | null)[]): (number | null)[] {
	const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
	if (!total) return values.map(() => null);
	return values.map((v) => Math.round(((v ?? 0) * 1000) / total) / 10);
}

/** Shortens a label to about `width` units of text of `size` (DejaVu's average glyph ≈ 0.58 em). */
export function fitLabel(label: string, width: number, size: number): string {
	const max = Math.max(1, Math.floor(width / (size * 0.58)));
	return label.length <= max ? label : label.slice(0, Math.max(1, max - 1)).trimEnd() + '…';
}

// ── Scene ───────────────────────────────────────────────────────────────────────────────────────

/** Colours with at least 4.5:1 contrast on white, told apart also by lightness. */
export const PALETTE = ['#1d4e89', '#b45309', '#15803d', '#7e22ce', '#b91c1c', '#0f766e'];
const INK = '#1f2937';
const MUTED = '#4b5563';
const GRID = '#d1d5db';

export type Primitive =
	| { t: 'rect'; x: number; y: number; w: number; h: number; fill: string; label?: string }
	| { t: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number }
	| { t: 'polyline'; points: [number, number][]; stroke: string; width: number }
	| { t: 'circle'; cx: number; cy: number; r: number; fill: string; label?: string }
	| { t: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end'; fill: string; bold?: boolean };

export interface Scene {
	width: number;
	height: number;
	items: Primitive[];
}

/** The box every chart is laid out in; 400 units wide, so at 360 px text stays ≥ 10 px. */
export const CHART_WIDTH = 400;
const FONT = 11;

function legend(spec: ChartSpec, y: number, items: Primitive[]): number {
	if (spec.series.length < 2) return y;
	let x = 8;
	for (const [i, s] of spec.series.entries()) {
		const w = 16 + Math.min(s.name.length, 22) * FONT * 0.58;
		if (x + w > CHART_WIDTH - 8) {
			x = 8;
			y += 16;
		}
		items.push({ t: 'rect', x, y: y - 9, w: 10, h: 10, fill: PALETTE[i % PALETTE.length] });
		items.push({ t: 'text', x: x + 14, y, text: fitLabel(s.name, 140, FONT), size: FONT, anchor: 'start', fill: INK });
		x += w + 12;
	}
	return y + 16;
}

const allValues = (spec: ChartSpec) => spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));

/** Lays a spec out into primitives; `withTitle` draws the title on top (the PDF; a page has a heading). */
export function layoutChart(spec: ChartSpec, withTitle = false): Scene {
	const items: Primitive[] = [];
	let top = 8;
	if (withTitle) {
		items.push({ t: 'text', x: 0, y: 14, text: spec.title, size: 13, anchor: 'start', fill: INK, bold: true });
		top = 28;
	}
	if (spec.kind === 'hbar' || spec.kind === 'stacked') return horizontal(spec, items, top);
	return vertical(spec, items, top);
}

function vertical(spec: ChartSpec, items: Primitive[], top: number): Scene {
	const values = allValues(spec);
	const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values), 5, spec.integer);
	const left = 8 + Math.max(...scale.ticks.map((t) => formatValue(t, spec.unit).length)) * FONT * 0.58 + 6;
	const right = CHART_WIDTH - 10;
	const plotTop = top + (spec.unit && spec.unit !== '%' ? 16 : 6);
	const plotBottom = plotTop + 170;
	const y = (v: number) => plotBottom - ((v - scale.min) / (scale.max - scale.min)) * (plotBottom - plotTop);
	if (spec.unit && spec.unit !== '%') items.push({ t: 'text', x: 8, y: top + 8, text: spec.unit, size: FONT - 1, anchor: 'start', fill: MUTED });
	for (const t of scale.ticks) {
		items.push({ t: 'line', x1: left, y1: y(t), x2: right, y2: y(t), stroke: t === 0 ? MUTED : GRID, width: t === 0 ? 1 : 0.6 });
		items.push({ t: 'text', x: left - 5, y: y(t) + 4, text: formatValue(t, spec.unit), size: FONT - 1, anchor: 'end', fill: MUTED });
	}
	const n = Math.max(1, spec.categories.length);
	const band = (right - left) / n;
	const cx = (i: number) => left + band * (i + 0.5);
	// Category labels: as many as fit without overlapping.
	const labelWidth = Math.max(...spec.categories.map((c) => Math.min(c.length, 14)), 1) * (FONT - 1) * 0.58 + 6;
	const every = Math.max(1, Math.ceil(labelWidth / band));
	spec.categories.forEach((c, i) => {
		if (i % every === 0) items.push({ t: 'text', x: cx(i), y: plotBottom + 14, text: fitLabel(c, band * every - 4, FONT - 1), size: FONT - 1, anchor: 'middle', fill: INK });
	});
	const k = Math.max(1, spec.series.length);
	if (spec.kind === 'bar') {
		const bw = Math.min(36, (band * 0.8) / k);
		spec.series.forEach((s, si) => {
			s.values.forEach((v, i) => {
				const x = cx(i) - (bw * k) / 2 + si * bw;
				const label = `${spec.categories[i]}${k > 1 ? ` — ${s.name}` : ''}: ${formatValue(v, spec.unit)}`;
				if (v === null || !Number.isFinite(v)) {
					items.push({ t: 'text', x: x + bw / 2, y: y(0) - 4, text: '—', size: FONT - 1, anchor: 'middle', fill: MUTED });
					return;
				}
				const y0 = y(Math.max(0, v));
				items.push({ t: 'rect', x, y: y0, w: bw - 1, h: Math.abs(y(v) - y(0)), fill: PALETTE[si % PALETTE.length], label });
				if (bw >= 16) items.push({ t: 'text', x: x + bw / 2, y: y0 - 3, text: formatValue(v, spec.unit), size: FONT - 2, anchor: 'middle', fill: INK });
			});
		});
	} else {
		spec.series.forEach((s, si) => {
			const colour = PALETTE[si % PALETTE.length];
			for (const run of segments(s.values)) {
				if (run.length > 1) items.push({ t: 'polyline', points: run.map((i) => [cx(i), y(s.values[i] as number)]), stroke: colour, width: 2 });
			}
			s.values.forEach((v, i) => {
				if (v !== null && Number.isFinite(v)) items.push({ t: 'circle', cx: cx(i), cy: y(v), r: 3, fill: colour, label: `${spec.categories[i]}${k > 1 ? ` — ${s.name}` : ''}: ${formatValue(v, spec.unit)}` });
			});
		});
	}
	const bottom = legend(spec, plotBottom + 34, items);
	return { width: CHART_WIDTH, height: Math.ceil(bottom), items };
}

function horizontal(spec: ChartSpec, items: Primitive[], top: number): Scene {
	const stacked = spec.kind === 'stacked';
	const labelWidth = Math.min(130, Math.max(40, Math.max(...spec.categories.map((c) => c.length), 1) * FONT * 0.58 + 8));
	const left = labelWidth + 4;
	const right = CHART_WIDTH - (stacked ? 10 : 56);
	const k = stacked ? 1 : Math.max(1, spec.series.length);
	const rowHeight = Math.max(20, 12 * k + 8);
	const values = allValues(spec);
	const scale = stacked ? { min: 0, max: 100, step: 25, ticks: [0, 25, 50, 75, 100] } : niceScale(0, Math.max(0, ...values), 5, spec.integer);
	const unit = stacked ? '%' : spec.unit;
	const x = (v: number) => left + ((v - scale.min) / (scale.max - scale.min)) * (right - left);
	const plotTop = top + 4;
	const plotBottom = plotTop + rowHeight * Math.max(1, spec.categories.length);
	for (const t of scale.ticks) {
		items.push({ t: 'line', x1: x(t), y1: plotTop, x2: x(t), y2: plotBottom, stroke: t === 0 ? MUTED : GRID, width: t === 0 ? 1 : 0.6 });
		items.push({ t: 'text', x: x(t), y: plotBottom + 13, text: formatValue(t, unit), size: FONT - 1, anchor: 'middle', fill: MUTED });
	}
	spec.categories.forEach((c, i) => {
		const rowY = plotTop + i * rowHeight;
		items.push({ t: 'text', x: left - 6, y: rowY + rowHeight / 2 + 4, text: fitLabel(c, labelWidth - 6, FONT), size: FONT, anchor: 'end', fill: INK });
		if (stacked) {
			const row = shares(spec.series.map((s) => s.values[i] ?? null));
			if (row.every((v) => v === null)) {
				items.push({ t: 'text', x: left + 4, y: rowY + rowHeight / 2 + 4, text: '—', size: FONT, anchor: 'start', fill: MUTED });
				return;
			}
			let acc = 0;
			row.forEach((share, si) => {
				if (!share) return;
				const x0 = x(acc);
				const w = x(acc + share) - x0;
				const count = spec.series[si].values[i];
				items.push({ t: 'rect', x: x0, y: rowY + 4, w, h: rowHeight - 8, fill: PALETTE[si % PALETTE.length], label: `${c} — ${spec.series[si].name}: ${formatValue(count, spec.unit)} (${formatValue(share, '%')})` });
				if (w >= 30) items.push({ t: 'text', x: x0 + w / 2, y: rowY + rowHeight / 2 + 4, text: formatValue(share, '%'), size: FONT - 2, anchor: 'middle', fill: '#ffffff' });
				acc += share;
			});
			return;
		}
		spec.series.forEach((s, si) => {
			const v = s.values[i];
			const by = rowY + 4 + si * 12;
			if (v === null || v === undefined || !Number.isFinite(v)) {
				items.push({ t: 'text', x: left + 4, y: by + 9, text: '—', size: FONT - 1, anchor: 'start', fill: MUTED });
				return;
			}
			const w = x(v) - x(0);
			items.push({ t: 'rect', x: x(0), y: by, w, h: 11, fill: PALETTE[si % PALETTE.length], label: `${c}${k > 1 ? ` — ${s.name}` : ''}: ${formatValue(v, spec.unit)}` });
			items.push({ t: 'text', x: x(0) + w + 4, y: by + 9, text: formatValue(v, spec.unit), size: FONT - 2, anchor: 'start', fill: INK });
		});
	});
	const bottom = legend(spec, plotBottom + 32, items);
	return { width: CHART_WIDTH, height: Math.ceil(bottom), items };
}

// ── SVG ─────────────────────────────────────────────────────────────────────────────────────────

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => String(Math.round(x * 10) / 10);

/** The chart as SVG markup: an image with its title and description, scaled to its container. */
export function chartSvg(spec: ChartSpec): string {
	const scene = layoutChart(spec);
	const id = spec.id.replace(/[^A-Za-z0-9-]/g, '-');
	const parts = scene.items.map((p) => {
		switch (p.t) {
			case 'rect':
				return `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(Math.max(0, p.w))}" height="${n(Math.max(0, p.h))}" fill="${p.fill}">${p.label ? `<title>${esc(p.label)}</title>` : ''}</rect>`;
			case 'line':
				return `<line x1="${n(p.x1)}" y1="${n(p.y1)}" x2="${n(p.x2)}" y2="${n(p.y2)}" stroke="${p.stroke}" stroke-width="${p.width}"/>`;
			case 'polyline':
				return `<polyline points="${p.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${p.stroke}" stroke-width="${p.width}" stroke-linejoin="round"/>`;
			case 'circle':
				return `<circle cx="${n(p.cx)}" cy="${n(p.cy)}" r="${p.r}" fill="${p.fill}">${p.label ? `<title>${esc(p.label)}</title>` : ''}</circle>`;
			case 'text':
				return `<text x="${n(p.x)}" y="${n(p.y)}" font-size="${p.size}" text-anchor="${p.anchor}" fill="${p.fill}"${p.bold ? ' font-weight="bold"' : ''}>${esc(p.text)}</text>`;
		}
	});
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${scene.width} ${scene.height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart" font-family="DejaVu Sans, Verdana, sans-serif" style="max-width:${scene.width * 1.6}px;height:auto">` +
		`<title id="${id}-title">${esc(spec.title)}</title><desc id="${id}-desc">${esc(spec.description)}</desc>` +
		parts.join('') +
		`</svg>`
	);
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────

export interface Box {
	x: number;
	y: number;
	width: number;
	/** The most it may take; the chart keeps its proportions. */
	height?: number;
}

/**
 * Draws the chart (with its title) into a pdfkit document made by platform/pdf.ts `renderPdf`
 * (fonts 'regular' and 'bold'), inside the box; returns the y below it.
 */
export function drawChart(doc: PDFKit.PDFDocument, spec: ChartSpec, box: Box): number {
	const scene = layoutChart(spec, true);
	const s = Math.min(box.width / scene.width, box.height ? box.height / scene.height : Infinity);
	doc.save();
	doc.translate(box.x, box.y);
	doc.scale(s);
	for (const p of scene.items) {
		switch (p.t) {
			case 'rect':
				if (p.w > 0 && p.h > 0) doc.rect(p.x, p.y, p.w, p.h).fill(p.fill);
				break;
			case 'line':
				doc.moveTo(p.x1, p.y1).lineTo(p.x2, p.y2).lineWidth(p.width).stroke(p.stroke);
				break;
			case 'polyline': {
				const [first, ...rest] = p.points;
				doc.moveTo(first[0], first[1]);
				for (const [x, y] of rest) doc.lineTo(x, y);
				doc.lineWidth(p.width).lineJoin('round').stroke(p.stroke);
				break;
			}
			case 'circle':
				doc.circle(p.cx, p.cy, p.r).fill(p.fill);
				break;
			case 'text': {
				doc.font(p.bold ? 'bold' : 'regular').fontSize(p.size).fillColor(p.fill);
				const w = doc.widthOfString(p.text);
				const x = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - w / 2 : p.x - w;
				doc.text(p.text, x, p.y, { baseline: 'alphabetic', lineBreak: false });
				break;
			}
		}
	}
	doc.restore();
	doc.fillColor('black');
	return box.y + scene.height * s;
}
