/**
 * Which columns a class's subject grid has in a term, from the regulations (pure).
 * Secondary (TT22/2021 Điều 6–7): n regular assessments (from periods per year), one mid-term and
 * one end-of-term; scored subjects take scores, comment subjects Đạt/Chưa đạt.
 * Primary (TT27/2020 Điều 7): a level T/H/C at mid-term and end of term for every subject, and an
 * integer test score where `requiredTests` asks for one.
 */
import { PRIMARY_SUBJECTS, regularAssessmentCount, requiredTests, type AssessmentPoint, type PrimaryGrade } from './rules';
import { unaccent } from '../people/names';

export type ColumnKind = 'regular' | 'midterm' | 'endterm' | 'retake';
export type ValueType = 'score' | 'integer' | 'pass' | 'level';
export type Term = 1 | 2;
export interface ColumnSpec {
	term: Term;
	kind: ColumnKind;
	valueType: ValueType;
	slot: number;
}
export type Stage = 'preschool' | 'primary' | 'secondary';

export interface SubjectFacts {
	code: string;
	name: string;
	assessment: 'score' | 'comment';
	periodsPerYear: number;
}

/** The assessment regime of a class: by the school's level and, for multi-level schools, the grade. */
export function stageOf(schoolLevel: string, grade: number): Stage {
	if (schoolLevel === 'preschool' || grade === 0) return 'preschool';
	if (schoolLevel === 'primary' || (schoolLevel === 'multi_level' && grade <= 5)) return 'primary';
	return 'secondary';
}

export function secondaryColumns(subject: SubjectFacts, term: Term, commentRegularCount = 2): ColumnSpec[] {
	const kind = subject.assessment === 'comment' ? 'comment' : 'scored';
	const valueType: ValueType = kind === 'comment' ? 'pass' : 'score';
	const n = regularAssessmentCount(kind, subject.periodsPerYear, { commentSubjectRegularCount: commentRegularCount });
	return [
		...Array.from({ length: n }, (_, i) => ({ term, kind: 'regular' as const, valueType, slot: i + 1 })),
		{ term, kind: 'midterm', valueType, slot: 1 },
		{ term, kind: 'endterm', valueType, slot: 1 }
	];
}

const PRIMARY_NAMES: Record<string, string> = {
	'tieng viet': PRIMARY_SUBJECTS.tiengViet,
	toan: PRIMARY_SUBJECTS.toan,
	'ngoai ngu': PRIMARY_SUBJECTS.ngoaiNgu1,
	'ngoai ngu 1': PRIMARY_SUBJECTS.ngoaiNgu1,
	'tieng anh': PRIMARY_SUBJECTS.ngoaiNgu1,
	'tin hoc va cong nghe': PRIMARY_SUBJECTS.tinHocCongNghe,
	'lich su va dia li': PRIMARY_SUBJECTS.lichSuDiaLi,
	'khoa hoc': PRIMARY_SUBJECTS.khoaHoc
};

/** The TT27 code of a school's subject, recognised by its Vietnamese name (diacritics ignored). */
export function primarySubjectCode(subject: Pick<SubjectFacts, 'name'>): string | null {
	const key = unaccent(subject.name).toLowerCase().replace(/\s+/g, ' ').trim();
	return PRIMARY_NAMES[key] ?? null;
}

export function primaryColumns(subject: SubjectFacts, grade: number, term: Term): ColumnSpec[] {
	const g = Math.min(5, Math.max(1, grade)) as PrimaryGrade;
	const code = primarySubjectCode(subject);
	const points: [AssessmentPoint, 'midterm' | 'endterm'][] =
		term === 1 ? [['mid_term_1', 'midterm'], ['end_term_1', 'endterm']] : [['mid_term_2', 'midterm'], ['end_of_year', 'endterm']];
	const cols: ColumnSpec[] = [];
	for (const [point, kind] of points) {
		cols.push({ term, kind, valueType: 'level', slot: 1 });
		if (code && (requiredTests(g, point) as string[]).includes(code)) cols.push({ term, kind, valueType: 'integer', slot: 1 });
	}
	return cols;
}

export function columnsFor(stage: Stage, subject: SubjectFacts, grade: number, term: Term, commentRegularCount = 2): ColumnSpec[] {
	if (stage === 'secondary') return secondaryColumns(subject, term, commentRegularCount);
	if (stage === 'primary') return primaryColumns(subject, grade, term);
	return [];
}

/** A short header in Vietnamese, as on the paper sổ điểm: TX1, GK, CK, KT GK … */
export function columnLabel(c: Pick<ColumnSpec, 'kind' | 'valueType' | 'slot'>): string {
	if (c.kind === 'regular') return `TX${c.slot}`;
	if (c.kind === 'retake') return 'KT lại';
	const base = c.kind === 'midterm' ? 'GK' : 'CK';
	return c.valueType === 'integer' ? `KT ${base}` : base;
}
