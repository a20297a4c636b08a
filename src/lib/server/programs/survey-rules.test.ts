import { describe, expect, it } from 'vitest';
import { answerProblem, answerProblems, definitionSchema, moveQuestion, numbered, questionSchema, remindersDue, rewordQuestion, responseClosedReason, type Question, type SurveyDefinition } from './survey-rules';
import { todayInVietnam } from '#lib/format';

const q = (x: Record<string, unknown>) => questionSchema.parse({ id: 'q', label: 'Câu hỏi', ...x });
const choice = q({ type: 'choice', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] });
const multiple = q({ type: 'multiple', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }], maxChoices: 2 });
const devices = q({ type: 'number', min: 0, max: 500, integer: true, unit: 'máy' });
const decimal = q({ type: 'number', min: 0, max: 100, integer: false });
const text = q({ type: 'text', maxLength: 5 });
const scale = q({ type: 'scale', points: 5 });
const grid = q({
	type: 'grid',
	rows: [{ key: 'g6', label: 'Khối 6' }, { key: 'g7', label: 'Khối 7' }],
	columns: [{ key: 'pcs', label: 'Máy tính', kind: 'number', min: 0, max: 200 }, { key: 'net', label: 'Mạng', kind: 'choice', options: [{ value: 'yes', label: 'Có' }, { value: 'no', label: 'Không' }] }]
});
const file = q({ type: 'file' });

describe('answerProblem: one answer against its question (the message names the question number)', () => {
	const cases: [string, Question, unknown, string | null][] = [
		['a listed option', choice, 'a', null],
		['an option not listed', choice, 'z', 'Câu 3: hãy chọn trong các phương án đã cho'],
		['several options within the limit', multiple, ['a', 'c'], null],
		['more options than allowed', multiple, ['a', 'b', 'c'], 'Câu 3: chọn tối đa 2 phương án'],
		['an option twice', multiple, ['a', 'a'], 'Câu 3: hãy chọn trong các phương án đã cho'],
		['a whole number in range', devices, 120, null],
		['the upper bound itself', devices, 500, null],
		['above the range', devices, 501, 'Câu 3: phải là số nguyên từ 0 đến 500'],
		['a fraction where a whole number is asked', devices, 2.5, 'Câu 3: phải là số nguyên từ 0 đến 500'],
		['text where a number is asked', devices, '12', 'Câu 3: phải là số nguyên từ 0 đến 500'],
		['a decimal in range', decimal, 12.5, null],
		['a decimal out of range (comma shown)', decimal, -0.5, 'Câu 3: phải là số từ 0 đến 100'],
		['text within the length', text, 'abc', null],
		['text too long', text, 'abcdef', 'Câu 3: tối đa 5 ký tự'],
		['a scale point', scale, 5, null],
		['beyond the scale', scale, 6, 'Câu 3: chọn một mức từ 1 đến 5'],
		['a partly filled grid', grid, { g6: { pcs: 10 } }, null],
		['a grid cell out of range', grid, { g7: { pcs: 300 } }, 'Câu 3, hàng “Khối 7”, cột “Máy tính”: phải là số nguyên từ 0 đến 200'],
		['a grid choice not listed', grid, { g6: { net: 'maybe' } }, 'Câu 3, hàng “Khối 6”, cột “Mạng”: hãy chọn trong các phương án đã cho'],
		['a grid row not in the question', grid, { g9: { pcs: 1 } }, 'Câu 3: bảng có hàng hoặc cột không thuộc câu hỏi'],
		['a file id', file, '0b8f0c4e-3f43-4b9e-9d55-3f5d3f1c2a10', null],
		['not a file id', file, 'report.pdf', 'Câu 3: hãy tải lên một tệp']
	];
	it.each(cases)('%s', (_name, question, value, expected) => expect(answerProblem(question, 3, value)).toBe(expected));
});

