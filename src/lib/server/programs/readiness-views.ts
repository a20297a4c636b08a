import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { readinessBySchool, readinessByUnit } from './readiness-service';
import { readinessChartSvg } from './readiness-chart';
import { READY_INDEX } from './readiness-rules';
import { m } from '#lib/paraglide/messages.js';

/** The readiness page's read model: the table by unit, the chart drawn from the same rows, the schools. */
export async function readinessPage(db: Executor, p: Principal, surveyId?: string) {
	const byUnit = await readinessByUnit(db, p, surveyId);
	const bySchool = await readinessBySchool(db, p, surveyId);
	const svg = readinessChartSvg(
		byUnit.units.map((u) => ({ label: u.name, value: u.averageIndex, note: m.prgsrv_chart_ready({ ready: u.ready, submitted: u.submitted }) })),
		{ title: m.prgsrv_chart_title(), threshold: READY_INDEX }
	);
	return { survey: byUnit.survey, units: byUnit.units, schools: bySchool.schools, svg, threshold: READY_INDEX };
}
