/**
 * Surveys (khảo sát) — the pure part: what a question is (a zod discriminated union on `type`),
 * how an answer is checked against its question, and what a submission needs. Every message
 * names the question by its number in the whole survey ("Câu 3: …"), as officers print them.
 *
 * Answers are JSON: choice → the option's value; multiple → an array of values; number → a
 * number; text → a string; scale → an integer 1…N; grid → `{ [rowKey]: { [columnKey]: number |
 * value } }`; file → the id of a file stored through the files module.
 */
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

export const QUESTION_TYPES = ['choice', 'multiple', 'number', 'text', 'scale', 'grid', 'file'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SURVEY_STATUSES = ['draft', 'sent'] as const;
export const RESPONSE_STATUSES = ['not_started', 'draft', 'submitted', 'returned'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export const SCHOOL_LEVELS = ['preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level'] as const;

const key = z.string().trim().regex(/^[a-z0-9_]{1,40}$/, { error: () => m.prgsrv_z_key() });
const label = z.string().trim().min(1).max(500);
const option = z.object({ value: key, label });
const options = z
	.array(option)
	.min(2)
	.max(50)
	.refine((o) => new Set(o.map((x) => x.value)).size === o.length, { error: () => m.prgsrv_z_duplicate_option() });

const common = { id: key, label, help: z.string().trim().max(1000).default(''), required: z.boolean().default(false) };

export const gridColumn = z.discriminatedUnion('kind', [
	z.object({ key, label, kind: z.literal('number'), min: z.number().default(0), max: z.number().default(100_000), integer: z.boolean().default(true) }),
	z.object({ key, label, kind: z.literal('choice'), options })
]);

export const questionSchema = z
	.discriminatedUnion('type', [
		z.object({ ...common, type: z.literal('choice'), options }),
		z.object({ ...common, type: z.literal('multiple'), options, maxChoices: z.number().int().min(1).optional() }),
		z.object({ ...common, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(false), unit: z.string().trim().max(40).default('') }),
		z.object({ ...common, type: z.literal('text'), maxLength: z.number().int().min(1).max(20_000).default(2000) }),
		z.object({ ...common, type: z.literal('scale'), points: z.number().int().min(2).max(10).default(5), minLabel: z.string().trim().max(100).default(''), maxLabel: z.string().trim().max(100).default('') }),
		z.object({ ...common, type: z.literal('grid'), rows: z.array(z.object({ key, label })).min(1).max(50), columns: z.array(gridColumn).min(1).max(20) }),
		z.object({ ...common, type: z.literal('file'), maxMb: z.number().min(0.1).max(100).default(10), accept: z.array(z.enum(['pdf', 'image', 'office', 'any'])).min(1).default(['any']) })
	])
	.refine((q) => q.type !== 'number' || q.min === undefined || q.max === undefined || q.min <= q.max, { error: () => m.prgsrv_z_min_max(), path: ['max'] });
export type Question = z.infer<typeof questionSchema>;
export type GridColumn = z.infer<typeof gridColumn>;

export const sectionSchema = z.object({ id: key, title: z.string().trim().max(300).default(''), description: z.string().trim().max(2000).default(''), questions: z.array(questionSchema).max(200) });
export const definitionSchema = z
	.object({ sections: z.array(sectionSchema).min(1).max(30) })
	.refine((d) => { const ids = d.sections.flatMap((s) => s.questions.map((q) => q.id)); return new Set(ids).size === ids.length; }, { error: () => m.prgsrv_z_duplicate_question() });
export type SurveyDefinition = z.infer<typeof definitionSchema>;
export type Answers = Record<string, unknown>;

/** Every question in order with its number in the whole survey (Câu 1, 2, …). */
export function numbered(def: SurveyDefinition): { n: number; section: string; q: Question }[] {
	let n = 0;
	return def.sections.flatMap((s) => s.questions.map((q) => ({ n: ++n, section: s.id, q })));
}

/**
 * The definition with one question moved a place up or down (the numbers follow). At the top or
 * bottom of its section it crosses into the neighbouring section (end of the one before, start of
 * the one after); null when it cannot move further or is not there.
 */
export function moveQuestion(def: SurveyDefinition, questionId: string, direction: 'up' | 'down'): SurveyDefinition | null {
	const d = structuredClone(def);
	const si = d.sections.findIndex((s) => s.questions.some((q) => q.id === questionId));
	if (si < 0) return null;
	const qs = d.sections[si].questions;
	const qi = qs.findIndex((q) => q.id === questionId);
	const to = direction === 'up' ? qi - 1 : qi + 1;
	if (to >= 0 && to < qs.length) {
		[qs[qi], qs[to]] = [qs[to], qs[qi]];
		return d;
	}
	const next = direction === 'up' ? si - 1 : si + 1;
	if (next < 0 || next >= d.sections.length) return null;
	const [q] = qs.splice(qi, 1);
	if (direction === 'up') d.sections[next].questions.push(q);
	else d.sections[next].questions.unshift(q);
	return d;
}

/** The definition with a question's wording and required flag changed (its type and answers' shape stay); null when it is not there. */
export function rewordQuestion(def: SurveyDefinition, questionId: string, wording: { label: string; help: string; required: boolean }): SurveyDefinition | null {
	const d = structuredClone(def);
	const q = d.sections.flatMap((s) => s.questions).find((x) => x.id === questionId);
	if (!q) return null;
	Object.assign(q, wording);
	return d;
}

/** Nothing given: no value, blank text (spaces only), no option, an empty grid. */
export const isEmptyAnswer = (v: unknown) =>
	v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

const fmt = (x: number) => String(x).replace('.', ',');
function rangeMessage(n: number, min: number | undefined, max: number | undefined, integer: boolean) {
	const kind = integer ? m.prgsrv_v_kind_integer() : m.prgsrv_v_kind_number();
	if (min !== undefined && max !== undefined) return m.prgsrv_v_number_between({ n, kind, min: fmt(min), max: fmt(max) });
	if (min !== undefined) return m.prgsrv_v_number_min({ n, kind, min: fmt(min) });
	if (max !== undefined) return m.prgsrv_v_number_max({ n, kind, max: fmt(max) });
	return m.prgsrv_v_number({ n, kind });
}
const numberOk = (v: unknown, min: number | undefined, max: number | undefined, integer: boolean) =>
	typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isInteger(v)) && (min === undefined || v >= min) && (max === undefined || v <= max);

/**
 * Checks one non-empty answer against its question; null when it is valid, else the message.
 * (Whether an empty answer is allowed is `submissionProblems`' business: drafts may leave gaps.)
 */
export function answerProblem(q: Question, n: number, v: unknown): string | null {
	switch (q.type) {
		case 'choice':
			return typeof v === 'string' && q.options.some((o) => o.value === v) ? null : m.prgsrv_v_choice({ n });
		case 'multiple': {
			if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && q.options.some((o) => o.value === x)) || new Set(v).size !== v.length) return m.prgsrv_v_choice({ n });
			return q.maxChoices !== undefined && v.length > q.maxChoices ? m.prgsrv_v_max_choices({ n, max: q.maxChoices }) : null;
		}
		case 'number':
			return numberOk(v, q.min, q.max, q.integer) ? null : rangeMessage(n, q.min, q.max, q.integer);
		case 'text':
			if (typeof v !== 'string') return m.prgsrv_v_text({ n });
			return v.length > q.maxLength ? m.prgsrv_v_text_length({ n, max: q.maxLength }) : null;
		case 'scale':
			return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= q.points ? null : m.prgsrv_v_scale({ n, max: q.points });
		case 'grid': {
			if (typeof v !== 'object' || v === null || Array.isArray(v)) return m.prgsrv_v_grid({ n });
			for (const [rk, row] of Object.entries(v as Record<string, unknown>)) {
				const r = q.rows.find((x) => x.key === rk);
				if (!r || typeof row !== 'object' || row === null || Array.isArray(row)) return m.prgsrv_v_grid({ n });
				for (const [ck, cell] of Object.entries(row as Record<string, unknown>)) {
					const c = q.columns.find((x) => x.key === ck);
					if (!c) return m.prgsrv_v_grid({ n });
					if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
					const ok = c.kind === 'number' ? numberOk(cell, c.min, c.max, c.integer) : typeof cell === 'string' && c.options.some((o) => o.value === cell);
					if (!ok) return m.prgsrv_v_grid_cell({ n, row: r.label, column: c.label, rule: c.kind === 'number' ? rangeMessage(n, c.min, c.max, c.integer).replace(/^[^:]*:\s*/, '') : m.prgsrv_v_grid_choice() });
				}
			}
			return null;
		}
		case 'file':
			return typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? null : m.prgsrv_v_file({ n });
	}
}

