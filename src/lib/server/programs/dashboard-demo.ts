import type { Executor } from '../db/client';
import { refreshDashboardStats } from './dashboard-stats';

/** The demo's dashboards have today's counts from the start, before the job's first run. */
export async function seedDashboardDemo(tx: Executor, now = new Date()): Promise<void> {
	await refreshDashboardStats(tx, now, 1);
}
