/**
 * iCalendar (RFC 5545) files for events and meetings, written by ical-generator (CRLF line ends,
 * lines folded at 75 octets, text escaped, times in UTC with Z, a UID and DTSTAMP per event).
 */
import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarItem {
	/** Stable across downloads so a calendar app updates the entry instead of adding another. */
	uid: string;
	title: string;
	description?: string;
	location?: string;
	startsAt: Date;
	endsAt: Date;
	url?: string;
	cancelled?: boolean;
}

export function calendarText(name: string, items: readonly CalendarItem[], stamp = new Date()): string {
	const cal = ical({ name, prodId: { company: 'Sen', product: 'Sen', language: 'VI' } });
	for (const it of items) {
		cal.createEvent({
			id: it.uid,
			summary: it.title,
			description: it.description || undefined,
			location: it.location || undefined,
			start: it.startsAt,
			end: it.endsAt,
			url: it.url,
			stamp,
			status: it.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return cal.toString();
}

/** The download: `text/calendar; charset=utf-8`, not cached by shared caches (it is personal). */
export function calendarResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
