/**
 * Periodic jobs run by the server process (outbox delivery, reminders, digests, retention). Each
 * job must be idempotent and safe to run from several processes at once (claim rows with
 * `for update skip locked`, or notify with an event key), since every Sen process runs them.
 * A module adds its job to `periodicJobs`; `startJobs` runs each one at a time, the next run
 * starting `everySeconds` after the previous one finished.
 */
import type { Database } from '../db/client';
import { log } from '../log';
import { deliverPending } from './outbox';
import { sendDigests } from '../notifications/digest';
import { applyRetention } from '../messaging/service';
import { sendEventReminders } from '../events/service';
import { refreshDashboardStats } from '../programs/dashboard-stats';
import { pruneActivityDays } from '../auth/activity';
import { sendReportReminders } from '../programs/report-service';
import { sendSessionReminders } from '../programs/training-service';
import { sendSurveyReminders } from '../programs/survey-service';
import { sendMilestoneReminders } from '../programs/pilot-service';

export interface PeriodicJob {
	name: string;
	everySeconds: number;
	run(db: Database, now: Date): Promise<unknown>;
}

export const periodicJobs: PeriodicJob[] = [
	{ name: 'outbox', everySeconds: 2, run: (db, now) => deliverPending(db, now) },
	// Daily notification digests (each person's slot once); minutes apart is soon enough.
	{ name: 'notification-digest', everySeconds: 60, run: (db, now) => sendDigests(db, now) },
	// Messaging retention (messaging.retentionDays per school); deleting twice deletes nothing more.
	{ name: 'messaging-retention', everySeconds: 6 * 3600, run: (db, now) => applyRetention(db, now) },
	// A day before an event, its confirmed registrants (once per event and person).
	{ name: 'event-reminders', everySeconds: 300, run: (db, now) => sendEventReminders(db, now) },
	// The program dashboards' rows per school and day and the score bands (recomputing writes the same
	// rows), then the activity days older than their retention (deleting twice deletes nothing more).
	{ name: 'dashboard-stats', everySeconds: 900, run: async (db, now) => ({ ...(await refreshDashboardStats(db, now)), pruned: await pruneActivityDays(db, now) }) },
	// Periodic report deadlines: 3 days before, on the day, overdue (once each per organisation and period).
	{ name: 'program-report-reminders', everySeconds: 3600, run: (db, now) => sendReportReminders(db, now) },
	// A day before a training session, its course's trainees (once per session and person).
	{ name: 'training-reminders', everySeconds: 300, run: (db, now) => sendSessionReminders(db, now) },
	// Schools that have not submitted a survey: N days before it closes and on its last day (once each).
	{ name: 'survey-reminders', everySeconds: 900, run: (db, now) => sendSurveyReminders(db, now) },
	// A week before a pilot milestone is due, its school's leaders (once per milestone).
	{ name: 'pilot-milestone-reminders', everySeconds: 3600, run: (db, now) => sendMilestoneReminders(db, now) }
];

/** Start every job; returns a stop function. */
export function startJobs(db: () => Database, jobs: readonly PeriodicJob[] = periodicJobs): () => void {
	let stopped = false;
	const timers = new Map<string, NodeJS.Timeout>();
	for (const job of jobs) {
		const tick = () => {
			job
				.run(db(), new Date())
				.catch((e) => log.error({ err: e, job: job.name }, `job ${job.name} failed`))
				.finally(() => {
					if (!stopped) timers.set(job.name, setTimeout(tick, job.everySeconds * 1000).unref());
				});
		};
		timers.set(job.name, setTimeout(tick, job.everySeconds * 1000).unref());
	}
	return () => {
		stopped = true;
		for (const t of timers.values()) clearTimeout(t);
	};
}
