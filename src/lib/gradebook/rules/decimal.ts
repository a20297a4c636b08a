/**
 * Exact one-decimal arithmetic for scores and averages.
 *
 * A score or average is held as an integer number of tenths (7,5 → 75), the same as the
 * `score_tenths` column, so sums are exact and an average is one integer division. Binary floats
 * are not used: 8.45.toFixed(1) is "8.4" because 8.45 is stored as 8.4499…, which would move a
 * learner across the 6,5 or 8,0 thresholds.
 */

/** A score or average in integer tenths of a point: 0 … 100 for 0,0 … 10,0. */
export type Tenths = number;

function assertInteger(n: number, name: string): void {
	if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
}

/**
 * numerator / denominator rounded half up to an integer, exactly.
 *
 * TT22/2021 Điều 5 asks for one decimal "after rounding"; that the rounding is half up
 * (x,x5 → up) is universal practice, not explicit text (unconfirmed).
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
	assertInteger(numerator, 'numerator');
	assertInteger(denominator, 'denominator');
	if (denominator <= 0) throw new RangeError('denominator must be positive');
	if (numerator < 0) throw new RangeError('scores are never negative');
	return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** A weighted average of tenths, rounded half up to one decimal: Σ(value·weight) / Σweight. */
export function weightedAverage(terms: readonly { value: Tenths; weight: number }[]): Tenths {
	let sum = 0;
	let weights = 0;
	for (const { value, weight } of terms) {
		assertInteger(value, 'value');
		assertInteger(weight, 'weight');
		sum += value * weight;
		weights += weight;
	}
	return divideRoundHalfUp(sum, weights);
}

/** Whole points → tenths (8 → 80). */
export function fromPoints(points: number): Tenths {
	assertInteger(points, 'points');
	return points * 10;
}

/**
 * Reads a plain decimal such as "7.5", "7,5", "8" or "7.50" (a PostgreSQL numeric) into tenths.
 * Returns null when the text is not a non-negative decimal with at most one significant decimal.
 */
export function parseTenths(text: string): Tenths | null {
	const m = /^(\d+)(?:[.,](\d+))?$/.exec(text.trim());
	if (!m) return null;
	const fraction = (m[2] ?? '').replace(/0+$/, '');
	if (fraction.length > 1) return null;
	const tenths = Number(m[1]) * 10 + Number(fraction || '0');
	return Number.isSafeInteger(tenths) ? tenths : null;
}

/** Always one decimal, Vietnamese comma by default: 75 → "7,5", 80 → "8,0". */
export function formatTenths(value: Tenths, decimalSeparator: ',' | '.' = ','): string {
	assertInteger(value, 'value');
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	return `${sign}${Math.floor(abs / 10)}${decimalSeparator}${abs % 10}`;
}
