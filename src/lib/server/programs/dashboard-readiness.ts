/**
 * Where the dashboards get the IT-readiness table by management unit (chỉ số sẵn sàng CNTT) from.
 * The surveys part computes it (`readinessByUnit`); the dashboards only show it. Until it is
 * wired, `readinessSource` is null and the dashboards leave the section out.
 *
 * To wire it (one line): `export const readinessSource: ReadinessSource | null = (db, scope) => readinessByUnit(db, scope);`
 * adapting the call to the surveys part's signature.
 */
import type { Executor } from '../db/client';

export interface ReadinessRow {
	unitId: string;
	unitName: string;
	/** Schools of the unit targeted by the IT-readiness survey, and those that submitted. */
	schools: number;
	submitted: number;
	/** The unit's average readiness index (0–100), null while no school has submitted. */
	averageIndex: number | null;
	/** Schools ready for the e-gradebook. */
	ready: number;
}

/** Rows for the units under `scope.path` (an org path, `/…/`). */
export type ReadinessSource = (db: Executor, scope: { path: string }) => Promise<ReadinessRow[]>;

export const readinessSource: ReadinessSource | null = null;
