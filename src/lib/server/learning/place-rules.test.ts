import { describe, expect, it } from 'vitest';
import { coordinateProblems, projectToMap } from './place-rules';

describe('coordinates of a learning place', () => {
	it.each([
		[21.0293, 105.8355, []],
		[null, null, []],
		[undefined, undefined, []],
		[90, 180, []],
		[-90, -180, []],
		[90.0001, 105, [{ path: 'latitude', problem: 'latitude_range' }]],
		[21, -180.5, [{ path: 'longitude', problem: 'longitude_range' }]],
		[120, 200, [{ path: 'latitude', problem: 'latitude_range' }, { path: 'longitude', problem: 'longitude_range' }]],
		[Number.NaN, 105, [{ path: 'latitude', problem: 'latitude_range' }]],
		[21, null, [{ path: 'longitude', problem: 'both_or_neither' }]],
		[null, 105, [{ path: 'latitude', problem: 'both_or_neither' }]]
	])('latitude %s, longitude %s → %j', (lat, lon, expected) => {
		expect(coordinateProblems(lat, lon)).toEqual(expected);
	});
});

describe('placing learning places on the SVG map', () => {
	const box = { width: 640, height: 400, padding: 20 };
	const vanMieu = { id: 'vm', latitude: 21.0293, longitude: 105.8355 };
	const batTrang = { id: 'bt', latitude: 20.976, longitude: 105.913 };
	const baVi = { id: 'bv', latitude: 21.08, longitude: 105.37 };
	const duongLam = { id: 'dl', latitude: 21.1583, longitude: 105.4722 };

	it('puts north up and east right, every point inside the padded box, and the extremes on its edges', () => {
		const pts = projectToMap([vanMieu, batTrang, baVi, duongLam], box);
		const at = (id: string) => pts.find((p) => p.item.id === id)!;
		expect(at('bv').x).toBeLessThan(at('vm').x); // Ba Vì lies west of Văn Miếu
		expect(at('bt').x).toBeGreaterThan(at('vm').x); // Bát Tràng lies east
		expect(at('dl').y).toBeLessThan(at('bt').y); // Đường Lâm lies north of Bát Tràng
		for (const p of pts) {
			expect(p.x).toBeGreaterThanOrEqual(20);
			expect(p.x).toBeLessThanOrEqual(620);
			expect(p.y).toBeGreaterThanOrEqual(20);
			expect(p.y).toBeLessThanOrEqual(380);
		}
		// The wider span (east–west here) fills the width: westmost and eastmost on the padding.
		expect(at('bv').x).toBe(20);
		expect(at('bt').x).toBe(620);
	});

	it('keeps the same scale on both axes, shrinking longitude by cos(latitude)', () => {
		const a = { id: 'a', latitude: 60, longitude: 10 };
		const b = { id: 'b', latitude: 61, longitude: 12 }; // at 60.5° N, 2° of longitude ≈ 0.98° of latitude
		const [pa, pb] = projectToMap([a, b], { width: 1000, height: 1000, padding: 0 });
		const dx = pb.x - pa.x;
		const dy = pa.y - pb.y;
		expect(dx / dy).toBeCloseTo(2 * Math.cos((60.5 * Math.PI) / 180), 2);
	});

	it('puts a single place (or places at one spot) in the middle, and leaves out places without coordinates', () => {
		expect(projectToMap([vanMieu, { id: 'x', latitude: null, longitude: null }], box).map((p) => [p.item.id, p.x, p.y])).toEqual([['vm', 320, 200]]);
		expect(projectToMap([{ id: 'x', latitude: null, longitude: null }], box)).toEqual([]);
	});
});