describe('answerProblems: drafts allow gaps, a submission needs every required answer', () => {
	const def: SurveyDefinition = definitionSchema.parse({
		sections: [
			{ id: 's1', questions: [{ id: 'teachers', label: 'Số giáo viên', type: 'number', min: 0, max: 500, integer: true, required: true }, { id: 'note', label: 'Ghi chú', type: 'text' }] },
			{ id: 's2', questions: [{ ...grid, id: 'grid', required: true }] }
		]
	});
	it('a draft with gaps and valid answers passes', () => expect(answerProblems(def, { note: 'x' }, 'draft')).toEqual([]));
	it('a draft still type-checks what is given', () => expect(answerProblems(def, { teachers: 900 }, 'draft').map((i) => i.message)).toEqual(['Câu 1: phải là số nguyên từ 0 đến 500']));
	it('a submission lists every missing required answer by number', () =>
		expect(answerProblems(def, { note: 'x' }, 'submit').map((i) => [i.questionId, i.message])).toEqual([
			['teachers', 'Câu 1: bắt buộc trả lời'],
			['grid', 'Câu 3: bắt buộc trả lời']
		]));
	it('a required grid must be complete to submit', () => expect(answerProblems(def, { teachers: 10, grid: { g6: { pcs: 1, net: 'yes' } } }, 'submit').map((i) => i.message)).toEqual(['Câu 3: hãy điền đủ mọi ô của bảng']));
	it('a complete submission passes', () => expect(answerProblems(def, { teachers: 10, grid: { g6: { pcs: 1, net: 'yes' }, g7: { pcs: 0, net: 'no' } } }, 'submit')).toEqual([]));
	it('blank text does not answer a required question', () => expect(answerProblems(definitionSchema.parse({ sections: [{ id: 's1', questions: [{ id: 'why', label: 'Lý do', type: 'text', required: true }] }] }), { why: '   ' }, 'submit').map((i) => i.message)).toEqual(['Câu 1: bắt buộc trả lời']));
	it('an unknown question is refused', () => expect(answerProblems(def, { nope: 1 }, 'draft')[0].message).toBe('Không có câu hỏi “nope” trong khảo sát'));
});

describe('question definitions (zod discriminated union)', () => {
	it('refuses an unknown type', () => expect(questionSchema.safeParse({ id: 'x', label: 'X', type: 'date' }).success).toBe(false));
	it('refuses a choice with one option', () => expect(questionSchema.safeParse({ id: 'x', label: 'X', type: 'choice', options: [{ value: 'a', label: 'A' }] }).success).toBe(false));
	it('refuses min above max', () => expect(questionSchema.safeParse({ id: 'x', label: 'X', type: 'number', min: 5, max: 1 }).success).toBe(false));
	it('refuses duplicate question ids across sections', () =>
		expect(definitionSchema.safeParse({ sections: [{ id: 'a', questions: [{ id: 'x', label: 'X', type: 'text' }] }, { id: 'b', questions: [{ id: 'x', label: 'Y', type: 'text' }] }] }).success).toBe(false));
	it('fills defaults (not required, text of 2000)', () => expect(questionSchema.parse({ id: 'x', label: 'X', type: 'text' })).toMatchObject({ required: false, maxLength: 2000 }));
});

describe('when a school may still save', () => {
	const s = { opensAt: new Date('2026-11-01T00:00:00Z'), closesAt: new Date('2026-11-15T10:00:00Z'), status: 'sent' };
	const cases: [string, typeof s, string, Date, string | null][] = [
		['open', s, 'draft', new Date('2026-11-10T00:00:00Z'), null],
		['before opening', s, 'not_started', new Date('2026-10-31T00:00:00Z'), 'Khảo sát chưa mở.'],
		['after closing', s, 'draft', new Date('2026-11-15T10:00:00Z'), 'Khảo sát đã hết hạn nộp; không thể lưu hay nộp nữa. Hãy liên hệ cán bộ gửi khảo sát.'],
		['submitted', s, 'submitted', new Date('2026-11-10T00:00:00Z'), 'Trường đã nộp khảo sát; chỉ sửa được khi cán bộ gửi trả lại.'],
		['returned is open again', s, 'returned', new Date('2026-11-10T00:00:00Z'), null],
		['returned after closing is open again (the sender asked for a correction)', s, 'returned', new Date('2026-11-20T00:00:00Z'), null],
		['a draft survey', { ...s, status: 'draft' }, 'not_started', new Date('2026-11-10T00:00:00Z'), 'Khảo sát chưa được gửi.']
	];
	it.each(cases)('%s', (_n, survey, status, now, expected) => expect(responseClosedReason(survey, { status: status as never }, now)).toBe(expected));
});

