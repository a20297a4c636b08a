/**
 * Questions from Moodle's GIFT text format, read by gift-pegjs (MIT, a maintained PEG grammar of
 * GIFT), mapped onto Sen's question kinds. Pure: no database. `$CATEGORY:` lines set the topic of
 * the questions after them; descriptions are skipped; every problem names its line.
 */
import { parse } from 'gift-pegjs';
import type { CognitiveLevel, QuestionBody, QuestionKind } from './questions';
import { bodyProblems, questionBodySchema } from './questions';
import { m } from '#lib/paraglide/messages.js';

export interface GiftQuestion {
	/** The question's number in the file, from 1. */
	number: number;
	kind: QuestionKind;
	level: CognitiveLevel;
	topic: string;
	stem: string;
	points: number;
	body: QuestionBody;
}

type Text = { format?: string; text: string };
type Choice = { isCorrect: boolean; weight: number | null; text: Text | NumericChoice };
type NumericChoice = { type: 'simple' | 'range' | 'high-low'; number?: number; range?: number; numberHigh?: number; numberLow?: number };
type Parsed =
	| { type: 'Category'; title: string }
	| { type: 'Description'; stem: Text }
	| { type: 'MC' | 'Short'; stem: Text; choices: Choice[] }
	| { type: 'TF'; stem: Text; isTrue: boolean }
	| { type: 'Numerical'; stem: Text; choices: NumericChoice | Choice[] }
	| { type: 'Matching'; stem: Text; matchPairs: { subquestion: Text; subanswer: string }[] }
	| { type: 'Essay'; stem: Text };

/** Plain text of a GIFT text: HTML tags of the [html] format dropped, entities of the common few read. */
const plain = (t: Text | undefined) => {
	const s = t?.text ?? '';
	if (t?.format !== 'html') return s.trim();
	return s
		.replace(/<\/?(?:b|i|em|strong|u|span|sup|sub|a|code)\b[^>]*>/gi, '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
};

function numericBody(c: NumericChoice): QuestionBody | null {
	if (c.type === 'range' && c.number !== undefined) return { kind: 'numeric', answer: c.number, tolerance: Math.abs(c.range ?? 0) };
	if (c.type === 'high-low' && c.numberHigh !== undefined && c.numberLow !== undefined) return { kind: 'numeric', answer: (c.numberHigh + c.numberLow) / 2, tolerance: Math.abs(c.numberHigh - c.numberLow) / 2 };
	if (c.number !== undefined) return { kind: 'numeric', answer: c.number, tolerance: 0 };
	return null;
}

/** One parsed GIFT question as Sen's body, or null when it has no usable key. */
function bodyOf(q: Exclude<Parsed, { type: 'Category' | 'Description' }>): QuestionBody | null {
	switch (q.type) {
		case 'TF':
			return { kind: 'true_false', correct: q.isTrue };
		case 'Essay':
			return { kind: 'essay', guidance: '' };
		case 'Short':
			return { kind: 'short_answer', answers: q.choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0).map((c) => plain(c.text as Text)), ignoreDiacritics: false };
		case 'Matching':
			return { kind: 'matching', pairs: q.matchPairs.map((p) => ({ left: plain(p.subquestion), right: p.subanswer.trim() })) };
		case 'Numerical': {
			const c = Array.isArray(q.choices) ? (q.choices.find((x) => x.isCorrect || (x.weight ?? 0) >= 100)?.text as NumericChoice | undefined) : q.choices;
			return c ? numericBody(c) : null;
		}
		case 'MC': {
			const options = q.choices.map((c, i) => ({ id: String.fromCharCode(97 + i), text: plain(c.text as Text) }));
			const right = q.choices.map((c, i) => ((c.isCorrect || (c.weight ?? 0) > 0) ? options[i].id : null)).filter((x): x is string => x !== null);
			// Weighted answers (~%50%…) are Moodle's multiple answer; one "=" is a single choice.
			const multiple = right.length > 1 || q.choices.some((c) => c.weight !== null);
			return multiple ? { kind: 'multiple', options, correct: right } : { kind: 'single', options, correct: right[0] ?? '' };
		}
	}
}

/** The questions of a GIFT text, or every problem with its question number (or line, for a syntax error). */
export function parseGift(text: string, defaults: { level?: CognitiveLevel } = {}): { questions: GiftQuestion[]; errors: { row: number; column: string; message: string }[] } {
	let parsed: Parsed[];
	try {
		parsed = parse(text.replace(/^\uFEFF/, '')) as unknown as Parsed[];
	} catch (e) {
		const line = (e as { location?: { start?: { line?: number } } }).location?.start?.line ?? 0;
		return { questions: [], errors: [{ row: line, column: '', message: m.qi_gift_syntax({ line }) }] };
	}
	const questions: GiftQuestion[] = [];
	const errors: { row: number; column: string; message: string }[] = [];
	let topic = '';
	let n = 0;
	for (const q of parsed) {
		if (q.type === 'Category') {
			topic = q.title.split('/').filter(Boolean).at(-1)?.trim() ?? '';
			continue;
		}
		if (q.type === 'Description') continue;
		n++;
		const stem = plain(q.stem);
		const raw = bodyOf(q);
		const body = raw ? questionBodySchema.safeParse(raw) : null;
		if (!stem) errors.push({ row: n, column: '', message: m.qi_stem_required() });
		else if (!body?.success || bodyProblems(body.data).length) errors.push({ row: n, column: '', message: m.qi_body_invalid() });
		else questions.push({ number: n, kind: body.data.kind, level: defaults.level ?? 'nhan_biet', topic, stem, points: 1, body: body.data });
	}
	if (!n && !errors.length) errors.push({ row: 0, column: '', message: m.qi_empty() });
	return { questions, errors };
}
