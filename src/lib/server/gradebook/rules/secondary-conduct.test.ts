import { describe, expect, it } from 'vitest';
import { yearConduct } from './secondary-conduct';
import type { Level } from './secondary-learning';

describe('TT22/2021 Điều 8: year conduct from the two terms (all 16 combinations)', () => {
	it.each<[Level, Level, Level]>([
		// HK I, HK II, year
		['tot', 'tot', 'tot'],
		['kha', 'tot', 'tot'],
		['dat', 'tot', 'kha'],
		['chua_dat', 'tot', 'kha'],
		['tot', 'kha', 'kha'],
		['kha', 'kha', 'kha'],
		['dat', 'kha', 'kha'],
		['chua_dat', 'kha', 'dat'],
		['tot', 'dat', 'kha'],
		['kha', 'dat', 'dat'],
		['dat', 'dat', 'dat'],
		['chua_dat', 'dat', 'dat'],
		['tot', 'chua_dat', 'chua_dat'],
		['kha', 'chua_dat', 'chua_dat'],
		['dat', 'chua_dat', 'chua_dat'],
		['chua_dat', 'chua_dat', 'chua_dat']
	])('HK I %s, HK II %s → %s', (term1, term2, year) => {
		expect(yearConduct(term1, term2)).toBe(year);
	});
});
