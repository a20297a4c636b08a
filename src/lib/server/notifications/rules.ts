/**
 * The timing rules of the notification service as pure functions of an explicit `now`: quiet
 * hours and the daily digest's slot (the outbox's retry backoff is platform/backoff.ts). Times of day are local to the
 * person's time zone (Asia/Ho_Chi_Minh unless they chose another); instants are UTC Dates.
 */

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** 'HH:MM' (24-hour) → minutes after midnight, or null when malformed. */
export function parseTimeOfDay(s: string): number | null {
	const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Minutes after local midnight of `now` in `timeZone` (seconds ignored). */
export function localMinutes(now: Date, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
	return get('hour') * 60 + get('minute');
}

const floorToMinute = (d: Date) => new Date(Math.floor(d.getTime() / MINUTE) * MINUTE);

export interface QuietHours {
	start: string;
	end: string;
	timeZone: string;
}

/**
 * When a non-urgent message may leave: null when `now` is outside the quiet hours, otherwise the
 * instant they end. The window may cross midnight (21:00–06:30); start = end means no quiet hours.
 * (Counted in minutes from now, so a daylight-saving change inside the window shifts it by that
 * hour; Vietnam has none.)
 */
export function quietUntil(now: Date, q: QuietHours | null | undefined): Date | null {
	if (!q) return null;
	const start = parseTimeOfDay(q.start);
	const end = parseTimeOfDay(q.end);
	if (start === null || end === null || start === end) return null;
	const t = localMinutes(now, q.timeZone);
	const inside = start < end ? t >= start && t < end : t >= start || t < end;
	if (!inside) return null;
	const wait = (end - t + DAY_MINUTES) % DAY_MINUTES;
	return new Date(floorToMinute(now).getTime() + wait * MINUTE);
}

/** The latest daily digest slot at or before `now`: today's `hour` o'clock local, or yesterday's. */
export function digestSlot(now: Date, hour: number, timeZone: string): Date {
	const since = (localMinutes(now, timeZone) - hour * 60 + DAY_MINUTES) % DAY_MINUTES;
	return new Date(floorToMinute(now).getTime() - since * MINUTE);
}

/**
 * Whether a digest is due: the latest slot has passed since the last digest, and something has
 * waited since before that slot (what came in after today's digest waits for tomorrow's; someone
 * who just chose the digest gets their first at the next slot, not at once).
 */
export function digestDue(now: Date, hour: number, timeZone: string, lastDigestAt: Date | null, oldestWaiting: Date): boolean {
	const slot = digestSlot(now, hour, timeZone);
	return (!lastDigestAt || lastDigestAt.getTime() < slot.getTime()) && oldestWaiting.getTime() <= slot.getTime();
}

/** A time zone name the runtime knows (IANA, e.g. Asia/Ho_Chi_Minh). */
export function isTimeZone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}
