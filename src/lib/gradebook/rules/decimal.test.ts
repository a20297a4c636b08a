import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, formatTenths, fromPoints, parseTenths, weightedAverage } from './decimal';

describe('exact one-decimal rounding, half up (TT22/2021 Điều 5; half-up is practice, unconfirmed as text)', () => {
	it.each([
		// numerator in tenths, denominator, expected tenths
		[516, 8, 65], // 6,45 → 6,5
		[636, 8, 80], // 7,95 → 8,0
		[396, 8, 50], // 4,95 → 5,0
		[676, 8, 85], // 8,45 → 8,5 (8.45.toFixed(1) is "8.4")
		[515, 8, 64], // 6,4375 → 6,4
		[517, 8, 65], // 6,4625 → 6,5
		[194, 3, 65], // 6,4666… → 6,5
		[193, 3, 64], // 6,4333… → 6,4
		[0, 7, 0],
		[700, 7, 100]
	])('%i / %i tenths → %i tenths', (numerator, denominator, expected) => {
		expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
	});

	it('refuses non-integers, negative numerators and a zero denominator', () => {
		expect(() => divideRoundHalfUp(6.5, 1)).toThrow(RangeError);
		expect(() => divideRoundHalfUp(-5, 10)).toThrow(RangeError);
		expect(() => divideRoundHalfUp(5, 0)).toThrow(RangeError);
	});

	it('weights a mean exactly: (6,0 + 2·6,0 + 3·7,2) / 6 = 6,6', () => {
		expect(weightedAverage([{ value: 60, weight: 1 }, { value: 60, weight: 2 }, { value: 72, weight: 3 }])).toBe(66);
	});
});

describe('reading and writing tenths', () => {
	it.each([
		['7.5', 75],
		['7,5', 75],
		[' 8 ', 80],
		['7.50', 75],
		['10.0', 100],
		['0', 0]
	])('reads %j as %i tenths', (text, tenths) => {
		expect(parseTenths(text)).toBe(tenths);
	});

	it.each(['7.25', 'abc', '', '-1', '7.', '1e1'])('does not read %j', (text) => {
		expect(parseTenths(text)).toBeNull();
	});

	it.each([
		[75, ',', '7,5'],
		[80, ',', '8,0'],
		[100, '.', '10.0'],
		[5, ',', '0,5']
	] as const)('writes %i tenths with %j as %j', (tenths, sep, text) => {
		expect(formatTenths(tenths, sep)).toBe(text);
	});

	it('turns whole points into tenths', () => {
		expect(fromPoints(8)).toBe(80);
	});
});
