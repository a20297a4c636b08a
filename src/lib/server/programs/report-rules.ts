/**
 * Periodic reports (báo cáo định kỳ): templates, periods and deadlines, as pure functions.
 *
 * Periods are CALENDAR periods in Vietnam's time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving):
 * a month, a quarter (Quý I = Jan–Mar … Quý IV = Oct–Dec) or a calendar year, each as half-open
 * instants [from, to). The program (Kế hoạch of the city) reports by month, quarter and year of
 * the calendar, not by school year, so a report on "Quý IV/2026" always means 1/10–31/12/2026.
 *
 * Deadlines (hạn nộp), a date in Vietnam's time, the report being due by the end of that day:
 * - monthly: the 5th of the following month;
 * - quarterly: the 10th of the month after the quarter;
 * - yearly: 15 December of the year for a school and for the city; a management unit's yearly
 *   report before 1 November (the provincial plan: units send their yearly report before 1/11),
 *   i.e. by 31 October. The yearly report is thus written in the year it covers, with the figures
 *   of the year so far.
 */
import type { FigureGroup } from './figures';

export const REPORT_TEMPLATES = ['monthly', 'quarterly', 'yearly'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The level of the reporting organisation. */
export const REPORT_LEVELS = ['school', 'unit', 'city'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export const NARRATIVE_SECTIONS = ['results', 'difficulties', 'proposals', 'nextPlan'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export type Narrative = Record<NarrativeSection, string>;

export const NARRATIVE_TITLES: Record<NarrativeSection, { vi: string; en: string }> = {
	results: { vi: 'Kết quả thực hiện', en: 'Results' },
	difficulties: { vi: 'Khó khăn, tồn tại', en: 'Difficulties and shortcomings' },
	proposals: { vi: 'Kiến nghị, đề xuất', en: 'Recommendations and proposals' },
	nextPlan: { vi: 'Kế hoạch kỳ tới', en: 'Plan for the next period' }
};

export interface TemplateDef {
	title: { vi: string; en: string };
	/** The figure groups the report prints, in order. */
	groups: readonly FigureGroup[];
	sections: readonly NarrativeSection[];
}

const ALL_GROUPS: readonly FigureGroup[] = ['usage', 'pilots', 'training', 'surveys', 'gradebook', 'engagement', 'fair', 'budget'];

export const TEMPLATES: Record<ReportTemplate, TemplateDef> = {
	// A month: what moves month to month (use, gradebook, engagement, training); no narrative about proposals.
	monthly: { title: { vi: 'Báo cáo tháng', en: 'Monthly report' }, groups: ['usage', 'gradebook', 'engagement', 'training'], sections: ['results', 'difficulties', 'nextPlan'] },
	quarterly: { title: { vi: 'Báo cáo quý', en: 'Quarterly report' }, groups: ['usage', 'pilots', 'training', 'surveys', 'gradebook', 'engagement', 'fair'], sections: NARRATIVE_SECTIONS },
	yearly: { title: { vi: 'Báo cáo năm', en: 'Yearly report' }, groups: ALL_GROUPS, sections: NARRATIVE_SECTIONS }
};

export const emptyNarrative = (): Narrative => ({ results: '', difficulties: '', proposals: '', nextPlan: '' });

// ── Periods ──────────────────────────────────────────────────────────────────────────────────

const VN_OFFSET_MS = 7 * 3600_000;
/** The instant Vietnam's clocks read 00:00 on that calendar day (month 1–12; overflow rolls over). */
export const vnMidnight = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
/** The calendar date (year, month 1–12, day) in Vietnam at an instant. */
export function vnDate(d: Date): { year: number; month: number; day: number } {
	const v = new Date(d.getTime() + VN_OFFSET_MS);
	return { year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() };
}

export interface Period {
	template: ReportTemplate;
	/** `2026-11` (month), `2026-Q4` (quarter), `2026` (year). */
	key: string;
	from: Date;
	to: Date;
}

const PERIOD_KEY: Record<ReportTemplate, RegExp> = { monthly: /^(\d{4})-(0[1-9]|1[0-2])$/, quarterly: /^(\d{4})-Q([1-4])$/, yearly: /^(\d{4})$/ };

/** The period of a key, or null when the key is not one of the template's. */
export function periodOf(template: ReportTemplate, key: string): Period | null {
	const m = PERIOD_KEY[template].exec(key);
	if (!m) return null;
	const year = Number(m[1]);
	if (year < 2000 || year > 2100) return null;
	if (template === 'monthly') {
		const month = Number(m[2]);
		return { template, key, from: vnMidnight(year, month, 1), to: vnMidnight(year, month + 1, 1) };
	}
	if (template === 'quarterly') {
		const q = Number(m[2]);
		return { template, key, from: vnMidnight(year, 3 * q - 2, 1), to: vnMidnight(year, 3 * q + 1, 1) };
	}
	return { template, key, from: vnMidnight(year, 1, 1), to: vnMidnight(year + 1, 1, 1) };
}

/** The period of the template containing the instant (in Vietnam's time). */
export function periodContaining(template: ReportTemplate, at: Date): Period {
	const { year, month } = vnDate(at);
	const key = template === 'monthly' ? `${year}-${String(month).padStart(2, '0')}` : template === 'quarterly' ? `${year}-Q${Math.ceil(month / 3)}` : String(year);
	return periodOf(template, key)!;
}

/**
 * Whether the period has begun at `now`: its first day has come in Vietnam (`from` is Vietnam's
 * midnight). A report may be drafted while its period runs (the yearly one is written in the year
 * it covers, the reminders watch the current period), never for a period still to come.
 */
export const periodHasBegun = (p: Pick<Period, 'from'>, now: Date) => p.from.getTime() <= now.getTime();

/** The period just before (the one a report is usually written about). */
export const previousPeriod = (p: Period): Period => periodContaining(p.template, new Date(p.from.getTime() - 1));

const ROMAN = ['I', 'II', 'III', 'IV'];
/** "Tháng 11/2026", "Quý IV/2026", "Năm 2026". */
export function periodLabel(p: Pick<Period, 'template' | 'key'>, locale: 'vi' | 'en' = 'vi'): string {
	const [y, rest] = p.key.split('-');
	if (p.template === 'monthly') return locale === 'vi' ? `Tháng ${Number(rest)}/${y}` : `Month ${Number(rest)}/${y}`;
	if (p.template === 'quarterly') return locale === 'vi' ? `Quý ${ROMAN[Number(rest.slice(1)) - 1]}/${y}` : `Quarter ${ROMAN[Number(rest.slice(1)) - 1]}/${y}`;
	return locale === 'vi' ? `Năm ${y}` : `Year ${y}`;
}

// ── Deadlines ────────────────────────────────────────────────────────────────────────────────

/** The due date (Vietnam calendar) of a level's report for a period. */
export function dueDate(level: ReportLevel, p: Period): { year: number; month: number; day: number } {
	const end = vnDate(p.from);
	if (p.template === 'monthly') {
		const next = vnDate(p.to);
		return { year: next.year, month: next.month, day: 5 };
	}
	if (p.template === 'quarterly') {
		const next = vnDate(p.to);
		return { year: next.year, month: next.month, day: 10 };
	}
	return level === 'unit' ? { year: end.year, month: 10, day: 31 } : { year: end.year, month: 12, day: 15 };
}

/** The instant the report becomes overdue: the end of its due day in Vietnam. */
export function dueInstant(level: ReportLevel, p: Period): Date {
	const d = dueDate(level, p);
	return vnMidnight(d.year, d.month, d.day + 1);
}

export type ReminderStage = 'soon' | 'due' | 'overdue';
/** How many days before the due day the first reminder goes. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * Which reminder is due at `now` for an unsent report: from 3 days before the due day 'soon', on
 * the day 'due', after it 'overdue'; null earlier. Each stage is sent once (its notify key).
 */
export function reminderStage(level: ReportLevel, p: Period, now: Date): ReminderStage | null {
	const d = dueDate(level, p);
	const dueDay = vnMidnight(d.year, d.month, d.day).getTime();
	const today = (() => {
		const t = vnDate(now);
		return vnMidnight(t.year, t.month, t.day).getTime();
	})();
	const days = Math.round((dueDay - today) / 86_400_000);
	if (days < 0) return 'overdue';
	if (days === 0) return 'due';
	if (days <= REMIND_DAYS_BEFORE) return 'soon';
	return null;
}

/** The periods whose reminders the job looks at: for each template the current and the previous one. */
export function periodsToWatch(now: Date): Period[] {
	return REPORT_TEMPLATES.flatMap((t) => {
		const cur = periodContaining(t, now);
		return [previousPeriod(cur), cur];
	});
}

/** "31/10/2026". */
export const formatDay = (d: { year: number; month: number; day: number }) => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;

/** The parent path of an org path: `/a/b/` → `/a/`; null for the root. */
export function parentPath(path: string): string | null {
	const parts = path.split('/').filter(Boolean);
	if (parts.length <= 1) return null;
	return '/' + parts.slice(0, -1).join('/') + '/';
}
