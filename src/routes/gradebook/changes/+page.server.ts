import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject } from '#lib/server/http/validate';
import { decideChange, listChangeRequests, withdrawChange } from '#lib/server/gradebook/service';
import { mayDecide } from '#lib/server/gradebook/views';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
type Status = (typeof STATUSES)[number];

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const asked = event.url.searchParams.get('status');
	const status = STATUSES.includes(asked as Status) ? (asked as Status) : undefined;
	const rows = await orErrorPage(() => listChangeRequests(getContext().db, p, { status }));
	return {
		status: status ?? '',
		requests: rows.map((r) => ({
			id: r.id,
			className: r.className,
			subjectName: r.subjectName,
			term: r.term,
			columnLabel: r.columnLabel,
			learnerName: r.learnerName,
			oldValue: r.oldValue,
			newValue: r.newValue,
			reason: r.reason,
			requestedByName: r.requestedByName,
			requestedAt: r.requestedAt,
			status: r.status,
			decidedByName: r.decidedByName,
			decidedAt: r.decidedAt,
			decisionNote: r.decisionNote,
			mine: r.requestedBy === p.personId,
			canDecide: r.status === 'pending' && mayDecide(p, r),
			canWithdraw: r.status === 'pending' && r.requestedBy === p.personId
		}))
	};
};

export const actions: Actions = {
	/** The school leader approves (the new value is written) or rejects, with an optional note. */
	decide: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		const approve = values.decision === 'approve';
		try {
			await decideChange(getContext().db, p, idOr404(values.id ?? ''), { approve, note: values.note });
		} catch (e) {
			return pageFailure(e, values, `decide:${values.id}`);
		}
		return { done: approve ? ('approved' as const) : ('rejected' as const) };
	},
	/** The teacher takes back their own pending request. */
	withdraw: async (event) => {
		const p = requirePrincipal(event);
		const values = formObject(await event.request.formData());
		try {
			await withdrawChange(getContext().db, p, idOr404(values.id ?? ''));
		} catch (e) {
			return pageFailure(e, values, `withdraw:${values.id}`);
		}
		return { done: 'withdrawn' as const };
	}
};
