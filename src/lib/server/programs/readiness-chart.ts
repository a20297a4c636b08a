/**
 * The readiness chart as plain SVG markup drawn on the server (so it also appears in a PDF and
 * without JavaScript): one horizontal bar per management unit, its average IT-readiness index on
 * a 0–100 axis with the "ready" threshold marked. role="img" with a title; the page puts the same
 * figures in a table beside it.
 */
export interface ChartBar {
	label: string;
	/** 0–100, or null when no school of the unit has submitted (no bar, "—"). */
	value: number | null;
	note?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');

export function readinessChartSvg(bars: ChartBar[], opts: { title: string; threshold?: number; width?: number }): string {
	const width = opts.width ?? 640;
	const labelW = Math.min(220, Math.round(width * 0.35));
	const barH = 22;
	const gap = 12;
	const top = 28;
	const plotW = width - labelW - 24;
	const height = top + bars.length * (barH + gap) + 24;
	const x = (v: number) => labelW + (Math.max(0, Math.min(100, v)) / 100) * plotW;
	const parts: string[] = [];
	parts.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="readiness-chart-title" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">`);
	parts.push(`<title id="readiness-chart-title">${esc(opts.title)}</title>`);
	for (const t of [0, 25, 50, 75, 100]) {
		parts.push(`<line x1="${x(t)}" y1="${top - 6}" x2="${x(t)}" y2="${height - 20}" stroke="#d0d7de" stroke-width="1"/>`);
		parts.push(`<text x="${x(t)}" y="${height - 6}" font-size="11" text-anchor="middle" fill="#57606a">${t}</text>`);
	}
	if (opts.threshold !== undefined) {
		parts.push(`<line x1="${x(opts.threshold)}" y1="${top - 10}" x2="${x(opts.threshold)}" y2="${height - 20}" stroke="#bf8700" stroke-width="2" stroke-dasharray="4 3"/>`);
		parts.push(`<text x="${x(opts.threshold) + 4}" y="${top - 12}" font-size="11" fill="#7d4e00">${opts.threshold}</text>`);
	}
	bars.forEach((b, i) => {
		const y = top + i * (barH + gap);
		parts.push(`<text x="${labelW - 8}" y="${y + barH / 2 + 4}" font-size="13" text-anchor="end" fill="#1f2328">${esc(b.label)}</text>`);
		if (b.value === null) {
			parts.push(`<text x="${labelW + 4}" y="${y + barH / 2 + 4}" font-size="13" fill="#57606a">—</text>`);
			return;
		}
		const fill = opts.threshold !== undefined && b.value >= opts.threshold ? '#1a7f37' : '#0969da';
		parts.push(`<rect x="${labelW}" y="${y}" width="${Math.max(1, x(b.value) - labelW)}" height="${barH}" fill="${fill}" rx="2"/>`);
		// A long bar carries its figure inside (white on the bar), a short one just after it, so neither runs off the chart.
		const text = `${num(b.value)}${b.note ? ` (${esc(b.note)})` : ''}`;
		if (b.value >= 50) parts.push(`<text x="${x(b.value) - 6}" y="${y + barH / 2 + 4}" font-size="13" text-anchor="end" fill="#ffffff">${text}</text>`);
		else parts.push(`<text x="${x(b.value) + 4}" y="${y + barH / 2 + 4}" font-size="13" fill="#1f2328">${text}</text>`);
	});
	parts.push('</svg>');
	return parts.join('');
}
