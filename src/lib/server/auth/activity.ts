/**
 * Who used Sen on which day (docs/decisions/012): `account_activity_days` gets one row per account
 * and day in Vietnam's time (UTC+7) on which the account signed in (`createSession`) or was
 * served a request with a session or an API token (`noteActivity`, from hooks.server.ts). The
 * dashboards' `dashboard-stats` job and the report figures count distinct accounts over these
 * rows, so a 7- or 30-day window is exact: a person who signed out still counts for the day, and
 * one who stays signed in for weeks counts on every day they use Sen.
 *
 * Cheap at city scale: at most one row per active account and day (the primary key, written
 * `on conflict do nothing`, so several processes may race); a process's requests write an
 * account's day once (ActivityThrottle; again only after a failed write or a mark dropped at the
 * throttle's capacity, and every sign-in writes — each extra write an insert that does nothing),
 * so most requests add one in-memory check and no query; rows older
 * than ACTIVITY_RETENTION_DAYS are pruned by the `dashboard-stats` job.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { todayInVietnam } from '../../format';
import { log } from '../log';
import { ActivityThrottle } from './activity-throttle';

/** Long enough for a yearly report drafted a month after its year ends (figures are snapshotted on submission). */
export const ACTIVITY_RETENTION_DAYS = 400;

/** This process's marks: one per account already written today. */
const throttle = new ActivityThrottle();

/**
 * Records that the account used Sen on `day` (YYYY-MM-DD in Vietnam), with the person's kind and
 * home school of that day; a second call for the same day writes nothing.
 */
export async function recordActivityDay(db: Executor, accountId: string, day: string): Promise<void> {
	await db.execute(sql`
		insert into account_activity_days (day, account_id, kind, school_id)
		select ${day}::date, a.id, p.kind, p.school_id from accounts a join persons p on p.id = a.person_id where a.id = ${accountId}
		on conflict (day, account_id) do nothing`);
}

/** A sign-in: its day is written whatever this process remembers, and the account's later requests today write nothing. */
export async function recordSignIn(db: Executor, accountId: string, now: Date): Promise<void> {
	const day = todayInVietnam(now);
	await recordActivityDay(db, accountId, day);
	throttle.claim(accountId, day);
}

/**
 * An authenticated request is being served: the account's day is written unless this process
 * already did so today. Never fails the request: a failed write is logged and retried on the
 * account's next request.
 */
export async function noteActivity(db: Executor, accountId: string, now = new Date()): Promise<void> {
	const day = todayInVietnam(now);
	if (!throttle.claim(accountId, day)) return;
	try {
		await recordActivityDay(db, accountId, day);
	} catch (err) {
		throttle.release(accountId, day);
		log.warn({ err, accountId }, 'activity day not recorded');
	}
}

/** Deletes the rows older than the retention (the `dashboard-stats` job); returns how many. */
export async function pruneActivityDays(db: Executor, now: Date, keepDays = ACTIVITY_RETENTION_DAYS): Promise<number> {
	const result = await db.execute(sql`delete from account_activity_days where day < ${todayInVietnam(now)}::date - ${keepDays}::int`);
	const r = result as { rowCount?: number | null; affectedRows?: number };
	return Number(r.rowCount ?? r.affectedRows ?? 0);
}
