/**
 * The one way dates are shown: dd/mm/yyyy, and moments in Vietnam's time (stored in UTC, shown in
 * Asia/Ho_Chi_Minh) as dd/mm/yyyy HH:mm, whatever the server's or the browser's time zone.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar date ("2014-03-09", as Postgres `date` columns arrive) or a moment, as dd/mm/yyyy; empty for none. */
export function formatDate(value: string | Date | null | undefined): string {
	if (!value) return '';
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const [y, mo, d] = value.split('-');
		return `${d}/${mo}/${y}`;
	}
	const p = parts(value);
	return p ? `${p.day}/${p.month}/${p.year}` : String(value);
}

/** A moment as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh; empty for none. */
export function formatDateTime(value: string | Date | null | undefined): string {
	if (!value) return '';
	const p = parts(value);
	return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : String(value);
}

const formatter = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function parts(value: string | Date): Record<string, string> | null {
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return null;
	return Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Today in Vietnam (Asia/Ho_Chi_Minh) as an ISO date: a school day does not follow the server's clock. */
export function todayInVietnam(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
