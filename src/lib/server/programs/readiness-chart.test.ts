import { describe, expect, it } from 'vitest';
import { readinessChartSvg } from './readiness-chart';

describe('readiness chart (server-rendered SVG)', () => {
	const svg = readinessChartSvg([{ label: 'Phường Ba Đình', value: 72.5, note: '1/2' }, { label: 'Xã <Thạch Thất>', value: null }], { title: 'Chỉ số sẵn sàng CNTT', threshold: 60 });
	it('is an accessible image with a title', () => {
		expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="readiness-chart-title"/);
		expect(svg).toContain('<title id="readiness-chart-title">Chỉ số sẵn sàng CNTT</title>');
	});
	it('draws one bar per unit with a value, with the value in Vietnamese notation', () => {
		expect(svg.match(/<rect /g)).toHaveLength(1);
		expect(svg).toContain('72,5 (1/2)');
	});
	it('a unit without submissions shows a dash, and labels are escaped', () => {
		expect(svg).toContain('Xã &lt;Thạch Thất&gt;');
		expect(svg).toContain('>—<');
	});
	it('a bar at or above the threshold is green, below blue', () => {
		expect(readinessChartSvg([{ label: 'A', value: 60 }], { title: 't', threshold: 60 })).toContain('fill="#1a7f37"');
		expect(readinessChartSvg([{ label: 'A', value: 59.9 }], { title: 't', threshold: 60 })).toContain('fill="#0969da"');
	});
});
