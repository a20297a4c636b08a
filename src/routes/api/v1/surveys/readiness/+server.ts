import { endpoint } from '#lib/server/http/api';
import { readinessQuery } from '#lib/server/programs/survey-inputs';
import { readinessBySchool, readinessByUnit } from '#lib/server/programs/readiness-service';

export const GET = endpoint({ query: readinessQuery }, async ({ db, p, query }) => {
	const byUnit = await readinessByUnit(db, p, query.surveyId);
	const bySchool = await readinessBySchool(db, p, query.surveyId);
	return { survey: byUnit.survey, units: byUnit.units, schools: bySchool.schools };
});
