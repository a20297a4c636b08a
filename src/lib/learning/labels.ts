/** Lesson-plan labels shared by the server (emails, PDFs) and the pages. */
import { m } from '#lib/paraglide/messages.js';

export type LessonPlanStatus = 'draft' | 'submitted' | 'returned' | 'group_approved' | 'approved';

/** The statuses in the order a plan goes through them (returned sits beside draft). */
export const LESSON_PLAN_STATUS_ORDER: readonly LessonPlanStatus[] = ['draft', 'returned', 'submitted', 'group_approved', 'approved'];

/** In the reader's language, or in `locale` (a document such as the PDF is always Vietnamese). */
export function lessonPlanStatusLabel(s: LessonPlanStatus, locale?: 'vi' | 'en'): string {
	return { draft: m.lp_status_draft, submitted: m.lp_status_submitted, returned: m.lp_status_returned, group_approved: m.lp_status_group_approved, approved: m.lp_status_approved }[s]({}, locale ? { locale } : {});
}

export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'short_answer' | 'numeric' | 'matching' | 'essay';
export const QUESTION_KIND_ORDER: readonly QuestionKind[] = ['single', 'multiple', 'true_false', 'short_answer', 'numeric', 'matching', 'essay'];
export function kindLabel(k: string): string {
	const f = { single: m.elui_q_single, multiple: m.elui_q_multiple, true_false: m.elui_q_true_false, short_answer: m.elui_q_short_answer, numeric: m.elui_q_numeric, matching: m.elui_q_matching, essay: m.elui_q_essay }[k as QuestionKind];
	return f ? f() : k;
}

export type CognitiveLevel = 'nhan_biet' | 'thong_hieu' | 'van_dung' | 'van_dung_cao';
export const COGNITIVE_LEVEL_ORDER: readonly CognitiveLevel[] = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'];
export function levelLabel(l: string): string {
	const f = { nhan_biet: m.elui_l_nhan_biet, thong_hieu: m.elui_l_thong_hieu, van_dung: m.elui_l_van_dung, van_dung_cao: m.elui_l_van_dung_cao }[l as CognitiveLevel];
	return f ? f() : l;
}

export function masteryLabel(l: string): string {
	const f = { mastered: m.elui_m_mastered, practising: m.elui_m_practising, needs_help: m.elui_m_needs_help }[l as 'mastered'];
	return f ? f() : l;
}

/** A score as Vietnamese write it: 7,5 / 10. */
export const scoreText = (score: number | null, max: number | null) => (score === null ? '—' : `${String(score).replace('.', ',')} / ${String(max ?? 0).replace('.', ',')}`);
