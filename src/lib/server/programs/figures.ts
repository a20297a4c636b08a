/**
 * Report figures (số liệu báo cáo) computed from live data. A periodic report, a dashboard and the
 * public page all read figures through this one shape, so "report figures equal the data" is one
 * rule: every figure is a SQL aggregate over the scope's org path and the period, never a stored
 * copy (a submitted report keeps the snapshot it was submitted with).
 *
 * Each part of the program (pilots, training, surveys, budget, the rest of Sen) exports a
 * `FigureSource`; `reports/figures` lists them in the order a report prints them.
 */
import type { Executor } from '../db/client';

export interface FigureScope {
	/** The org path the report or dashboard is about: the city's, a unit's or a school's (`/…/`). */
	path: string;
	/** The period, as half-open instants [from, to). */
	from: Date;
	to: Date;
}

export interface Figure {
	/** Stable key, e.g. `training.core_teachers.completed`. */
	key: string;
	/** The section it prints under, e.g. `training`. */
	group: FigureGroup;
	label: { vi: string; en: string };
	/** null = not available for this scope (shown as "—", never as 0). */
	value: number | null;
	unit: 'count' | 'percent' | 'vnd' | 'index';
	/** The target the value is measured against, when the program sets one (e.g. 150 core teachers). */
	target?: number | null;
}

export type FigureGroup = 'usage' | 'pilots' | 'training' | 'surveys' | 'gradebook' | 'engagement' | 'fair' | 'budget';

export type FigureSource = (db: Executor, scope: FigureScope) => Promise<Figure[]>;
