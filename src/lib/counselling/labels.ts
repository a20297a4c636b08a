/** Labels of the counselling pages (client-safe). */
import { m } from '#lib/paraglide/messages.js';
import { formatDateTime } from '#lib/components/labels';

const categories: Record<string, () => string> = {
	study: m.cns_cat_study,
	careers: m.cns_cat_careers,
	emotions: m.cns_cat_emotions,
	relationships: m.cns_cat_relationships,
	health: m.cns_cat_health,
	safeguarding: m.cns_cat_safeguarding,
	other: m.cns_cat_other
};
const statuses: Record<string, () => string> = { open: m.cns_status_open, in_progress: m.cns_status_in_progress, closed: m.cns_status_closed };
const modes: Record<string, () => string> = { in_person: m.cns_mode_in_person, online: m.cns_mode_online };
const moves: Record<string, () => string> = { open: m.cns_move_open, in_progress: m.cns_move_in_progress, closed: m.cns_move_closed };

export const CATEGORY_KEYS = Object.keys(categories);
export const categoryLabel = (c: string) => categories[c]?.() ?? c;
export const statusLabel = (s: string) => statuses[s]?.() ?? s;
export const modeLabel = (s: string) => modes[s]?.() ?? s;
export const moveLabel = (s: string) => moves[s]?.() ?? s;

/** "03/12/2026 14:00–14:30" in Vietnam's time. */
export function slotWhen(start: string | Date, end: string | Date): string {
	return `${formatDateTime(start)}–${formatDateTime(end).slice(-5)}`;
}
