/**
 * Where the dashboards get the IT-readiness table by management unit (chỉ số sẵn sàng CNTT) from.
 * The surveys part computes it (`readinessByUnitUnder`); the dashboards only show it. While
 * no IT-readiness survey has been answered under the scope, the dashboards leave the section out.
 */
import type { Executor } from '../db/client';
import { readinessByUnitUnder } from './readiness-service';

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

/** Rows for the units under `scope.path` (an org path, `/…/`); with `asOf`, as they stood then (a report's period end). */
export type ReadinessSource = (db: Executor, scope: { path: string; asOf?: Date }) => Promise<ReadinessRow[]>;

export const readinessSource: ReadinessSource | null = async (db, scope) =>
	(await readinessByUnitUnder(db, scope.path, scope.asOf)).map((u) => ({ unitId: u.orgUnitId, unitName: u.name, schools: u.schools, submitted: u.submitted, averageIndex: u.averageIndex, ready: u.ready }));
