import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { chartSvg, drawChart, fitLabel, formatNumber, formatValue, layoutChart, niceScale, segments, shares, type ChartSpec } from './charts';
import { renderPdf } from '../platform/pdf';

describe('formatNumber writes numbers the Vietnamese way', () => {
	it.each([
		[1234.5, '1.234,5'],
		[2_000_000, '2.000.000'],
		[0, '0'],
		[-0, '0'],
		[0.25, '0,3'],
		[7.04, '7'],
		[null, '—'],
		[Number.NaN, '—']
	])('%s → %s', (x, text) => expect(formatNumber(x)).toBe(text));
	it('adds a percent sign only for %', () => {
		expect(formatValue(45.2, '%')).toBe('45,2%');
		expect(formatValue(1234, 'người')).toBe('1.234');
		expect(formatValue(null, '%')).toBe('—');
	});
});

describe('niceScale: zero baseline and nice ticks', () => {
	it.each([
		// lo, hi, integer → min, max, step
		[0, 0, false, 0, 1, 0.2],
		[0, 7, false, 0, 8, 2],
		[3, 97, false, 0, 100, 20],
		[12, 18, false, 0, 20, 5],
		[0, 1_950_000, false, 0, 2_000_000, 500_000],
		[0, 3, true, 0, 3, 1],
		[0, 0.42, false, 0, 0.5, 0.1],
		[-4, 6, false, -4, 6, 2]
	])('[%s, %s] integer=%s → %s..%s step %s', (lo, hi, integer, min, max, step) => {
		const s = niceScale(lo, hi, 5, integer);
		expect({ min: s.min, max: s.max, step: s.step }).toEqual({ min, max, step });
		expect(s.ticks[0]).toBe(min);
		expect(s.ticks.at(-1)).toBe(max);
		expect(s.ticks).toContain(0);
	});
	it('ticks are exact decimals, not float noise', () => {
		expect(niceScale(0, 0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
	});
});

describe('segments: nulls are gaps', () => {
	it.each([
		[[1, 2, 3], [[0, 1, 2]]],
		[[1, null, 3], [[0], [2]]],
		[[null, null], []],
		[[null, 5, 6, null, 7, 8], [[1, 2], [4, 5]]]
	])('%j → %j', (values, runs) => expect(segments(values)).toEqual(runs));
});

describe('shares of a distribution', () => {
	it.each([
		[[1, 1, 2], [25, 25, 50]],
		[[0, 0], [null, null]],
		[[null, 3], [0, 100]],
		[[1, 2], [33.3, 66.7]]
	])('%j → %j', (values, out) => expect(shares(values)).toEqual(out));
});

it('fitLabel shortens long names with an ellipsis', () => {
	expect(fitLabel('Ba Đình', 100, 11)).toBe('Ba Đình');
	expect(fitLabel('Phường Ba Đình thuộc thành phố Hà Nội', 60, 11)).toMatch(/…$/);
	expect(fitLabel('Phường Ba Đình thuộc thành phố Hà Nội', 60, 11).length).toBeLessThanOrEqual(9);
});

const usage: ChartSpec = {
	kind: 'line',
	id: 'usage',
	title: 'Người dùng hoạt động theo tuần',
	description: 'Số người đăng nhập mỗi tuần, theo đối tượng',
	categories: ['05/10', '12/10', '19/10'],
	series: [
		{ name: 'Học sinh', values: [1200, null, 1500] },
		{ name: 'Phụ huynh', values: [300, 350, 400] }
	],
	integer: true
};

describe('chartSvg', () => {
	it('is an accessible image with title, description, axis labels and values', () => {
		const svg = chartSvg(usage);
		expect(svg).toMatch(/^<svg [^>]*role="img"/);
		expect(svg).toContain('aria-labelledby="usage-title usage-desc"');
		expect(svg).toContain('<title id="usage-title">Người dùng hoạt động theo tuần</title>');
		expect(svg).toContain('<desc id="usage-desc">Số người đăng nhập mỗi tuần, theo đối tượng</desc>');
		expect(svg).toMatch(/viewBox="0 0 400 \d+"/);
		expect(svg).toContain('>1.500<'); // a tick label in Vietnamese format
		expect(svg).toContain('<title>19/10 — Học sinh: 1.500</title>');
		expect(svg).toContain('>Phụ huynh<'); // legend
	});
	it('draws a line with a null as two pieces, and no point for the null', () => {
		const scene = layoutChart(usage);
		expect(scene.items.filter((p) => p.t === 'polyline')).toHaveLength(1); // learners: two runs of one point → no line; parents: one line
		expect(scene.items.filter((p) => p.t === 'circle')).toHaveLength(5);
	});
	it('escapes markup in names', () => {
		const svg = chartSvg({ kind: 'bar', id: 'x', title: 'A <b> & "c"', description: 'd', categories: ['<script>'], series: [{ name: 's', values: [1] }] });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
		expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
	});
	it('bars start at zero and a null bar is a dash', () => {
		const scene = layoutChart({ kind: 'bar', id: 'b', title: 't', description: 'd', categories: ['A', 'B'], series: [{ name: 's', values: [10, null] }] });
		const rects = scene.items.filter((p) => p.t === 'rect');
		expect(rects).toHaveLength(1);
		const zero = scene.items.find((p) => p.t === 'text' && p.text === '0' && p.anchor === 'end') as { y: number };
		const bar = rects[0] as { y: number; h: number };
		expect(Math.abs(bar.y + bar.h - (zero.y - 4))).toBeLessThan(0.01);
		expect(scene.items.some((p) => p.t === 'text' && p.text === '—')).toBe(true);
	});
	it('a stacked bar shows each row as shares adding to 100 %', () => {
		const spec: ChartSpec = { kind: 'stacked', id: 's', title: 't', description: 'd', categories: ['Ba Đình', 'Thạch Thất'], series: [{ name: 'Tốt', values: [1, 0] }, { name: 'Khá', values: [3, 0] }] };
		const svg = chartSvg(spec);
		expect(svg).toContain('<title>Ba Đình — Tốt: 1 (25%)</title>');
		expect(svg).toContain('<title>Ba Đình — Khá: 3 (75%)</title>');
		const rects = layoutChart(spec).items.filter((p) => p.t === 'rect' && p.label) as { w: number }[];
		expect(rects[0].w * 3).toBeCloseTo(rects[1].w, 5);
	});
	it('a horizontal bar chart grows with its categories', () => {
		const spec = (k: number): ChartSpec => ({ kind: 'hbar', id: 'h', title: 't', description: 'd', categories: Array.from({ length: k }, (_, i) => `Xã ${i}`), series: [{ name: 's', values: Array.from({ length: k }, (_, i) => i) }] });
		expect(layoutChart(spec(20)).height).toBeGreaterThan(layoutChart(spec(2)).height + 300);
	});
});

it('drawChart puts the same chart into a PDF with Vietnamese text', async () => {
	let below = 0;
	const bytes = await renderPdf('Biểu đồ', (doc) => {
		doc.addPage();
		below = drawChart(doc, usage, { x: 45, y: 45, width: 500 });
	});
	expect(below).toBeGreaterThan(45 + 200);
	const pdf = await getDocumentProxy(bytes);
	const { text } = await extractText(pdf, { mergePages: true });
	expect(text).toContain('Người dùng hoạt động theo tuần');
	expect(text).toContain('Phụ huynh');
	expect(text).toContain('1.500');
});
