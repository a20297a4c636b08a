import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { mayEver } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { assignInput, bookingInput, caseInput, slotsInput } from '#lib/server/counselling/inputs';
import { assignCounsellor, bookSlot, cancelBooking, caseQueue, createCase, deleteSlot, freeSlots, listBookings, listCases, mySlots, publishSlots, schoolCounsellors } from '#lib/server/counselling/service';
import { idOr404, orErrorPage, pageFailure, visibleNames } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const may = {
		ask: mayEver(p, 'create', 'counselling_case'),
		readCases: mayEver(p, 'read', 'counselling_case'),
		book: mayEver(p, 'create', 'counselling_booking'),
		bookings: mayEver(p, 'read', 'counselling_booking'),
		publish: mayEver(p, 'create', 'counselling_slot'),
		queue: mayEver(p, 'read', 'counselling_assignment'),
		assign: mayEver(p, 'create', 'counselling_assignment'),
		stats: mayEver(p, 'read', 'counselling_stats')
	};
	if (!may.readCases && !may.queue && !may.stats && !mayEver(p, 'read', 'counselling_slot')) error(403, m.ui_error_forbidden());
	const { db } = getContext();
	const [cases, free, bookings, slots, queue] = await orErrorPage(() =>
		Promise.all([
			may.readCases ? listCases(db, p) : [],
			may.book ? freeSlots(db, p) : [],
			may.bookings ? listBookings(db, p) : [],
			may.publish ? mySlots(db, p) : [],
			may.queue ? caseQueue(db, p) : []
		])
	);
	const schoolId = p.grants.find((g) => g.schoolId && (g.role === 'school_leader' || g.role === 'counsellor'))?.schoolId;
	const counsellors = may.assign && schoolId ? await schoolCounsellors(db, schoolId) : [];
	const childNames = p.childIds.length ? await visibleNames(db, p, p.childIds) : new Map<string, string>();
	return {
		may,
		children: p.childIds.map((id) => ({ id, name: childNames.get(id) ?? '' })),
		cases,
		free,
		bookings,
		slots,
		queue,
		counsellors
	};
};

async function run(event: RequestEvent, name: string, work: (v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const v = formObject(await event.request.formData());
	try {
		await work(v);
	} catch (e) {
		return pageFailure(e, v, name);
	}
	return { done: name };
}

const int = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const db = () => getContext().db;

export const actions: Actions = {
	ask: (event) =>
		run(event, 'ask', (v) =>
			createCase(db(), event.locals.principal!, parse(caseInput, { category: v.category, subject: v.subject, message: v.message, anonymous: v.anonymous === 'on', learnerId: v.learnerId }))
		),
	book: (event) => run(event, 'book', (v) => bookSlot(db(), event.locals.principal!, idOr404(v.slotId ?? ''), parse(bookingInput, { caseId: v.caseId ?? null }))),
	cancel: (event) => run(event, 'cancel', (v) => cancelBooking(db(), event.locals.principal!, idOr404(v.bookingId ?? ''))),
	publish: (event) =>
		run(event, 'publish', (v) =>
			publishSlots(db(), event.locals.principal!, parse(slotsInput, { date: v.date, time: v.time, minutes: int(v.minutes), count: int(v.count), gapMinutes: int(v.gapMinutes) ?? 0, mode: v.mode, place: v.place ?? '' }))
		),
	deleteSlot: (event) => run(event, 'deleteSlot', (v) => deleteSlot(db(), event.locals.principal!, idOr404(v.slotId ?? ''))),
	assign: (event) => run(event, 'assign', (v) => assignCounsellor(db(), event.locals.principal!, idOr404(v.caseId ?? ''), parse(assignInput, { counsellorId: v.counsellorId }).counsellorId))
};
