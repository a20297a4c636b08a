/** Assignment labels shared by the server and the pages. */
import { m } from '#lib/paraglide/messages.js';

export type SubmissionStatus = 'submitted' | 'late' | 'missing' | 'pending';

export function submissionStatusLabel(s: SubmissionStatus): string {
	return { submitted: m.asgui_status_submitted, late: m.asgui_status_late, missing: m.asgui_status_missing, pending: m.asgui_status_pending }[s]();
}

/** A score with the Vietnamese decimal comma (8,5). */
export const formatScore = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v).replace('.', ','));

/** File sizes for people: 1,2 MB, 340 KB. */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