describe('reminders: N days before closing, and on the last day in Vietnam', () => {
	const closes = new Date('2026-11-15T10:00:00Z'); // 17:00 in Hanoi
	const cases: [string, string, string[]][] = [
		['a week before: none', '2026-11-08T10:00:00Z', []],
		['three days before: before', '2026-11-12T10:00:00Z', ['before']],
		['the day before: before', '2026-11-14T12:00:00Z', ['before']],
		['closing day in Hanoi (01:00 there): last day', '2026-11-14T18:00:00Z', ['last_day']],
		['after closing: none', '2026-11-15T10:00:00Z', []],
		['three days before from 00:30 in Hanoi (not 72 hours before): before', '2026-11-11T17:30:00Z', ['before']],
		['four days before late in the evening in Hanoi: none', '2026-11-11T16:30:00Z', []]
	];
	it.each(cases)('%s', (_n, now, expected) => expect(remindersDue(closes, new Date(now), 3, (d) => todayInVietnam(d))).toEqual(expected));
	// Closing at 00:00 on 16 November in Hanoi: the last day to answer is the 15th.
	const midnight = new Date('2026-11-15T17:00:00Z');
	it('closing at midnight: the last day is the day before', () => expect(remindersDue(midnight, new Date('2026-11-15T10:00:00Z'), 3, (d) => todayInVietnam(d))).toEqual(['last_day']));
	it('closing at midnight: three days before the last day', () => expect(remindersDue(midnight, new Date('2026-11-11T18:00:00Z'), 3, (d) => todayInVietnam(d))).toEqual(['before']));
});

describe('definition problems are explained in Vietnamese', () => {
	const issue = (x: unknown) => questionSchema.safeParse(x).error?.issues[0];
	it('min above max names the maximum', () => expect(issue({ id: 'x', label: 'X', type: 'number', min: 5, max: 1 })).toMatchObject({ path: ['max'], message: 'Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất' }));
	it('two equal options', () => expect(issue({ id: 'x', label: 'X', type: 'choice', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] })?.message).toBe('Có hai phương án trùng nhau'));
	it('an id with capitals or accents', () => expect(issue({ id: 'Câu', label: 'X', type: 'text' })?.message).toBe('Chỉ gồm chữ thường không dấu, số và dấu gạch dưới (tối đa 40 ký tự)'));
});

describe('reordering and rewording the questions of a draft', () => {
	const text = (id: string) => ({ id, label: id.toUpperCase(), help: '', required: false, type: 'text' as const, maxLength: 2000 });
	const def: SurveyDefinition = { sections: [{ id: 's1', title: 'A', description: '', questions: [text('a'), text('b')] }, { id: 's2', title: 'B', description: '', questions: [text('c')] }] };
	const order = (d: SurveyDefinition | null) => d && d.sections.map((s) => s.questions.map((q) => q.id).join('')).join('|');

	it('swaps a question with its neighbour in the section, and the numbers follow', () => {
		const moved = moveQuestion(def, 'b', 'up');
		expect(order(moved)).toBe('ba|c');
		expect(numbered(moved!).map((x) => `${x.n}${x.q.id}`)).toEqual(['1b', '2a', '3c']);
		expect(order(def)).toBe('ab|c'); // the original is left as it was
	});

	it('crosses into the neighbouring section at the ends', () => {
		expect(order(moveQuestion(def, 'b', 'down'))).toBe('a|bc');
		expect(order(moveQuestion(def, 'c', 'up'))).toBe('abc|');
	});

	it('cannot move the first question up, the last down, or a question that is not there', () => {
		expect(moveQuestion(def, 'a', 'up')).toBeNull();
		expect(moveQuestion(def, 'c', 'down')).toBeNull();
		expect(moveQuestion(def, 'x', 'down')).toBeNull();
	});

	it('rewords a question and its required flag, keeping its type and id', () => {
		const d = rewordQuestion(def, 'c', { label: 'Câu mới', help: 'Gợi ý', required: true });
		expect(d!.sections[1].questions[0]).toEqual({ ...text('c'), label: 'Câu mới', help: 'Gợi ý', required: true });
		expect(def.sections[1].questions[0].label).toBe('C');
		expect(rewordQuestion(def, 'x', { label: 'y', help: '', required: false })).toBeNull();
	});
});
