/**
 * The budget's report figures (group `budget`): plan, committed, spent, remaining and % executed
 * for the calendar year(s) the period touches, by SQL aggregates. The budget is the city's, so
 * only a report about the city has these figures; for a unit or a school they are null ("—").
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Figure, FigureSource } from './figures';
import { orgUnits } from '../organisations/schema';
import { taskTotals } from './budget-service';
import { executed, yearsOfPeriod, ZERO, addTotals } from './budget-rules';

const LABELS = {
	plan: { vi: 'Kinh phí kế hoạch', en: 'Planned budget' },
	committed: { vi: 'Kinh phí đã cam kết', en: 'Committed' },
	spent: { vi: 'Kinh phí đã chi', en: 'Spent' },
	remaining: { vi: 'Kinh phí còn lại', en: 'Remaining' },
	percent: { vi: 'Tỉ lệ giải ngân', en: 'Share of the plan spent' }
} as const;

export const budgetFigures: FigureSource = async (db, scope) => {
	const [city] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.path, scope.path), isNull(orgUnits.parentId), eq(orgUnits.kind, 'department')));
	let e: ReturnType<typeof executed> | null = null;
	if (city) {
		const totals = await taskTotals(db, scope.path, yearsOfPeriod(scope.from, scope.to));
		e = executed([...totals.values()].reduce(addTotals, ZERO));
	}
	const fig = (key: keyof typeof LABELS, value: number | null, unit: Figure['unit']): Figure => ({ key: `budget.${key}`, group: 'budget', label: LABELS[key], value, unit });
	return [
		fig('plan', e ? Number(e.plan) : null, 'vnd'),
		fig('committed', e ? Number(e.committed) : null, 'vnd'),
		fig('spent', e ? Number(e.spent) : null, 'vnd'),
		fig('remaining', e ? Number(e.remaining) : null, 'vnd'),
		fig('percent', e ? e.percent : null, 'percent')
	];
};