/** A grid is complete when every cell of every row is filled. */
const gridComplete = (q: Extract<Question, { type: 'grid' }>, v: unknown) => {
	const g = (v ?? {}) as Record<string, Record<string, unknown>>;
	return q.rows.every((r) => q.columns.every((c) => !isEmptyAnswer(g[r.key]?.[c.key])));
};

export interface AnswerIssue {
	questionId: string;
	n: number;
	message: string;
}

/**
 * What is wrong with a set of answers: every given answer is type-checked, unknown question ids
 * refused; with `submit`, every required question must also be answered (a required grid in full).
 */
export function answerProblems(def: SurveyDefinition, answers: Answers, mode: 'draft' | 'submit'): AnswerIssue[] {
	const issues: AnswerIssue[] = [];
	const qs = numbered(def);
	for (const id of Object.keys(answers)) if (!qs.some((x) => x.q.id === id)) issues.push({ questionId: id, n: 0, message: m.prgsrv_v_unknown({ id }) });
	for (const { n, q } of qs) {
		const v = answers[q.id];
		if (isEmptyAnswer(v)) {
			if (mode === 'submit' && q.required) issues.push({ questionId: q.id, n, message: m.prgsrv_v_required({ n }) });
			continue;
		}
		const problem = answerProblem(q, n, v);
		if (problem) issues.push({ questionId: q.id, n, message: problem });
		else if (mode === 'submit' && q.required && q.type === 'grid' && !gridComplete(q, v)) issues.push({ questionId: q.id, n, message: m.prgsrv_v_grid_incomplete({ n }) });
	}
	return issues;
}

