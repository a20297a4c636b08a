import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { readinessBySchool, readinessByUnit } from './readiness-service';
import { chartSvg } from './charts';
import { READY_INDEX } from './readiness-rules';
import { m } from '#lib/paraglide/messages.js';

/** The readiness page's read model: the table by unit, the chart drawn from the same rows (programs/charts.ts, as on the dashboards), the schools. */
export async function readinessPage(db: Executor, p: Principal, surveyId?: string) {
	const byUnit = await readinessByUnit(db, p, surveyId);
	const bySchool = await readinessBySchool(db, p, surveyId);
	const svg = byUnit.units.length
		? chartSvg({ kind: 'hbar', id: 'readiness-chart', title: m.prgsrv_chart_title(), description: m.prgdsh_readiness_desc(), categories: byUnit.units.map((u) => u.name), series: [{ name: m.prgdsh_readiness_index(), values: byUnit.units.map((u) => u.averageIndex) }] })
		: '';
	return { survey: byUnit.survey, units: byUnit.units, schools: bySchool.schools, svg, threshold: READY_INDEX };
}
