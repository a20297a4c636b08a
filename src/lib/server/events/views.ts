/**
 * Form fields of the events and meetings pages turned into the API's input shapes. Times in forms
 * are Vietnam's (datetime-local, Asia/Ho_Chi_Minh); a place to hold something is one choice,
 * "school:<id>" or "unit:<id>".
 */
import { vietnamMoment } from '../learning/assignment-views';

const host = (v: string | undefined) => {
	const [kind, id] = (v ?? '').split(':');
	return { schoolId: kind === 'school' ? id : undefined, orgUnitId: kind === 'unit' ? id : undefined };
};

/** The form's host ("school:<id>" or "unit:<id>") and Vietnam times, as the API's input. */
export function eventFromForm(v: Record<string, string | undefined>) {
	return {
		...host(v.host),
		kind: v.kind,
		title: v.title,
		description: v.description ?? '',
		startsAt: vietnamMoment(v.startsAt),
		endsAt: vietnamMoment(v.endsAt),
		placeId: v.placeId || null,
		venue: v.venue ?? '',
		online: v.online === 'on',
		capacity: v.capacity ? Number(v.capacity) : null,
		audience: v.audience,
		registrationOpensAt: vietnamMoment(v.registrationOpensAt) ?? null,
		registrationClosesAt: vietnamMoment(v.registrationClosesAt) ?? null
	};
}


/** The meeting form: a class for class and parents' meetings, else the host; invitees from the picker. */
export function meetingFromForm(v: Record<string, string | undefined>, inviteeIds: string[]) {
	return {
		forKind: v.forKind,
		classId: v.classId || undefined,
		...host(v.host),
		title: v.title,
		description: v.description ?? '',
		startsAt: vietnamMoment(v.startsAt),
		endsAt: vietnamMoment(v.endsAt),
		inviteeIds
	};
}
