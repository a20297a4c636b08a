/**
 * One subject's line of a learner's term, as the family sees it (pure): the columns with their
 * values, and the term result (ĐTBmhk or Đạt/Chưa đạt, TT22/2021 Điều 9) through ./results.
 * Where the school shows scores only after publishing, unpublished columns are left out and the
 * result waits until every column is published, so a partial average never leaks.
 */
import { cellText, cellValue, type StoredValue } from './cells';
import type { MissedAssessmentOptions } from './rules';
import { columnLabel, type ColumnKind, type Stage, type ValueType } from './columns';
import { subjectTermOutcome } from './results';

export interface ColumnFacts {
	id: string;
	kind: ColumnKind;
	valueType: ValueType;
	slot: number;
	publishedAt: Date | string | null;
}

export interface EntryFacts extends StoredValue {
	missedReason: string | null;
	makeup: string | null;
	/** The teacher's comment (nhận xét); absent or "" when none. */
	comment?: string | null;
}

export interface ColumnView {
	id: string;
	label: string;
	kind: ColumnKind;
	valueType: ValueType;
	published: boolean;
	value: number | string | null;
	/** "7,5", "Đ", "T", or "" when empty. */
	text: string;
	/** The teacher's comment on the assessment, "" when none; shown with the value, so hidden with it. */
	comment: string;
}

export type TermResultView = { status: 'complete'; text: string; average?: number } | { status: 'incomplete' | 'unpublished'; text: '' };

const ORDER: Record<ColumnKind, number> = { regular: 0, midterm: 1, endterm: 2, retake: 3 };

export function subjectTermRow(input: {
	assessment: 'score' | 'comment';
	stage: Stage;
	/** The subject's columns in the term. */
	columns: readonly ColumnFacts[];
	entryOf: (columnId: string) => EntryFacts | undefined;
	/** Families of a school that shows only published columns. */
	restricted: boolean;
	/** The school's reading of a miss without force majeure (setting), as everywhere else. */
	missed?: MissedAssessmentOptions;
}): { columns: ColumnView[]; result: TermResultView | null } {
	const term = input.columns.filter((c) => c.kind !== 'retake');
	const sorted = [...term].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.valueType.localeCompare(b.valueType) || a.slot - b.slot);
	const shown = input.restricted ? sorted.filter((c) => c.publishedAt) : sorted;
	const columns = shown.map((c) => {
		const e = input.entryOf(c.id);
		return { id: c.id, label: columnLabel(c), kind: c.kind, valueType: c.valueType, published: Boolean(c.publishedAt), value: cellValue(c.valueType, e), text: cellText(c.valueType, e), comment: e?.comment ?? '' };
	});
	if (input.stage !== 'secondary') return { columns, result: null };
	if (shown.length < sorted.length) return { columns, result: { status: 'unpublished', text: '' } };
	const outcome = subjectTermOutcome(
		input.assessment,
		sorted
			.filter((c) => c.valueType === 'score' || c.valueType === 'pass')
			.map((c) => {
				const e = input.entryOf(c.id);
				return { kind: c.kind, slot: c.slot, value: cellValue(c.valueType, e), missedReason: e?.missedReason ?? null, makeup: e?.makeup ?? null };
			}),
		input.missed
	);
	if (outcome.status !== 'complete') return { columns, result: { status: 'incomplete', text: '' } };
	return { columns, result: outcome.kind === 'scored' ? { status: 'complete', text: outcome.text, average: outcome.average } : { status: 'complete', text: outcome.text } };
}
