import { describe, expect, it } from 'vitest';
import { averageStars, reachPath, searchKey } from './library-rules';

describe('the content library rules', () => {
	const school = '/city/unit/school/';
	it('shares under the school, its unit, or the city', () => {
		expect(reachPath(school, 'school')).toBe(school);
		expect(reachPath(school, 'unit')).toBe('/city/unit/');
		expect(reachPath(school, 'city')).toBe('/city/');
		// An upper-secondary school hangs directly under the department: its unit is the city.
		expect(reachPath('/city/school/', 'unit')).toBe('/city/');
	});
	it('searches without diacritics or case', () => {
		expect(searchKey('Làng gốm  Bát Tràng', 'Đất sét')).toBe('lang gom bat trang dat set');
	});
	it('averages stars to one decimal', () => {
		expect(averageStars([5, 4, 4])).toBe(4.3);
		expect(averageStars([])).toBeNull();
	});
});
