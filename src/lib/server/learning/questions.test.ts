import { describe, expect, it } from 'vitest';
import { bodyProblems, gradeAnswer, pointsOf, publicBody, questionBodySchema, type Answer, type QuestionBody } from './questions';

const single: QuestionBody = { kind: 'single', options: [{ id: 'a', text: '1/2' }, { id: 'b', text: '2/4' }, { id: 'c', text: '3' }], correct: 'a' };
const multiple: QuestionBody = { kind: 'multiple', options: [{ id: 'a', text: '1/2' }, { id: 'b', text: '2/4' }, { id: 'c', text: '3' }, { id: 'd', text: '0,5' }], correct: ['a', 'b', 'd'] };
const matching: QuestionBody = { kind: 'matching', pairs: [{ left: 'Hà Nội', right: 'Thủ đô' }, { left: 'Huế', right: 'Cố đô' }, { left: 'Hội An', right: 'Phố cổ' }, { left: 'Hạ Long', right: 'Vịnh' }] };

describe('gradeAnswer', () => {
	const cases: [string, QuestionBody, Answer | undefined, number | null][] = [
		['single: the key', single, { kind: 'single', choice: 'a' }, 1],
		['single: another option', single, { kind: 'single', choice: 'b' }, 0],
		['single: nothing chosen', single, { kind: 'single', choice: null }, 0],
		['multiple: every right option', multiple, { kind: 'multiple', choices: ['a', 'b', 'd'] }, 1],
		['multiple: two of three right', multiple, { kind: 'multiple', choices: ['a', 'd'] }, 2 / 3],
		['multiple: two right and one wrong', multiple, { kind: 'multiple', choices: ['a', 'b', 'c'] }, 1 / 3],
		['multiple: ticking everything earns nothing more than the wrong ones cost', multiple, { kind: 'multiple', choices: ['a', 'b', 'c', 'd'] }, 2 / 3],
		['multiple: only wrong never goes below 0', multiple, { kind: 'multiple', choices: ['c'] }, 0],
		['true/false right', { kind: 'true_false', correct: false }, { kind: 'true_false', value: false }, 1],
		['true/false unanswered', { kind: 'true_false', correct: false }, { kind: 'true_false', value: null }, 0],
		['short answer: case and spaces do not matter', { kind: 'short_answer', answers: ['Hà Nội'], ignoreDiacritics: false }, { kind: 'short_answer', text: '  hà   nội ' }, 1],
		['short answer: diacritics matter by default', { kind: 'short_answer', answers: ['Hà Nội'], ignoreDiacritics: false }, { kind: 'short_answer', text: 'Ha Noi' }, 0],
		['short answer: diacritics ignored when the teacher says so, đ too', { kind: 'short_answer', answers: ['Điện Biên Phủ'], ignoreDiacritics: true }, { kind: 'short_answer', text: 'dien bien phu' }, 1],
		['short answer: composed and decomposed Vietnamese are the same text', { kind: 'short_answer', answers: ['Tiếng Việt'], ignoreDiacritics: false }, { kind: 'short_answer', text: 'Tiếng Việt'.normalize('NFD') }, 1],
		['short answer: empty is wrong even against an accepted blank-looking key', { kind: 'short_answer', answers: ['x'], ignoreDiacritics: false }, { kind: 'short_answer', text: '   ' }, 0],
		['numeric within tolerance', { kind: 'numeric', answer: 3.14, tolerance: 0.01 }, { kind: 'numeric', value: 3.15 }, 1],
		['numeric outside tolerance', { kind: 'numeric', answer: 3.14, tolerance: 0.01 }, { kind: 'numeric', value: 3.16 }, 0],
		['numeric exact, no float trap (0.1 + 0.2)', { kind: 'numeric', answer: 0.3, tolerance: 0 }, { kind: 'numeric', value: 0.1 + 0.2 }, 1],
		['matching: share of pairs right', matching, { kind: 'matching', matches: { 'Hà Nội': 'Thủ đô', Huế: 'Cố đô', 'Hội An': 'Vịnh', 'Hạ Long': 'Phố cổ' } }, 0.5],
		['essay with text waits for the teacher', { kind: 'essay', guidance: '' }, { kind: 'essay', text: 'Bài làm' }, null],
		['essay left empty earns 0 at once', { kind: 'essay', guidance: '' }, { kind: 'essay', text: ' ' }, 0],
		['no answer', single, undefined, 0],
		['an answer of the wrong kind', single, { kind: 'true_false', value: true }, 0]
	];
	it.each(cases)('%s', (_name, body, answer, fraction) => {
		const g = gradeAnswer(body, answer);
		if (fraction === null) expect(g.fraction).toBeNull();
		else expect(g.fraction).toBeCloseTo(fraction, 10);
	});
});

describe('question bodies', () => {
	it('refuse a key that names no option, duplicate option ids and duplicate matching lefts', () => {
		expect(bodyProblems({ ...single, correct: 'z' } as QuestionBody)).toEqual([{ path: 'body.correct', message: 'unknown_option' }]);
		expect(bodyProblems({ kind: 'single', options: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }], correct: 'a' })).toEqual([{ path: 'body.options', message: 'duplicate_option' }]);
		expect(bodyProblems({ kind: 'matching', pairs: [{ left: 'A', right: '1' }, { left: 'A', right: '2' }] })).toEqual([{ path: 'body.pairs', message: 'duplicate_left' }]);
		expect(bodyProblems(multiple)).toEqual([]);
	});

	it('need at least two options, and defaults for the optional parts', () => {
		expect(questionBodySchema.safeParse({ kind: 'single', options: [{ id: 'a', text: 'x' }], correct: 'a' }).success).toBe(false);
		expect(questionBodySchema.parse({ kind: 'numeric', answer: 2 })).toEqual({ kind: 'numeric', answer: 2, tolerance: 0 });
		expect(questionBodySchema.parse({ kind: 'short_answer', answers: ['x'] })).toEqual({ kind: 'short_answer', answers: ['x'], ignoreDiacritics: false });
	});

	it('never show the key to the learner', () => {
		expect(publicBody(single)).toEqual({ kind: 'single', options: single.kind === 'single' ? single.options : [] });
		expect(JSON.stringify(publicBody({ kind: 'numeric', answer: 42, tolerance: 0 }))).not.toContain('42');
		expect(JSON.stringify(publicBody({ kind: 'short_answer', answers: ['Hà Nội'], ignoreDiacritics: false }))).not.toContain('Hà Nội');
		const m = publicBody(matching) as { lefts: string[]; rights: string[] };
		expect(m.lefts).toEqual(['Hà Nội', 'Huế', 'Hội An', 'Hạ Long']);
		expect(m.rights).toEqual(['Cố đô', 'Phố cổ', 'Thủ đô', 'Vịnh']);
	});

	it('rounds points to two decimals', () => {
		expect(pointsOf(2 / 3, 1)).toBe(0.67);
		expect(pointsOf(1 / 3, 2)).toBe(0.67);
		expect(pointsOf(1, 0.5)).toBe(0.5);
	});
});
