/**
 * Validation of a typed score. Returns a code, never a sentence: the UI translates the code
 * (messages/*.json) so teachers read the reason in their language.
 */
import type { Tenths } from './decimal';

export const SCORE_ERROR_CODES = [
	/** Nothing typed. */
	'score_required',
	/** Not a number at all ("abc", "7a", "1e1"). */
	'score_not_a_number',
	/** Below 0 or above 10. */
	'score_out_of_range',
	/** More than one decimal (7,25). Secondary scores only. */
	'score_too_many_decimals',
	/** Any decimal on a primary test (7,5). */
	'score_not_an_integer'
] as const;
export type ScoreErrorCode = (typeof SCORE_ERROR_CODES)[number];

export type ScoreValidation = { ok: true; tenths: Tenths } | { ok: false; code: ScoreErrorCode };
export type PrimaryScoreValidation = { ok: true; score: number } | { ok: false; code: ScoreErrorCode };

type Parsed = { ok: true; negative: boolean; whole: string; fraction: string } | { ok: false; code: ScoreErrorCode };

/** Accepts "7,5" (Vietnamese) and "7.5"; trailing zeros after the separator carry no precision. */
function parseScoreText(input: string | number | null | undefined): Parsed {
	if (input === null || input === undefined) return { ok: false, code: 'score_required' };
	if (typeof input === 'number' && !Number.isFinite(input)) return { ok: false, code: 'score_not_a_number' };
	const text = String(input).trim();
	if (text === '') return { ok: false, code: 'score_required' };
	const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(text);
	if (!m) return { ok: false, code: 'score_not_a_number' };
	return { ok: true, negative: m[1] === '-', whole: m[2], fraction: (m[3] ?? '').replace(/0+$/, '') };
}

/**
 * A secondary score (ĐĐGtx, ĐĐGgk, ĐĐGck): 0–10, an integer or one decimal.
 * TT22/2021 Điều 5 (10-point scale; "số nguyên hoặc số thập phân được lấy đến chữ số
 * thập phân thứ nhất").
 */
export function validateSecondaryScore(input: string | number | null | undefined): ScoreValidation {
	const p = parseScoreText(input);
	if (!p.ok) return p;
	if (p.fraction.length > 1) return { ok: false, code: 'score_too_many_decimals' };
	const tenths = Number(p.whole) * 10 + Number(p.fraction || '0');
	if (p.negative && tenths !== 0) return { ok: false, code: 'score_out_of_range' };
	if (tenths > 100) return { ok: false, code: 'score_out_of_range' };
	return { ok: true, tenths };
}

/**
 * A primary periodic test score: a whole number 0–10, no decimals; 0 is allowed (TT27 dropped
 * the "no 0" rule of TT22/2016). TT27/2020 Điều 7 khoản 1.
 */
export function validatePrimaryTestScore(input: string | number | null | undefined): PrimaryScoreValidation {
	const p = parseScoreText(input);
	if (!p.ok) return p;
	if (p.fraction.length > 0) return { ok: false, code: 'score_not_an_integer' };
	const score = Number(p.whole);
	if ((p.negative && score !== 0) || score > 10) return { ok: false, code: 'score_out_of_range' };
	return { ok: true, score };
}
