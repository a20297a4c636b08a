/**
 * Form parsing and read models for the e-learning pages (/lessons, /questions, /learn). The pages
 * post plain forms (they work without JavaScript); these turn the fields into the same inputs the
 * API takes, so zod and the services decide everything.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { classes } from '../organisations/schema';
import { persons } from '../people/schema';
import { fullName } from '../people/names';
import { listAssignments } from '../gradebook/service';
import type { Answer } from './questions';
import { ValidationError } from '../errors';

const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
/** "0,5" or "0.5" → 0.5; blank or not a number → null (Vietnamese writes the decimal comma). */
export function decimalOf(s: string | undefined | null): number | null {
	if (s === undefined || s === null || s.trim() === '') return null;
	const n = Number(s.trim().replace(/\s/g, '').replace(',', '.'));
	return Number.isFinite(n) ? n : null;
}
const optionId = (i: number) => String.fromCharCode(97 + i); // a, b, c …

/**
 * A question from the bank's form: options one per line (A, B, C … in order), the key as option
 * letters, short answers one per line, matching pairs as "left | right" lines.
 */
export function questionFromForm(v: Record<string, string | undefined>) {
	const kind = v.kind ?? '';
	const options = lines(v.options).map((text, i) => ({ id: optionId(i), text }));
	const letters = (v.correct ?? '')
		.toLowerCase()
		.split(/[\s,;]+/)
		.filter(Boolean);
	let body: Record<string, unknown>;
	switch (kind) {
		case 'single':
			body = { kind, options, correct: letters[0] ?? '' };
			break;
		case 'multiple':
			body = { kind, options, correct: letters };
			break;
		case 'true_false':
			body = { kind, correct: v.truth !== 'false' };
			break;
		case 'short_answer':
			body = { kind, answers: lines(v.answers), ignoreDiacritics: v.ignoreDiacritics === 'on' };
			break;
		case 'numeric':
			body = { kind, answer: decimalOf(v.answer) ?? NaN, tolerance: decimalOf(v.tolerance) ?? 0 };
			break;
		case 'matching':
			body = { kind, pairs: lines(v.pairs).map((l) => ({ left: l.split('|')[0]?.trim() ?? '', right: l.split('|').slice(1).join('|').trim() })) };
			break;
		default:
			body = { kind, guidance: v.guidance ?? '' };
	}
	return {
		subjectId: v.subjectId,
		grade: decimalOf(v.grade),
		level: v.level,
		topic: v.topic ?? '',
		stem: v.stem ?? '',
		points: decimalOf(v.points) ?? 1,
		body
	};
}

/** A block from the lesson's add-block form. */
export function blockFromForm(v: Record<string, string | undefined>) {
	const title = v.title ?? '';
	switch (v.kind) {
		case 'image':
			return { kind: 'image', title, url: v.url ?? '', alt: v.alt ?? '' };
		case 'video':
			return { kind: 'video', title, url: v.url ?? '' };
		case 'embed':
			return { kind: 'embed', title, url: v.url ?? '' };
		default:
			return { kind: 'text', title, body: v.body ?? '' };
	}
}

/** A quiz from the lesson's quiz form (the chosen questions are checkboxes named questionIds). */
export function quizFromForm(form: FormData) {
	const s = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined);
	return {
		title: s('title') ?? '',
		questionIds: form.getAll('questionIds').filter((x): x is string => typeof x === 'string'),
		drawCount: decimalOf(s('drawCount')),
		shuffle: s('shuffle') === 'on',
		timeLimitMinutes: decimalOf(s('timeLimitMinutes')),
		maxAttempts: decimalOf(s('maxAttempts')) ?? 1
	};
}

/** A `datetime-local` value, read as Vietnam's time (UTC+7, no daylight saving), as a Date. */
export function vietnamLocalTime(s: string | undefined): Date | null {
	if (!s) return null;
	const d = new Date(`${s.length === 16 ? s + ':00' : s}+07:00`);
	return Number.isNaN(d.getTime()) ? null : d;
}
/** A Date as the `datetime-local` value in Vietnam's time. */
export const toVietnamLocal = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 7 * 3600_000).toISOString().slice(0, 16) : '');

