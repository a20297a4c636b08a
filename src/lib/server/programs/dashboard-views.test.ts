import { describe, expect, it } from 'vitest';
import { dashboardSections, presentSection, tableCsv } from './dashboard-views';
import type { Dashboard } from './dashboard-service';

const base = (over: Partial<Dashboard> = {}): Dashboard => ({
	scope: { level: 'city', id: 'c', name: 'Sở Giáo dục và Đào tạo Hà Nội', path: '/c/' },
	day: '2026-12-01',
	refreshedAt: '2026-12-01T03:00:00.000Z',
	usage: { days: ['2026-11-24', '2026-12-01'], learners: [null, 5], parents: [null, 2], teachers: [null, 1] },
	results: { schoolYear: '2026-2027', term: 1, bands: { lt35: 1, '35to50': 2, '50to65': 3, '65to80': 4, ge80: 5 }, byUnit: [] },
	units: [
		{ unitId: 'u1', unitName: 'Phường Ba Đình', schools: 2, learners: 1234, teachers: 10, parents: 5, accounts: 7, activeAccounts30d: 3, classes: 4, classesWithGrades: 1 },
		{ unitId: 'u2', unitName: 'Xã Thạch Thất', schools: 1, learners: 10, teachers: 2, parents: 1, accounts: 2, activeAccounts30d: 1, classes: 1, classesWithGrades: 0 }
	],
	schools: [],
	readiness: null,
	...over
});

describe('dashboardSections', () => {
	it('leaves the readiness section out until the surveys part provides rows', () => {
		expect(dashboardSections(base()).map((s) => s.key)).toEqual(['usage', 'results', 'units']);
	});

	it('shows the readiness rows given, as a chart and a table', () => {
		const s = dashboardSections(base({ readiness: [{ unitId: 'u1', unitName: 'Phường Ba Đình', schools: 2, submitted: 1, averageIndex: 72.5, ready: 1 }] })).find((x) => x.key === 'readiness')!;
		expect(s.table.rows).toEqual([['Phường Ba Đình', 2, 1, 72.5, 1]]);
		expect(s.chart?.kind).toBe('hbar');
	});

	it('a school or unit dashboard lists its schools; the city links its units', () => {
		const city = dashboardSections(base()).find((x) => x.key === 'units')!;
		expect(city.table.links).toEqual(['/programs/dashboard?unit=u1', '/programs/dashboard?unit=u2']);
		const unit = dashboardSections(base({ scope: { level: 'unit', id: 'u1', name: 'Phường Ba Đình', path: '/c/u1/' } }));
		expect(unit.map((s) => s.key)).toContain('schools');
	});

	it('the results table is best band first with a total, and the usage table keeps gaps as null', () => {
		const [usage, results] = dashboardSections(base());
		expect(results.table.rows).toEqual([['Toàn bộ', 5, 4, 3, 2, 1, 15]]);
		expect(usage.table.rows).toEqual([
			['24/11/2026', null, null, null],
			['01/12/2026', 5, 2, 1]
		]);
		expect(presentSection(usage, '').rows[0]).toEqual(['24/11/2026', '—', '—', '—']);
	});

	it('says so when there are no averages', () => {
		const results = dashboardSections(base({ results: { schoolYear: null, term: null, bands: { lt35: 0, '35to50': 0, '50to65': 0, '65to80': 0, ge80: 0 }, byUnit: [] } }))[1];
		expect(results.chart).toBeNull();
		expect(results.empty).toBeTruthy();
	});
});

it('tableCsv quotes what needs quoting and starts with a BOM', () => {
	const csv = tableCsv({ columns: ['Đơn vị', 'Giáo viên, cán bộ'], rows: [['Xã "A"', 1234.5], ['B', null]] });
	expect(csv).toBe('\ufeffĐơn vị,"Giáo viên, cán bộ"\r\n"Xã ""A""",1234.5\r\nB,\r\n');
});
