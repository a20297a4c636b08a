/**
 * The question bank's question kinds and how each is graded. Pure: no database, no HTTP.
 *
 * Kinds: single choice, multiple choice, true/false, short answer, numeric, matching, essay. The
 * objective kinds are graded here; an essay waits for the teacher. A question's cognitive level
 * follows the four levels Vietnamese test matrices use (Công văn 8773/BGDĐT-GDTrH 2018, and the
 * 2022 matrix guidance): nhận biết, thông hiểu, vận dụng, vận dụng cao.
 */
import { z } from 'zod';

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short_answer', 'numeric', 'matching', 'essay'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const COGNITIVE_LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
export type CognitiveLevel = (typeof COGNITIVE_LEVELS)[number];

const text = z.string().trim().min(1).max(2000);
const option = z.object({ id: z.string().min(1).max(20), text });

/** What the teacher writes for each kind: the options and the key. */
export const questionBodySchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('single'), options: z.array(option).min(2).max(10), correct: z.string() }),
	z.object({ kind: z.literal('multiple'), options: z.array(option).min(2).max(10), correct: z.array(z.string()).min(1) }),
	z.object({ kind: z.literal('true_false'), correct: z.boolean() }),
	/** Accepted answers; diacritics count unless `ignoreDiacritics` ("Hà Nội" is not "Ha Noi" in a spelling question). */
	z.object({ kind: z.literal('short_answer'), answers: z.array(text).min(1).max(20), ignoreDiacritics: z.boolean().default(false) }),
	z.object({ kind: z.literal('numeric'), answer: z.number().finite(), tolerance: z.number().min(0).default(0) }),
	z.object({ kind: z.literal('matching'), pairs: z.array(z.object({ left: text, right: text })).min(2).max(12) }),
	z.object({ kind: z.literal('essay'), guidance: z.string().max(5000).default('') })
]);
export type QuestionBody = z.infer<typeof questionBodySchema>;

/** A key that points at options that exist, and unique option ids: what zod alone cannot say. */
export function bodyProblems(b: QuestionBody): { path: string; message: 'unknown_option' | 'duplicate_option' | 'duplicate_left' }[] {
	const problems: { path: string; message: 'unknown_option' | 'duplicate_option' | 'duplicate_left' }[] = [];
	if (b.kind === 'single' || b.kind === 'multiple') {
		const ids = b.options.map((o) => o.id);
		if (new Set(ids).size !== ids.length) problems.push({ path: 'body.options', message: 'duplicate_option' });
		const keys = b.kind === 'single' ? [b.correct] : b.correct;
		if (keys.some((k) => !ids.includes(k))) problems.push({ path: 'body.correct', message: 'unknown_option' });
	}
	if (b.kind === 'matching' && new Set(b.pairs.map((p) => p.left)).size !== b.pairs.length) problems.push({ path: 'body.pairs', message: 'duplicate_left' });
	return problems;
}

/** What a learner sends for each kind. */
export type Answer =
	| { kind: 'single'; choice: string | null }
	| { kind: 'multiple'; choices: string[] }
	| { kind: 'true_false'; value: boolean | null }
	| { kind: 'short_answer'; text: string }
	| { kind: 'numeric'; value: number | null }
	/** left → the right the learner matched it with. */
	| { kind: 'matching'; matches: Record<string, string> }
	| { kind: 'essay'; text: string };

export interface Grade {
	/** Share of the question's points earned, 0..1; null while an essay waits for the teacher. */
	fraction: number | null;
}

const normalise = (s: string, ignoreDiacritics: boolean) => {
	let t = s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
	if (ignoreDiacritics) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
	return t;
};

/**
 * Grades one answer. Multiple choice earns partial credit: (right choices − wrong choices) ÷
 * number of right options, never below 0, so ticking everything earns nothing. Matching earns the
 * share of pairs matched right. A missing or malformed answer earns 0.
 */
export function gradeAnswer(body: QuestionBody, answer: Answer | undefined): Grade {
	if (body.kind === 'essay') return { fraction: answer && answer.kind === 'essay' && answer.text.trim() ? null : 0 };
	if (!answer || answer.kind !== body.kind) return { fraction: 0 };
	switch (body.kind) {
		case 'single':
			return { fraction: (answer as { choice: string | null }).choice === body.correct ? 1 : 0 };
		case 'multiple': {
			const chosen = new Set((answer as { choices: string[] }).choices);
			const right = body.correct.filter((c) => chosen.has(c)).length;
			const wrong = [...chosen].filter((c) => !body.correct.includes(c)).length;
			return { fraction: Math.max(0, (right - wrong) / body.correct.length) };
		}
		case 'true_false':
			return { fraction: (answer as { value: boolean | null }).value === body.correct ? 1 : 0 };
		case 'short_answer': {
			const given = normalise((answer as { text: string }).text, body.ignoreDiacritics);
			return { fraction: given !== '' && body.answers.some((a) => normalise(a, body.ignoreDiacritics) === given) ? 1 : 0 };
		}
		case 'numeric': {
			const v = (answer as { value: number | null }).value;
			return { fraction: v !== null && Number.isFinite(v) && Math.abs(v - body.answer) <= body.tolerance + 1e-9 ? 1 : 0 };
		}
		case 'matching': {
			const matches = (answer as { matches: Record<string, string> }).matches;
			const right = body.pairs.filter((p) => matches[p.left] === p.right).length;
			return { fraction: right / body.pairs.length };
		}
	}
}

/** The question as a learner sees it: no key. Matching's right-hand side is offered as a sorted list. */
export function publicBody(body: QuestionBody): Record<string, unknown> {
	switch (body.kind) {
		case 'single':
		case 'multiple':
			return { kind: body.kind, options: body.options };
		case 'matching':
			return { kind: body.kind, lefts: body.pairs.map((p) => p.left), rights: [...new Set(body.pairs.map((p) => p.right))].sort((a, b) => a.localeCompare(b, 'vi')) };
		default:
			return { kind: body.kind };
	}
}

/** Points earned, to two decimals, from a fraction and the question's points. */
export const pointsOf = (fraction: number, points: number) => Math.round(fraction * points * 100) / 100;
