import { describe, expect, it } from 'vitest';
import { parseQuestionRows, QUESTION_HEADERS } from './question-import';

const row = (number: number, cells: (string | number | null)[]) => ({ number, cells });
const header = row(1, [...QUESTION_HEADERS]);

describe('questions from a spreadsheet', () => {
	it('reads every kind from the template layout, letters, Đúng/Sai, decimal commas and pairs', () => {
		const { questions, errors } = parseQuestionRows([
			header,
			row(2, [1, 'Một lựa chọn', 'Nhận biết', 'Phân số', 'Phân số nào bằng 1/2?', '2/4', '2/3', '', '', '', '', 'a', 1]),
			row(3, [2, 'nhieu lua chon', 'Thông hiểu', '', 'Chọn các số chẵn', '2', '3', '4', '', '', '', 'A, C', 2]),
			row(4, [3, 'Đúng/Sai', '', '', '-3 là số âm', '', '', '', '', '', '', 'Đúng', null]),
			row(5, [4, 'Trả lời ngắn', 'Vận dụng', '', 'Thủ đô?', '', '', '', '', '', '', 'Hà Nội | Ha Noi', 1]),
			row(6, [5, 'Điền số', 'Vận dụng cao', '', '1/4 = ?', '', '', '', '', '', '', '0,25', 1]),
			row(7, [6, 'Ghép đôi', '', '', 'Ghép', '1/2 | 0,5', '1/4 | 0,25', '', '', '', '', '', 2]),
			row(8, [7, 'Tự luận', '', '', 'Giải thích', '', '', '', '', '', '', 'Rút gọn', 3]),
			row(9, [null, '', '', '', '', '', '', '', '', '', '', '', ''])
		]);
		expect(errors).toEqual([]);
		expect(questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'true_false', 'short_answer', 'numeric', 'matching', 'essay']);
		expect(questions[0].body).toEqual({ kind: 'single', options: [{ id: 'a', text: '2/4' }, { id: 'b', text: '2/3' }], correct: 'a' });
		expect(questions[1]).toMatchObject({ level: 'thong_hieu', points: 2, body: { correct: ['a', 'c'] } });
		expect(questions[2]).toMatchObject({ level: 'nhan_biet', points: 1, body: { kind: 'true_false', correct: true } });
		expect(questions[3].body).toMatchObject({ answers: ['Hà Nội', 'Ha Noi'] });
		expect(questions[4]).toMatchObject({ level: 'van_dung_cao', body: { answer: 0.25 } });
		expect(questions[5].body).toEqual({ kind: 'matching', pairs: [{ left: '1/2', right: '0,5' }, { left: '1/4', right: '0,25' }] });
	});

	it('names the cell of every problem, and keeps none of a bad row', () => {
		const { questions, errors } = parseQuestionRows([
			header,
			row(2, [1, 'Trắc nghiệm', '', '', 'x', '', '', '', '', '', '', '', '']),
			row(3, [2, 'Một lựa chọn', 'Khó', '', '', 'x', 'y', '', '', '', '', 'D', 0]),
			row(4, [3, 'Đúng/Sai', '', '', 'x', '', '', '', '', '', '', 'Có', '']),
			row(5, [4, 'Điền số', '', '', 'x', '', '', '', '', '', '', 'nhiều', '']),
			row(6, [5, 'Ghép đôi', '', '', 'x', 'không có vạch', 'a | b', '', '', '', '', '', ''])
		]);
		expect(questions).toEqual([]);
		const at = (r: number) => errors.filter((e) => e.row === r).map((e) => e.column);
		expect(at(2)).toEqual(['B']);
		expect(at(3)).toEqual(expect.arrayContaining(['C', 'E', 'M', 'L']));
		expect(at(4)).toEqual(['L']);
		expect(at(5)).toEqual(['L']);
		expect(at(6)).toEqual(['F']);
		expect(errors.find((e) => e.row === 3 && e.column === 'L')!.message).toBe('Đáp án đúng phải là một trong các phương án.');
	});
});
