/**
 * The budget's report figures (group `budget`), by SQL aggregates: the plan of the calendar
 * year(s) the period touches; what of those years was committed and spent by the period's end
 * (entries dated later, even if entered before the report, are not counted, so a March report
 * written in April shows March); what remains and the % executed then; and what was spent within
 * the period itself. The budget is the city's, so only a report about the city has these figures;
 * for a unit or a school they are null ("—").
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Figure, FigureSource } from './figures';
import { orgUnits } from '../organisations/schema';
import { spentBetween, taskTotals } from './budget-service';
import { todayInVietnam } from '#lib/format';
import { executed, yearsOfPeriod, ZERO, addTotals } from './budget-rules';

const LABELS = {
	plan: { vi: 'Kinh phí kế hoạch', en: 'Planned budget' },
	committed: { vi: 'Kinh phí đã cam kết', en: 'Committed' },
	spent: { vi: 'Kinh phí đã chi', en: 'Spent' },
	remaining: { vi: 'Kinh phí còn lại', en: 'Remaining' },
	percent: { vi: 'Tỉ lệ giải ngân', en: 'Share of the plan spent' },
	spent_in_period: { vi: 'Kinh phí đã chi trong kỳ', en: 'Spent within the period' }
} as const;

export const budgetFigures: FigureSource = async (db, scope) => {
	const [city] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.path, scope.path), isNull(orgUnits.parentId), eq(orgUnits.kind, 'department')));
	let e: ReturnType<typeof executed> | null = null;
	let inPeriod: bigint | null = null;
	if (city) {
		// The period's bounds are Vietnamese midnights: their dates in Vietnam bound the entries' days.
		const [from, before] = [todayInVietnam(scope.from), todayInVietnam(scope.to)];
		const totals = await taskTotals(db, scope.path, yearsOfPeriod(scope.from, scope.to), before);
		e = executed([...totals.values()].reduce(addTotals, ZERO));
		inPeriod = await spentBetween(db, scope.path, from, before);
	}
	const fig = (key: keyof typeof LABELS, value: number | null, unit: Figure['unit']): Figure => ({ key: `budget.${key}`, group: 'budget', label: LABELS[key], value, unit });
	return [
		fig('plan', e ? Number(e.plan) : null, 'vnd'),
		fig('committed', e ? Number(e.committed) : null, 'vnd'),
		fig('spent', e ? Number(e.spent) : null, 'vnd'),
		fig('remaining', e ? Number(e.remaining) : null, 'vnd'),
		fig('percent', e ? e.percent : null, 'percent'),
		fig('spent_in_period', inPeriod === null ? null : Number(inPeriod), 'vnd')
	];
};
