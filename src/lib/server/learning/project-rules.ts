/** Pure rules of projects (học theo dự án). */

export const MILESTONE_STATUSES = ['not_started', 'submitted', 'reviewed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * A team's milestone: not started until the team posts evidence; submitted while the latest
 * evidence has no feedback after it; reviewed once a teacher or the mentor gave feedback after
 * the latest evidence. New evidence after feedback makes it submitted again (another round).
 * Feedback before any evidence (guidance) does not make it reviewed.
 */
export function milestoneStatus(evidenceAt: Date[], feedbackAt: Date[]): MilestoneStatus {
	if (!evidenceAt.length) return 'not_started';
	const lastEvidence = Math.max(...evidenceAt.map((d) => d.getTime()));
	return feedbackAt.some((d) => d.getTime() >= lastEvidence) ? 'reviewed' : 'submitted';
}

/** Only https links are kept (no javascript:, no http: on a page children open). */
export function isHttpsUrl(s: string): boolean {
	try {
		return new URL(s).protocol === 'https:';
	} catch {
		return false;
	}
}
