/**
 * Reading and writing one grid cell (pure): what a teacher types → what is stored, and back.
 * Scores follow TT22/2021 Điều 5 (0–10, one decimal) and TT27/2020 Điều 7 (integer test scores).
 */
import { formatTenths } from './rules/decimal';
import { validatePrimaryTestScore, validateSecondaryScore, type ScoreErrorCode } from './rules/scores';
import { unaccent } from '../text';
import type { ValueType } from '../server/gradebook/columns';

export interface StoredValue {
	scoreTenths: number | null;
	level: string | null;
}
export type CellErrorCode = ScoreErrorCode | 'pass_invalid' | 'level_invalid';
export type ParsedCell = { ok: true; value: StoredValue } | { ok: false; code: CellErrorCode };

const EMPTY: StoredValue = { scoreTenths: null, level: null };

const PASS: Record<string, 'dat' | 'chua_dat'> = { dat: 'dat', d: 'dat', 'chua dat': 'chua_dat', chua_dat: 'chua_dat', cd: 'chua_dat' };

/** Parses typed input; null or blank clears the cell. Accepts "7,5" and "7.5", "Đ"/"CĐ", "Đạt"/"Chưa đạt", "t"/"h"/"c". */
export function parseCell(valueType: ValueType, input: string | number | null | undefined): ParsedCell {
	if (input === null || input === undefined || String(input).trim() === '') return { ok: true, value: EMPTY };
	switch (valueType) {
		case 'score': {
			const r = validateSecondaryScore(input);
			return r.ok ? { ok: true, value: { scoreTenths: r.tenths, level: null } } : r;
		}
		case 'integer': {
			const r = validatePrimaryTestScore(input);
			return r.ok ? { ok: true, value: { scoreTenths: r.score * 10, level: null } } : r;
		}
		case 'pass': {
			const key = unaccent(String(input)).toLowerCase().replace(/\s+/g, ' ').trim();
			const level = PASS[key];
			return level ? { ok: true, value: { scoreTenths: null, level } } : { ok: false, code: 'pass_invalid' };
		}
		case 'level': {
			const key = String(input).trim().toUpperCase();
			return ['T', 'H', 'C'].includes(key) ? { ok: true, value: { scoreTenths: null, level: key } } : { ok: false, code: 'level_invalid' };
		}
	}
}

/** The API's value of a cell: a number for scores (7.5), a code for levels ('dat', 'T'), or null. */
export function cellValue(valueType: ValueType, v: StoredValue | undefined): number | string | null {
	if (!v) return null;
	if (valueType === 'score' || valueType === 'integer') return v.scoreTenths === null ? null : v.scoreTenths / 10;
	return v.level;
}

/** What a cell shows in the grid and on paper, Vietnamese style: "7,5", "Đ", "CĐ", "T". */
export function cellText(valueType: ValueType, v: StoredValue | undefined): string {
	if (!v) return '';
	if (valueType === 'score') return v.scoreTenths === null ? '' : formatTenths(v.scoreTenths);
	if (valueType === 'integer') return v.scoreTenths === null ? '' : String(v.scoreTenths / 10);
	if (valueType === 'pass') return v.level === 'dat' ? 'Đ' : v.level === 'chua_dat' ? 'CĐ' : '';
	return v.level ?? '';
}

export const sameStored = (a: StoredValue | undefined, b: StoredValue) => (a?.scoreTenths ?? null) === b.scoreTenths && (a?.level ?? null) === b.level;
