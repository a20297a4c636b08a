/** Lesson-plan labels shared by the server (emails, PDFs) and the pages. */
import { m } from '#lib/paraglide/messages.js';

export type LessonPlanStatus = 'draft' | 'submitted' | 'returned' | 'group_approved' | 'approved';

/** The statuses in the order a plan goes through them (returned sits beside draft). */
export const LESSON_PLAN_STATUS_ORDER: readonly LessonPlanStatus[] = ['draft', 'returned', 'submitted', 'group_approved', 'approved'];

/** In the reader's language, or in `locale` (a document such as the PDF is always Vietnamese). */
export function lessonPlanStatusLabel(s: LessonPlanStatus, locale?: 'vi' | 'en'): string {
	return { draft: m.lp_status_draft, submitted: m.lp_status_submitted, returned: m.lp_status_returned, group_approved: m.lp_status_group_approved, approved: m.lp_status_approved }[s]({}, locale ? { locale } : {});
}
