import { describe, expect, it } from 'vitest';
import { answersFromForm, blockFromForm, decimalOf, questionFromForm, quizFromForm, toVietnamLocal, vietnamLocalTime } from './elearning-views';
import { questionBodySchema } from './questions';

describe('form parsing for the e-learning pages', () => {
	it('reads Vietnamese decimals with a comma, and blanks as nothing', () => {
		expect(decimalOf('0,25')).toBe(0.25);
		expect(decimalOf(' 1 000,5 ')).toBe(1000.5);
		expect(decimalOf('3.5')).toBe(3.5);
		expect(decimalOf('')).toBeNull();
		expect(decimalOf('abc')).toBeNull();
	});

	it('turns the bank form into each kind of question body', () => {
		const single = questionFromForm({ kind: 'single', options: '2/4\n\n2/3\n', correct: 'a', stem: 'x', subjectId: 's' });
		expect(single.body).toEqual({ kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '2/3' }], correct: 'a' });
		expect(questionFromForm({ kind: 'multiple', options: 'x\ny\nz', correct: 'A, c' }).body).toMatchObject({ correct: ['a', 'c'] });
		expect(questionFromForm({ kind: 'true_false', truth: 'false' }).body).toEqual({ kind: 'true_false', correct: false });
		expect(questionFromForm({ kind: 'short_answer', answers: 'Hà Nội\nThủ đô', ignoreDiacritics: 'on' }).body).toEqual({ kind: 'short_answer', answers: ['Hà Nội', 'Thủ đô'], ignoreDiacritics: true });
		expect(questionFromForm({ kind: 'numeric', answer: '0,25', tolerance: '' }).body).toEqual({ kind: 'numeric', answer: 0.25, tolerance: 0 });
		expect(questionFromForm({ kind: 'matching', pairs: 'Huế | Cố đô\nHà Nội|Thủ đô' }).body).toEqual({ kind: 'matching', pairs: [{ left: 'Huế', right: 'Cố đô' }, { left: 'Hà Nội', right: 'Thủ đô' }] });
		// A numeric question without an answer is refused by the schema, not stored as 0.
		expect(questionBodySchema.safeParse(questionFromForm({ kind: 'numeric', answer: '' }).body).success).toBe(false);
	});

	it('turns the add-block form into the kind asked for', () => {
		expect(blockFromForm({ kind: 'image', url: 'https://x/y.png', alt: 'Bản đồ' })).toEqual({ kind: 'image', title: '', url: 'https://x/y.png', alt: 'Bản đồ' });
		expect(blockFromForm({ body: 'Đọc' })).toEqual({ kind: 'text', title: '', body: 'Đọc' });
	});

	it('reads the quiz form with every chosen question', () => {
		const f = new FormData();
		f.set('title', 'Kiểm tra');
		f.append('questionIds', 'q1');
		f.append('questionIds', 'q2');
		f.set('maxAttempts', '2');
		expect(quizFromForm(f)).toEqual({ title: 'Kiểm tra', questionIds: ['q1', 'q2'], drawCount: null, shuffle: false, timeLimitMinutes: null, maxAttempts: 2 });
	});

	it('reads the learner’s answers of every kind from the quiz form', () => {
		const f = new FormData();
		f.set('q.1', 'a');
		f.append('q.2', 'a');
		f.append('q.2', 'c');
		f.set('q.3', 'false');
		f.set('q.4', '0,25');
		f.set('q.5.0', 'Thủ đô');
		f.set('q.6', 'Bài làm');
		const qs = [
			{ id: '1', kind: 'single', body: {} },
			{ id: '2', kind: 'multiple', body: {} },
			{ id: '3', kind: 'true_false', body: {} },
			{ id: '4', kind: 'numeric', body: {} },
			{ id: '5', kind: 'matching', body: { lefts: ['Hà Nội', 'Huế'] } },
			{ id: '6', kind: 'essay', body: {} },
			{ id: '7', kind: 'single', body: {} }
		];
		expect(answersFromForm(f, qs)).toEqual({
			'1': { kind: 'single', choice: 'a' },
			'2': { kind: 'multiple', choices: ['a', 'c'] },
			'3': { kind: 'true_false', value: false },
			'4': { kind: 'numeric', value: 0.25 },
			'5': { kind: 'matching', matches: { 'Hà Nội': 'Thủ đô' } },
			'6': { kind: 'essay', text: 'Bài làm' },
			'7': { kind: 'single', choice: null }
		});
	});

	it('reads and writes datetime-local fields in Vietnam’s time (UTC+7)', () => {
		expect(vietnamLocalTime('2026-12-01T07:30')).toEqual(new Date('2026-12-01T00:30:00Z'));
		expect(vietnamLocalTime('')).toBeNull();
		expect(vietnamLocalTime('nonsense')).toBeNull();
		expect(toVietnamLocal(new Date('2026-12-01T00:30:00Z'))).toBe('2026-12-01T07:30');
	});
});
