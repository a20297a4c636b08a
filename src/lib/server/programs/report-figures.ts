/**
 * The figures a periodic report prints, in order: each part of the program adds its
 * `FigureSource` here with one line.
 * A template then keeps the groups it lists (report-rules.ts `TEMPLATES`), in this order.
 */
import type { Executor } from '../db/client';
import type { Figure, FigureScope, FigureSource } from './figures';
import { engagementFigures, fairFigures, gradebookFigures, usageFigures } from './report-usage-figures';
import { TEMPLATES, type ReportTemplate } from './report-rules';
import { pilotFigures } from './pilot-figures';
import { trainingFigures } from './training-figures';
import { surveyFigures } from './survey-figures';
import { budgetFigures } from './budget-figures';

export const reportFigureSources: FigureSource[] = [
	usageFigures,
	pilotFigures,
	trainingFigures,
	surveyFigures,
	gradebookFigures,
	engagementFigures,
	fairFigures,
	budgetFigures
];

/** Every figure of every source, computed live for the scope (sources one after another: one connection). */
export async function computeFigures(db: Executor, scope: FigureScope, sources: readonly FigureSource[] = reportFigureSources): Promise<Figure[]> {
	const out: Figure[] = [];
	for (const source of sources) out.push(...(await source(db, scope)));
	return out;
}

/** The figures a template prints: its groups, in the sources' order. */
export async function reportFigures(db: Executor, template: ReportTemplate, scope: FigureScope): Promise<Figure[]> {
	const groups = new Set(TEMPLATES[template].groups);
	return (await computeFigures(db, scope)).filter((f) => groups.has(f.group));
}
