/**
 * Form fields of the training pages turned into the API's input shapes. Times in forms are
 * Vietnam's (datetime-local, Asia/Ho_Chi_Minh); numbers accept a decimal comma.
 */
import { vietnamMoment } from '../learning/assignment-views';
import { ValidationError } from '../errors';
import { m } from '#lib/paraglide/messages.js';

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v.replace(',', '.')));
const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

/** The create form; materials one per line as "title | https://link" (the link optional). */
export function courseFromForm(v: Record<string, string | undefined>) {
	return {
		orgUnitId: v.orgUnitId,
		programYear: num(v.programYear),
		title: v.title,
		targetGroup: v.targetGroup,
		description: v.description ?? '',
		startsOn: v.startsOn,
		endsOn: v.endsOn,
		capacity: v.capacity ? num(v.capacity) : null,
		maxScore: v.maxScore ? num(v.maxScore) : null,
		passMark: v.passMark ? num(v.passMark) : null,
		requiredShare: v.requiredPercent ? (num(v.requiredPercent) ?? 0) / 100 : undefined,
		materials: lines(v.materials).map((l) => {
			const [title, url] = l.split('|').map((x) => x.trim());
			return { title, body: '', url: url || null };
		})
	};
}

export function sessionFromForm(v: Record<string, string | undefined>) {
	return {
		title: v.title ?? '',
		startsAt: vietnamMoment(v.startsAt),
		endsAt: vietnamMoment(v.endsAt),
		place: v.place ?? '',
		online: v.online === 'on',
		trainerNames: (v.trainers ?? '').split(',').map((x) => x.trim()).filter(Boolean)
	};
}

/** External trainees one per line: "Họ và tên; email". */
export function externalFromForm(v: string | undefined) {
	return lines(v).map((l, i) => {
		const [fullName, email] = l.split(/[;,\t]/).map((x) => x.trim());
		if (!fullName || !email) throw new ValidationError(m.error_invalid_input(), [{ path: 'external', message: m.prgtrn_external_line({ line: i + 1 }) }]);
		return { fullName, email };
	});
}

/** A score field: empty = not entered (null). */
export const scoreFromForm = (v: string | undefined) => (v === undefined ? null : num(v));
