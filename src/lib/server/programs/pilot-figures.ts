/**
 * The pilots' report figures over a scope's org path and period, each one SQL aggregate over the
 * pilot sites whose school lies under the path: models piloted, sites, schools piloting,
 * milestones done in the period, milestones due in the period, and the progress (done milestones
 * over all milestones of those sites, whenever due).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Figure, FigureSource } from './figures';
import { pilotMilestones, pilotSites } from './pilot-schema';
import { underPattern } from '../db/like';

const under = underPattern;
/** The Vietnamese calendar day of an instant, in SQL (a period starts at Vietnam's midnight, 17:00 UTC the day before). */
const vnDay = (d: Date) => sql`(${d.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date`;

export const pilotFigures: FigureSource = async (db: Executor, scope) => {
	const prefix = under(scope.path);
	const [s] = await db
		.select({
			models: sql<number>`count(distinct ${pilotSites.modelId})::int`,
			sites: sql<number>`count(*)::int`,
			schools: sql<number>`count(distinct ${pilotSites.schoolId})::int`
		})
		.from(pilotSites)
		.where(sql`${pilotSites.path} like ${prefix}`);
	const [ms] = await db
		.select({
			doneInPeriod: sql<number>`count(*) filter (where ${pilotMilestones.status} = 'done' and ${pilotMilestones.doneAt} >= ${scope.from.toISOString()}::timestamptz and ${pilotMilestones.doneAt} < ${scope.to.toISOString()}::timestamptz)::int`,
			dueInPeriod: sql<number>`count(*) filter (where ${pilotMilestones.dueOn} >= ${vnDay(scope.from)} and ${pilotMilestones.dueOn} < ${vnDay(scope.to)})::int`,
			done: sql<number>`count(*) filter (where ${pilotMilestones.status} = 'done')::int`,
			total: sql<number>`count(*)::int`
		})
		.from(pilotMilestones)
		.where(sql`${pilotMilestones.path} like ${prefix}`);
	const figures: Figure[] = [
		{ key: 'pilots.models', group: 'pilots', label: { vi: 'Mô hình đang thí điểm', en: 'Models piloted' }, value: s.models, unit: 'count', target: 7 },
		{ key: 'pilots.sites', group: 'pilots', label: { vi: 'Điểm thí điểm (mô hình × trường)', en: 'Pilot sites (model × school)' }, value: s.sites, unit: 'count' },
		{ key: 'pilots.schools', group: 'pilots', label: { vi: 'Trường tham gia thí điểm', en: 'Schools piloting' }, value: s.schools, unit: 'count', target: 25 },
		{ key: 'pilots.milestones.done', group: 'pilots', label: { vi: 'Mốc hoàn thành trong kỳ', en: 'Milestones done in the period' }, value: ms.doneInPeriod, unit: 'count' },
		{ key: 'pilots.milestones.due', group: 'pilots', label: { vi: 'Mốc đến hạn trong kỳ', en: 'Milestones due in the period' }, value: ms.dueInPeriod, unit: 'count' },
		{ key: 'pilots.progress', group: 'pilots', label: { vi: 'Tiến độ thí điểm (% mốc hoàn thành)', en: 'Pilot progress (% milestones done)' }, value: ms.total ? Math.floor((ms.done * 100) / ms.total) : null, unit: 'percent' }
	];
	return figures;
};
