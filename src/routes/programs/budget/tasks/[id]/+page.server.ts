import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { discardUploads, readUploads } from '#lib/server/files/upload';
import { commitmentInput, reversalInput, spendingInput, taskPatch } from '#lib/server/programs/budget-inputs';
import { budgetAccess, createCommitment, createSpending, getTask, mayEditBudget, reverseCommitment, reverseSpending, updateTask } from '#lib/server/programs/budget-service';
import { taskView } from '#lib/server/programs/budget-views';
import { todayInVietnam } from '#lib/format';

const db = () => getContext().db;

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const t = await orErrorPage(() => getTask(db(), p, idOr404(event.params.id)));
	return { t: taskView(t), today: todayInVietnam(), canEdit: await mayEditBudget(db(), p) };
};

/** A form post; a failure names its form (and entry) so the page shows it in place. */
async function run(event: RequestEvent, name: string, work: (v: Record<string, string | undefined>) => Promise<{ warnings?: string[] } | unknown>) {
	requirePrincipal(event);
	idOr404(event.params.id);
	const v = formObject(await event.request.formData());
	try {
		const r = (await work(v)) as { warnings?: string[] } | undefined;
		return { done: name, warnings: r?.warnings ?? [] };
	} catch (e) {
		return pageFailure(e, v, [name, v.entryId].filter(Boolean).join(':'));
	}
}

export const actions: Actions = {
	task: (event) => run(event, 'task', (v) => updateTask(db(), event.locals.principal!, event.params.id, parse(taskPatch, { code: v.code, name: v.name }))),
	commitment: (event) =>
		run(event, 'commitment', (v) =>
			createCommitment(db(), event.locals.principal!, parse(commitmentInput, { taskId: event.params.id, year: v.year, amount: v.amount, counterparty: v.counterparty, signedOn: v.signedOn, document: v.document ?? '' }))
		),
	/** Multipart: the documents are streamed into the store and removed again if the entry is refused. */
	spending: async (event) => {
		const p = requirePrincipal(event);
		const taskId = idOr404(event.params.id);
		let fields: Record<string, string | undefined> = {};
		try {
			await budgetAccess(db(), p, 'create');
			const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
			const upload = multipart ? await readUploads(event.request) : { fields: formObject(await event.request.formData()), files: [] };
			fields = upload.fields;
			let input;
			try {
				input = parse(spendingInput, { taskId, year: fields.year, amount: fields.amount, spentOn: fields.spentOn, description: fields.description, voucherNo: fields.voucherNo ?? '', commitmentId: fields.commitmentId ?? null });
			} catch (e) {
				await discardUploads(upload.files);
				throw e;
			}
			const r = await createSpending(db(), p, input, upload.files);
			return { done: 'spending', warnings: r.warnings };
		} catch (e) {
			return pageFailure(e, fields, 'spending');
		}
	},
	reverseCommitment: (event) => run(event, 'reverseCommitment', (v) => reverseCommitment(db(), event.locals.principal!, idOr404(v.entryId ?? ''), parse(reversalInput, { amount: v.amount, reason: v.reason }))),
	reverseSpending: (event) => run(event, 'reverseSpending', (v) => reverseSpending(db(), event.locals.principal!, idOr404(v.entryId ?? ''), parse(reversalInput, { amount: v.amount, reason: v.reason })))
};
