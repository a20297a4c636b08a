/**
 * The surveys' report figures, SQL aggregates over the scope's org path and the period: surveys
 * sent in the period that reached schools in scope, the response rate of those schools, their
 * average IT-readiness index and how many are ready for the e-gradebook.
 */
import { and, gte, lt, eq, like, sql } from 'drizzle-orm';
import type { FigureSource } from './figures';
import { surveyResponses, surveys } from './survey-schema';
import { IT_READINESS_TEMPLATE } from './readiness-rules';
import { escapeLike } from '../db/like';


export const surveyFigures: FigureSource = async (db, scope) => {
	const submitted = sql`${surveyResponses.status} = 'submitted'`;
	const readiness = sql`${surveys.template} = ${IT_READINESS_TEMPLATE}`;
	const [r] = await db
		.select({
			surveys: sql<number>`count(distinct ${surveys.id})::int`,
			responses: sql<number>`count(*)::int`,
			submitted: sql<number>`count(*) filter (where ${submitted})::int`,
			averageIndex: sql<number | null>`round(avg(${surveyResponses.readinessIndex}) filter (where ${submitted} and ${readiness})::numeric, 1)::float8`,
			readinessSubmitted: sql<number>`count(*) filter (where ${submitted} and ${readiness})::int`,
			ready: sql<number>`count(*) filter (where ${submitted} and ${readiness} and ${surveyResponses.ready})::int`
		})
		.from(surveyResponses)
		.innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
		.where(and(like(surveyResponses.path, `${escapeLike(scope.path)}%`), eq(surveys.status, 'sent'), gte(surveys.sentAt, scope.from), lt(surveys.sentAt, scope.to)));
	const rate = r.responses ? Math.round((1000 * r.submitted) / r.responses) / 10 : null;
	return [
		{ key: 'surveys.sent', group: 'surveys', label: { vi: 'Số khảo sát đã gửi', en: 'Surveys sent' }, value: r.surveys, unit: 'count' },
		{ key: 'surveys.response_rate', group: 'surveys', label: { vi: 'Tỉ lệ trường đã nộp khảo sát', en: 'Schools that submitted' }, value: rate, unit: 'percent' },
		{ key: 'surveys.readiness.average_index', group: 'surveys', label: { vi: 'Chỉ số sẵn sàng CNTT trung bình', en: 'Average IT-readiness index' }, value: r.readinessSubmitted ? r.averageIndex : null, unit: 'index' },
		{ key: 'surveys.readiness.ready', group: 'surveys', label: { vi: 'Số trường sẵn sàng triển khai sổ điểm điện tử', en: 'Schools ready for the e-gradebook' }, value: r.readinessSubmitted ? r.ready : null, unit: 'count' }
	];
};