/** Drops empty answers, so a stored draft holds only what was filled. */
export const compactAnswers = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([, v]) => !isEmptyAnswer(v)));

/**
 * Why a school may not save or submit now (null = it may): before opening, after closing, once
 * submitted. A response the sender returned stays open after closing: the return asks for a
 * correction (often after the deadline), and the cleared index must be restorable.
 */
export function responseClosedReason(s: { opensAt: Date; closesAt: Date; status: string }, r: { status: ResponseStatus }, now: Date): string | null {
	if (s.status !== 'sent') return m.prgsrv_not_sent();
	if (r.status === 'submitted') return m.prgsrv_already_submitted();
	if (r.status === 'returned') return null;
	if (now < s.opensAt) return m.prgsrv_not_open_yet();
	if (now >= s.closesAt) return m.prgsrv_closed();
	return null;
}

/** Reminder days before closing; plus one on the last day (Vietnam's calendar day of closing). */
export const REMINDER_DAYS_BEFORE = 3;

/**
 * Which reminders are due for an unsubmitted response now, by Vietnam's calendar: `before` from
 * the day N days before the last day, `last_day` on the last day — the day of the last open
 * moment, so a survey closing at 00:00 has its last day the day before. Each is sent once (the
 * caller's notify key).
 */
export function remindersDue(closesAt: Date, now: Date, daysBefore = REMINDER_DAYS_BEFORE, vnDate: (d: Date) => string): ('before' | 'last_day')[] {
	if (now >= closesAt) return [];
	const lastDay = vnDate(new Date(closesAt.getTime() - 1));
	const daysLeft = Math.round((Date.parse(lastDay) - Date.parse(vnDate(now))) / 86_400_000);
	if (daysLeft <= 0) return ['last_day'];
	return daysLeft <= daysBefore ? ['before'] : [];
}
