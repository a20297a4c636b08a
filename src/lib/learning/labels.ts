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

export const LEARNING_CONTEXT_ORDER = ['heritage_site', 'craft_village', 'museum', 'business', 'nature', 'local_culture'] as const;
export function contextLabel(c: string): string {
	const f = { heritage_site: m.libui_ctx_heritage_site, craft_village: m.libui_ctx_craft_village, museum: m.libui_ctx_museum, business: m.libui_ctx_business, nature: m.libui_ctx_nature, local_culture: m.libui_ctx_local_culture }[c as 'museum'];
	return f ? f() : c;
}
export const LEARNING_MODE_ORDER = ['play', 'practice', 'situation', 'project'] as const;
export function modeLabel(x: string): string {
	const f = { play: m.libui_mode_play, practice: m.libui_mode_practice, situation: m.libui_mode_situation, project: m.libui_mode_project }[x as 'play'];
	return f ? f() : x;
}
export const SCHOOL_LEVEL_ORDER = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as const;
export function schoolLevelLabel(x: string): string {
	const f = { preschool: m.libui_level_preschool, primary: m.libui_level_primary, lower_secondary: m.libui_level_lower_secondary, upper_secondary: m.libui_level_upper_secondary }[x as 'primary'];
	return f ? f() : x;
}
export function reachLabel(x: string): string {
	const f = { school: m.libui_reach_school, unit: m.libui_reach_unit, city: m.libui_reach_city }[x as 'school'];
	return f ? f() : x;
}
