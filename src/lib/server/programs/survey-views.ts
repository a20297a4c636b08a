/**
 * The survey pages' form fields turned into the API's shapes. Answer fields are `q_<id>`; a
 * multiple choice one checkbox per option `q_<id>__<value>`; a grid one input per cell
 * `q_<id>__<row>__<column>`; a file question keeps its stored file in `q_<id>__keep` unless a new
 * one is uploaded. Numbers accept a decimal comma (12,5). Builder fields describe one question.
 */
import { vietnamMoment } from '../learning/assignment-views';
import { numbered, type Answers, type SurveyDefinition } from './survey-rules';

type Fields = Record<string, string | undefined>;

/** "12,5" → 12.5; what is not a number stays text, so the answer check can name the question. */
const number = (v: string | undefined) => {
	if (v === undefined) return undefined;
	const t = v.trim().replace(/\s/g, '').replace(',', '.');
	return t !== '' && Number.isFinite(Number(t)) ? Number(t) : v;
};

export function answersFromForm(def: SurveyDefinition, f: Fields): Answers {
	const out: Answers = {};
	for (const { q } of numbered(def)) {
		const k = `q_${q.id}`;
		switch (q.type) {
			case 'choice':
			case 'text':
				out[q.id] = f[k];
				break;
			case 'number':
			case 'scale':
				out[q.id] = number(f[k]);
				break;
			case 'multiple':
				out[q.id] = q.options.filter((o) => f[`${k}__${o.value}`] === 'on').map((o) => o.value);
				break;
			case 'grid': {
				const g: Record<string, Record<string, unknown>> = {};
				for (const r of q.rows)
					for (const c of q.columns) {
						const raw = f[`${k}__${r.key}__${c.key}`];
						if (raw === undefined) continue;
						(g[r.key] ??= {})[c.key] = c.kind === 'number' ? number(raw) : raw;
					}
				out[q.id] = g;
				break;
			}
			case 'file':
				out[q.id] = f[`${k}__keep`];
				break;
		}
	}
	return out;
}

/** The form's value of an answer (for re-showing what was typed after a refusal, or the saved draft). */
export function fieldsFromAnswers(def: SurveyDefinition, a: Answers): Record<string, string> {
	const out: Record<string, string> = {};
	const show = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'string' ? v : '');
	for (const { q } of numbered(def)) {
		const k = `q_${q.id}`;
		const v = a[q.id];
		if (v === undefined || v === null) continue;
		if (q.type === 'multiple' && Array.isArray(v)) for (const x of v) out[`${k}__${x}`] = 'on';
		else if (q.type === 'grid' && typeof v === 'object') {
			for (const [r, row] of Object.entries(v as Record<string, Record<string, unknown>>)) for (const [c, cell] of Object.entries(row ?? {})) out[`${k}__${r}__${c}`] = show(cell);
		} else if (q.type === 'file') out[`${k}__keep`] = show(v);
		else out[k] = show(v);
	}
	return out;
}

const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const slug = (s: string, i: number) => {
	const base = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 30);
	return base || `o${i + 1}`;
};
/** One option per line: "label" or "value|label". */
const optionsOf = (v: string | undefined) =>
	lines(v).map((l, i) => {
		const [a, b] = l.split('|').map((x) => x.trim());
		return b ? { value: a, label: b } : { value: slug(a, i), label: a };
	});
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/** A question from the builder's form; ids are generated (q1, q2, …) unless given. */
export function questionFromForm(v: Fields, existingIds: string[]) {
	let n = existingIds.length + 1;
	while (existingIds.includes(`q${n}`)) n++;
	const base = { id: v.questionId || `q${n}`, label: v.label, help: v.help ?? '', required: v.required === 'on', type: v.type };
	switch (v.type) {
		case 'choice':
			return { ...base, options: optionsOf(v.options) };
		case 'multiple':
			return { ...base, options: optionsOf(v.options), maxChoices: num(v.maxChoices) };
		case 'number':
			return { ...base, min: num(v.min), max: num(v.max), integer: v.integer === 'on', unit: v.unit ?? '' };
		case 'text':
			return { ...base, maxLength: num(v.maxLength) ?? 2000 };
		case 'scale':
			return { ...base, points: num(v.points) ?? 5, minLabel: v.minLabel ?? '', maxLabel: v.maxLabel ?? '' };
		case 'grid':
			return {
				...base,
				rows: lines(v.rows).map((l, i) => ({ key: `r${i + 1}`, label: l })),
				// One column per line: "label" (a number ≥ 0), "label|min|max", or "label|A;B;C" (a choice).
				columns: lines(v.columns).map((l, i) => {
					const [label, a, b] = l.split('|').map((x) => x.trim());
					if (a && b === undefined && Number.isNaN(Number(a))) return { key: `c${i + 1}`, label, kind: 'choice', options: a.split(';').map((o, j) => ({ value: slug(o.trim(), j), label: o.trim() })) };
					return { key: `c${i + 1}`, label, kind: 'number', min: num(a) ?? 0, max: num(b) ?? 100_000, integer: true };
				})
			};
		case 'file':
			return { ...base, maxMb: num(v.maxMb) ?? 10, accept: [v.accept || 'any'] };
		default:
			return base;
	}
}

/** The target and period of the builder's details form. */
export function targetFromForm(v: Fields, schoolIds: string[]) {
	const target =
		v.targetKind === 'unit' ? { kind: 'unit', orgUnitId: v.targetUnit } : v.targetKind === 'level' ? { kind: 'level', orgUnitId: v.targetUnit || undefined, level: v.targetLevel } : v.targetKind === 'schools' ? { kind: 'schools', schoolIds } : null;
	return { target, opensAt: vietnamMoment(v.opensAt) ?? null, closesAt: vietnamMoment(v.closesAt) ?? null };
}

/** A moment as the value of a datetime-local input in Vietnam's time. */
export function vietnamLocal(d: Date | string | null | undefined) {
	if (!d) return '';
	const x = new Date(new Date(d).getTime() + 7 * 3600_000);
	return x.toISOString().slice(0, 16);
}
