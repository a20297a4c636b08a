/** Localised labels of the gradebook's values and request statuses (browser and server). */
import { m } from '#lib/paraglide/messages.js';

const statuses = {
	pending: m.gbui_status_pending_label,
	approved: m.gbui_status_approved_label,
	rejected: m.gbui_status_rejected_label,
	withdrawn: m.gbui_status_withdrawn_label
} as const;

/** "Chờ duyệt" for `pending`. */
export const statusLabel = (s: string): string => (s in statuses ? statuses[s as keyof typeof statuses]() : s);

/** A stored cell value as the grid shows it: 7.5 → "7,5", "dat" → "Đ", null → "(trống)". */
export function valueText(v: unknown): string {
	if (v === null || v === undefined || v === '') return m.gbui_conflict_empty();
	if (typeof v === 'number') return String(v).replace('.', ',');
	if (v === 'dat') return 'Đ';
	if (v === 'chua_dat') return 'CĐ';
	return String(v);
}
