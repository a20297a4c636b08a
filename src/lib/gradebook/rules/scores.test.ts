import { describe, expect, it } from 'vitest';
import { SCORE_ERROR_CODES, validatePrimaryTestScore, validateSecondaryScore } from './scores';

describe('secondary score entry: 0–10, integer or one decimal (TT22/2021 Điều 5)', () => {
	it.each([
		['7,5', 75],
		['7.5', 75],
		['10', 100],
		['0', 0],
		[' 9,0 ', 90],
		['7,50', 75],
		[8, 80],
		[6.5, 65]
	])('accepts %j as %i tenths', (input, tenths) => {
		expect(validateSecondaryScore(input)).toEqual({ ok: true, tenths });
	});

	it.each([
		['10.5', 'score_out_of_range'],
		['11', 'score_out_of_range'],
		['-1', 'score_out_of_range'],
		[-1, 'score_out_of_range'],
		['7.25', 'score_too_many_decimals'],
		[7.25, 'score_too_many_decimals'],
		['7,25', 'score_too_many_decimals'],
		['abc', 'score_not_a_number'],
		['7,5,1', 'score_not_a_number'],
		['1e1', 'score_not_a_number'],
		[Number.NaN, 'score_not_a_number'],
		['', 'score_required'],
		['   ', 'score_required'],
		[null, 'score_required'],
		[undefined, 'score_required']
	])('rejects %j with %s', (input, code) => {
		expect(validateSecondaryScore(input)).toEqual({ ok: false, code });
	});
});

describe('primary test score: whole number 0–10, 0 allowed (TT27/2020 Điều 7 khoản 1)', () => {
	it.each([
		['0', 0],
		['10', 10],
		['7', 7],
		[9, 9],
		['7,0', 7]
	])('accepts %j as %i', (input, score) => {
		expect(validatePrimaryTestScore(input)).toEqual({ ok: true, score });
	});

	it.each([
		['7,5', 'score_not_an_integer'],
		['7.5', 'score_not_an_integer'],
		['11', 'score_out_of_range'],
		['-1', 'score_out_of_range'],
		['x', 'score_not_a_number'],
		['', 'score_required']
	])('rejects %j with %s', (input, code) => {
		expect(validatePrimaryTestScore(input)).toEqual({ ok: false, code });
	});
});

describe('error codes', () => {
	it('exports every code a validator can return, for the UI to translate', () => {
		expect([...SCORE_ERROR_CODES].sort()).toEqual(
			['score_not_a_number', 'score_not_an_integer', 'score_out_of_range', 'score_required', 'score_too_many_decimals'].sort()
		);
	});
});