/** The learner's answers from the quiz form: one field `q.<id>` per question (matching: `q.<id>.<n>` per left item). */
export function answersFromForm(form: FormData, qs: readonly { id: string; kind: string; body: Record<string, unknown> }[]): Record<string, Answer> {
	const out: Record<string, Answer> = {};
	const one = (k: string) => {
		const x = form.get(k);
		return typeof x === 'string' ? x : '';
	};
	for (const q of qs) {
		const k = `q.${q.id}`;
		switch (q.kind) {
			case 'single':
				out[q.id] = { kind: 'single', choice: one(k) || null };
				break;
			case 'multiple':
				out[q.id] = { kind: 'multiple', choices: form.getAll(k).filter((x): x is string => typeof x === 'string') };
				break;
			case 'true_false':
				out[q.id] = { kind: 'true_false', value: one(k) === 'true' ? true : one(k) === 'false' ? false : null };
				break;
			case 'short_answer':
				out[q.id] = { kind: 'short_answer', text: one(k) };
				break;
			case 'numeric':
				out[q.id] = { kind: 'numeric', value: decimalOf(one(k)) };
				break;
			case 'matching': {
				const lefts = (q.body.lefts as string[]) ?? [];
				out[q.id] = { kind: 'matching', matches: Object.fromEntries(lefts.map((l, i) => [l, one(`${k}.${i}`)]).filter(([, r]) => r)) };
				break;
			}
			default:
				out[q.id] = { kind: 'essay', text: one(k) };
		}
	}
	return out;
}

/** The classes a teacher may give a lesson of this subject to: where they teach it (phân công). */
export async function classesToAssign(db: Executor, p: Principal, subjectId: string) {
	const mine = await listAssignments(db, p, { teacherId: p.personId }).catch(() => []);
	return mine.filter((a) => a.subjectId === subjectId).map((a) => ({ id: a.classId, name: a.className }));
}

/** Whose learning a page shows: the learner themself, or a parent's chosen child (the first by default). */
export async function learnerChoice(db: Executor, p: Principal, asked: string | null) {
	const kids = p.childIds.length ? await db.select().from(persons).where(inArray(persons.id, p.childIds)) : [];
	const children = kids.map((k) => ({ id: k.id, name: fullName(k) }));
	const isLearner = p.grants.some((g) => g.role === 'learner');
	const learnerId = asked && (asked === p.personId || p.childIds.includes(asked)) ? asked : isLearner ? p.personId : (children[0]?.id ?? null);
	return { learnerId, children, self: learnerId === p.personId };
}

export async function className(db: Executor, classId: string) {
	const [c] = await db.select({ name: classes.name }).from(classes).where(eq(classes.id, classId));
	return c?.name ?? '';
}

/** The question's body lives in several form fields: `body.options.1.text` is the field `options`. */
export function questionFormError(e: unknown): unknown {
	if (!(e instanceof ValidationError)) return e;
	const field = (path: string) => {
		const m = path.match(/^body\.(options|correct|answers|answer|tolerance|pairs|guidance)(\.|$)/);
		return m ? m[1] : path === 'body' ? 'kind' : path;
	};
	return new ValidationError(e.message, e.issues.map((i) => ({ path: field(i.path), message: i.message })));
}

/** A library item from the publish form: checkboxes for levels, contexts and modes; grades and competencies as lists. */
export function libraryItemFromForm(form: FormData) {
	const s = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string).trim() : '');
	const all = (k: string) => form.getAll(k).filter((x): x is string => typeof x === 'string');
	return {
		title: s('title'),
		description: s('description'),
		url: s('url') || null,
		lessonId: s('lessonId') || null,
		reach: s('reach') || 'school',
		levels: all('levels'),
		grades: s('grades')
			.split(/[\s,;]+/)
			.filter(Boolean)
			.map(Number),
		subject: s('subject'),
		competencies: s('competencies')
			.split(/[,;\n]+/)
			.map((x) => x.trim())
			.filter(Boolean),
		contexts: all('contexts'),
		modes: all('modes')
	};
}
