/** The budget pages' read models: amounts formatted the Vietnamese way ("1.950.000.000"), percent with a comma. */
import { formatVnd, type Executed } from './budget-rules';
import type { BudgetReport, TaskDetail } from './budget-service';

export const percentText = (p: number | null) => (p === null ? '—' : `${p.toFixed(1).replace('.', ',')}%`);

export const figuresView = (e: Executed) => ({
	plan: formatVnd(e.plan),
	committed: formatVnd(e.committed),
	spent: formatVnd(e.spent),
	remaining: formatVnd(e.remaining),
	uncommitted: formatVnd(e.uncommitted),
	percent: percentText(e.percent),
	overspent: e.spent > e.plan
});

export function reportView(r: BudgetReport) {
	return {
		year: r.year,
		rows: r.rows.map((row) => ({ id: row.task.id, code: row.task.code, name: row.task.name, level: row.level, ...figuresView(row) })),
		total: figuresView(r.total),
		years: r.years.map((y) => ({ year: y.year, ...figuresView(y) }))
	};
}

export function taskView(t: TaskDetail) {
	const v = (a: bigint | null) => (a === null ? null : formatVnd(a));
	return {
		task: { id: t.task.id, code: t.task.code, name: t.task.name },
		parent: t.parent ? { id: t.parent.id, code: t.parent.code, name: t.parent.name } : null,
		children: t.children.map((c) => ({ id: c.id, code: c.code, name: c.name })),
		leaf: t.leaf,
		years: t.years.map((y) => ({ year: y.year, ...figuresView(y) })),
		total: figuresView(t.total),
		commitments: t.commitments.map((c) => ({ id: c.id, taskId: c.taskId, year: c.year, amount: v(c.amount)!, counterparty: c.counterparty, signedOn: c.signedOn, document: c.document, reversal: !!c.reversesId, reason: c.reason, net: v(c.net), paid: v(c.paid), by: c.createdByName })),
		spending: t.spending.map((s) => ({ id: s.id, taskId: s.taskId, year: s.year, amount: v(s.amount)!, spentOn: s.spentOn, description: s.description, voucherNo: s.voucherNo, commitmentId: s.commitmentId, reversal: !!s.reversesId, reason: s.reason, net: v(s.net), by: s.createdByName, files: s.files.map((f) => ({ id: f.id, name: f.name })) }))
	};
}
