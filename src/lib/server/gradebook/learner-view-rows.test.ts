import { describe, expect, it } from 'vitest';
import { subjectTermRow, type ColumnFacts, type EntryFacts } from './learner-view-rows';

const PUB = new Date('2026-11-20T03:00:00Z');
const col = (id: string, kind: ColumnFacts['kind'], slot = 1, publishedAt: Date | null = PUB, valueType: ColumnFacts['valueType'] = 'score'): ColumnFacts => ({ id, kind, valueType, slot, publishedAt });
const score = (tenths: number | null): EntryFacts => ({ scoreTenths: tenths, level: null, missedReason: null, makeup: null });

// Toán, 140 periods: four ĐĐGtx, GK, CK (TT22/2021 Điều 6–7), given out of order.
const columns = [col('ck', 'endterm'), col('tx2', 'regular', 2), col('gk', 'midterm'), col('tx1', 'regular', 1), col('tx4', 'regular', 4), col('tx3', 'regular', 3), col('re', 'retake')];
const entries: Record<string, EntryFacts> = { tx1: score(80), tx2: score(70), tx3: score(65), tx4: score(90), gk: score(70), ck: score(60) };
const entryOf = (id: string) => entries[id];

describe('a subject’s line of a learner’s term', () => {
	it('lists TX1–TX4, GK, CK in paper order with Vietnamese values, without the re-assessment column', () => {
		const r = subjectTermRow({ assessment: 'score', stage: 'secondary', columns, entryOf, restricted: false });
		expect(r.columns.map((c) => `${c.label}=${c.text}`)).toEqual(['TX1=8,0', 'TX2=7,0', 'TX3=6,5', 'TX4=9,0', 'GK=7,0', 'CK=6,0']);
	});

	it('gives ĐTBmhk = (ΣTX + 2·GK + 3·CK)/(n + 5) to one decimal (TT22 Điều 9): (30.5 + 14 + 18)/9 = 6,9', () => {
		const r = subjectTermRow({ assessment: 'score', stage: 'secondary', columns, entryOf, restricted: false });
		expect(r.result).toEqual({ status: 'complete', text: '6,9', average: 6.9 });
	});

	it('says the result is incomplete while a score is missing', () => {
		const r = subjectTermRow({ assessment: 'score', stage: 'secondary', columns, entryOf: (id) => (id === 'ck' ? undefined : entries[id]), restricted: false });
		expect(r.result).toEqual({ status: 'incomplete', text: '' });
		expect(r.columns.find((c) => c.label === 'CK')!.text).toBe('');
	});

	it('shows a family only the published columns, and no average until all are published', () => {
		const someUnpublished = columns.map((c) => (c.id === 'tx3' || c.id === 'ck' ? { ...c, publishedAt: null } : c));
		const family = subjectTermRow({ assessment: 'score', stage: 'secondary', columns: someUnpublished, entryOf, restricted: true });
		expect(family.columns.map((c) => c.label)).toEqual(['TX1', 'TX2', 'TX4', 'GK']);
		expect(family.result).toEqual({ status: 'unpublished', text: '' });
		const staff = subjectTermRow({ assessment: 'score', stage: 'secondary', columns: someUnpublished, entryOf, restricted: false });
		expect(staff.columns.map((c) => [c.label, c.published])).toContainEqual(['TX3', false]);
		expect(staff.result!.status).toBe('complete');
	});

	it('gives a comment subject Đ/CĐ cells and its Đạt result', () => {
		const pass = (id: string, kind: ColumnFacts['kind'], slot = 1) => col(id, kind, slot, PUB, 'pass');
		const level = (l: string): EntryFacts => ({ scoreTenths: null, level: l, missedReason: null, makeup: null });
		const r = subjectTermRow({
			assessment: 'comment',
			stage: 'secondary',
			columns: [pass('a', 'regular', 1), pass('b', 'regular', 2), pass('g', 'midterm'), pass('c', 'endterm')],
			entryOf: () => level('dat'),
			restricted: false
		});
		expect(r.columns.map((c) => c.text)).toEqual(['Đ', 'Đ', 'Đ', 'Đ']);
		expect(r.result).toEqual({ status: 'complete', text: 'Đ' });
	});

	it('gives a primary pupil levels and test scores but no average (TT27/2020 Điều 4)', () => {
		const r = subjectTermRow({
			assessment: 'score',
			stage: 'primary',
			columns: [col('l', 'endterm', 1, PUB, 'level'), col('t', 'endterm', 1, PUB, 'integer')],
			entryOf: (id) => (id === 'l' ? { scoreTenths: null, level: 'T', missedReason: null, makeup: null } : score(90)),
			restricted: false
		});
		expect(r.columns.map((c) => `${c.label}=${c.text}`)).toEqual(['KT CK=9', 'CK=T']);
		expect(r.result).toBeNull();
	});

	it('carries each assessment’s comment with its value, and leaves it out with an unpublished column', () => {
		const withComment = (id: string) => (id === 'gk' ? { ...entries.gk, comment: 'Tiến bộ rõ ở phần hình học.' } : id === 'ck' ? { ...entries.ck, comment: 'Cần trình bày cẩn thận hơn.' } : entries[id]);
		const cols = columns.map((c) => (c.id === 'ck' ? { ...c, publishedAt: null } : c));
		const family = subjectTermRow({ assessment: 'score', stage: 'secondary', columns: cols, entryOf: withComment, restricted: true });
		expect(family.columns.map((c) => [c.label, c.comment])).toEqual([['TX1', ''], ['TX2', ''], ['TX3', ''], ['TX4', ''], ['GK', 'Tiến bộ rõ ở phần hình học.']]);
		const staff = subjectTermRow({ assessment: 'score', stage: 'secondary', columns: cols, entryOf: withComment, restricted: false });
		expect(staff.columns.find((c) => c.label === 'CK')!.comment).toBe('Cần trình bày cẩn thận hơn.');
	});
});
