import { describe, expect, it } from 'vitest';
import { parseGift } from './question-gift';

const GIFT = String.raw`// Toán 6, exported from Moodle
$CATEGORY: $course$/Toán 6/Phân số

::Q1:: Phân số nào bằng 1/2? {=2/4 ~2/3 ~3/4}

::Q2:: Chọn các số chẵn {~%50%2 ~%50%4 ~%-100%3}

::Q3:: -3 là số âm {T}

::Q4:: Số nằm trên gạch ngang gọi là gì? {=tử số =tử}

$CATEGORY: Số thập phân

::Q5:: 1/4 \= ? {#0.25:0.01}

::Q6:: Ghép phân số với số thập phân {=1/2 -> 0,5 =1/4 -> 0,25}

::Q7:: Giải thích vì sao 2/4 \= 1/2 {}

::Q8:: [html]<p>Số <b>lớn nhất</b>?</p> {=9 ~1}
`;

describe('GIFT questions', () => {
	const { questions, errors } = parseGift(GIFT);
	it('reads every kind Sen has, with the topic of its category', () => {
		expect(errors).toEqual([]);
		expect(questions.map((q) => [q.kind, q.topic])).toEqual([
			['single', 'Phân số'],
			['multiple', 'Phân số'],
			['true_false', 'Phân số'],
			['short_answer', 'Phân số'],
			['numeric', 'Số thập phân'],
			['matching', 'Số thập phân'],
			['essay', 'Số thập phân'],
			['single', 'Số thập phân']
		]);
	});
	it('keeps the keys: weights as multiple answer, ranges as tolerance, escaped signs in the stem, html as text', () => {
		expect(questions[0].body).toEqual({ kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '2/3' }, { id: 'c', text: '3/4' }], correct: 'a' });
		expect(questions[1].body).toMatchObject({ kind: 'multiple', correct: ['a', 'b'] });
		expect(questions[2].body).toEqual({ kind: 'true_false', correct: true });
		expect(questions[3].body).toMatchObject({ answers: ['tử số', 'tử'] });
		expect(questions[4]).toMatchObject({ stem: '1/4 = ?', body: { kind: 'numeric', answer: 0.25, tolerance: 0.01 } });
		expect(questions[5].body).toEqual({ kind: 'matching', pairs: [{ left: '1/2', right: '0,5' }, { left: '1/4', right: '0,25' }] });
		expect(questions[7].stem).toBe('Số lớn nhất?');
	});
	it('names the line of a syntax error, in Vietnamese', () => {
		const r = parseGift('::Q1:: 1 + 1 = 2 {T}\n');
		expect(r.questions).toEqual([]);
		expect(r.errors[0].message).toMatch(/^Dòng 1: không đọc được theo định dạng GIFT/);
	});
	it('says an empty file is empty', () => expect(parseGift('// nothing\n').errors.length).toBe(1));
});
