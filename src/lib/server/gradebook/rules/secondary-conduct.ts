/**
 * Kết quả rèn luyện (conduct). The homeroom teacher (GVCN) assesses each term against the
 * programme's required qualities; the year is derived from the two terms, never typed in.
 * Thông tư 22/2021/TT-BGDĐT Điều 8.
 */
import { isAtLeast, type Level } from './secondary-learning';

/**
 * The year's conduct from the two terms. TT22/2021 Điều 8:
 * - Tốt: HK II Tốt and HK I Khá or better.
 * - Khá: HK II Khá and HK I Đạt or better; HK II Đạt and HK I Tốt; HK II Tốt and HK I Đạt or
 *   Chưa đạt.
 * - Đạt: HK II Đạt and HK I Khá, Đạt or Chưa đạt; HK II Khá and HK I Chưa đạt.
 * - Chưa đạt: all other cases (that is, HK II Chưa đạt).
 */
export function yearConduct(term1: Level, term2: Level): Level {
	switch (term2) {
		case 'tot':
			return isAtLeast(term1, 'kha') ? 'tot' : 'kha';
		case 'kha':
			return isAtLeast(term1, 'dat') ? 'kha' : 'dat';
		case 'dat':
			return term1 === 'tot' ? 'kha' : 'dat';
		case 'chua_dat':
			return 'chua_dat';
	}
}
