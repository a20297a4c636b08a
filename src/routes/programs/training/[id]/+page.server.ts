import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { asc, like } from 'drizzle-orm';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { attendanceInput, courseUpdateInput, enrolInput, feedbackInput, quotasInput, scoresInput, sessionInput } from '#lib/server/programs/training-inputs';
import { addCourseDocuments, addSession, deleteSession, mayAddCourseDocuments, removeCourseDocument, enrol, enrolmentCandidates, getCourse, giveFeedback, recordAttendance, recordScores, setQuotas, updateCourse, withdraw } from '#lib/server/programs/training-service';
import { externalFromForm, scoreFromForm, sessionFromForm } from '#lib/server/programs/training-views';
import { COURSE_STATUSES } from '#lib/server/programs/training-rules';
import { schools } from '#lib/server/organisations/schema';
import { idOr404, isUuid, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { ValidationError } from '#lib/server/errors';
import { underPattern } from '#lib/server/db/like';
import { readUploads } from '#lib/server/files/upload';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const id = idOr404(event.params.id);
	const view = await orErrorPage(() => getCourse(db, p, id));
	const candidates = view.mayEnrol && view.quotas.length ? await enrolmentCandidates(db, p, id) : [];
	// The organiser's quota form offers every school under the course's path.
	const schoolChoices = view.manage ? await db.select({ id: schools.id, name: schools.name }).from(schools).where(like(schools.path, underPattern(view.course.path))).orderBy(asc(schools.name)) : [];
	return { ...view, candidates, schoolChoices, statuses: COURSE_STATUSES };
};

/** Forms with one row per person or school: their row-level messages stand as they are. */
const ROW_FORMS = new Set(['enrol', 'enrolExternal', 'quotas', 'attendance', 'scores']);

/** Runs one form of the page; a failure names the form so it shows in place. */
async function run(event: RequestEvent, name: string, work: (id: string, form: FormData, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const form = await event.request.formData();
	const v = formObject(form);
	try {
		await work(id, form, v);
	} catch (e) {
		return ROW_FORMS.has(name) ? formFailure(e, v, name) : pageFailure(e, v, name);
	}
	return { done: name };
}

const db = () => getContext().db;

export const actions: Actions = {
	/** Multipart: documents for the course, refused before a byte is stored to whom may not run it. */
	documents: async (event) => {
		const p = requirePrincipal(event);
		const id = idOr404(event.params.id);
		try {
			await mayAddCourseDocuments(db(), p, id);
			const upload = event.request.headers.get('content-type')?.startsWith('multipart/form-data') ? await readUploads(event.request) : { files: [] };
			await addCourseDocuments(db(), p, id, upload.files);
		} catch (e) {
			return formFailure(e, {}, 'documents');
		}
		return { done: 'documents' };
	},
	/** A leader's (or officer's) enrolment: one checkbox per candidate, all or nothing. */
	enrol: (event) =>
		run(event, 'enrol', (id, f) => {
			const personIds = f.getAll('personId').map(String).filter(isUuid);
			if (!personIds.length) throw new ValidationError(m.prgtrn_pick_someone(), [{ path: 'personIds', message: m.prgtrn_pick_someone() }]);
			return enrol(db(), event.locals.principal!, id, parse(enrolInput, { personIds }));
		}),
	enrolExternal: (event) => run(event, 'enrolExternal', (id, _f, v) => enrol(db(), event.locals.principal!, id, parse(enrolInput, { external: externalFromForm(v.external) }))),
	withdraw: (event) =>
		run(event, 'withdraw', (id, _f, v) => {
			if (!isUuid(v.enrolmentId)) throw new ValidationError(m.error_invalid_input());
			return withdraw(db(), event.locals.principal!, id, v.enrolmentId);
		}),
	addSession: (event) => run(event, 'addSession', (id, _f, v) => addSession(db(), event.locals.principal!, id, parse(sessionInput, sessionFromForm(v)))),
	removeDocument: (event) => run(event, 'removeDocument', (id, _f, v) => removeCourseDocument(db(), event.locals.principal!, id, idOr404(v.fileId ?? ''))),
	deleteSession: (event) =>
		run(event, 'deleteSession', (id, _f, v) => {
			if (!isUuid(v.sessionId)) throw new ValidationError(m.error_invalid_input());
			return deleteSession(db(), event.locals.principal!, id, v.sessionId);
		}),
	/** Places per school: one number per school (empty = leave as is, 0 = remove). */
	quotas: (event) =>
		run(event, 'quotas', (id, f) => {
			const quotas = [...f.entries()].filter(([k, val]) => k.startsWith('places:') && String(val).trim() !== '').map(([k, val]) => ({ schoolId: k.slice(7), places: Number(val) }));
			return setQuotas(db(), event.locals.principal!, id, parse(quotasInput, { quotas }).quotas);
		}),
	/** The attendance sheet of one session: `row` lists every enrolment shown, `attended` those present. */
	attendance: (event) =>
		run(event, 'attendance', (id, f, v) => {
			if (!isUuid(v.sessionId)) throw new ValidationError(m.error_invalid_input());
			const present = new Set(f.getAll('attended').map(String));
			const rows = f.getAll('row').map(String).filter(isUuid).map((enrolmentId) => ({ enrolmentId, attended: present.has(enrolmentId) }));
			return recordAttendance(db(), event.locals.principal!, id, v.sessionId, parse(attendanceInput, { rows }).rows);
		}),
	scores: (event) =>
		run(event, 'scores', (id, f, v) => {
			const rows = f.getAll('row').map(String).filter(isUuid).map((enrolmentId) => ({ enrolmentId, preScore: scoreFromForm(v[`pre:${enrolmentId}`]), postScore: scoreFromForm(v[`post:${enrolmentId}`]) }));
			return recordScores(db(), event.locals.principal!, id, parse(scoresInput, { rows }).rows);
		}),
	feedback: (event) =>
		run(event, 'feedback', (id, _f, v) =>
			giveFeedback(db(), event.locals.principal!, id, parse(feedbackInput, { usefulness: v.usefulness ? Number(v.usefulness) : undefined, applicability: v.applicability ? Number(v.applicability) : undefined, comment: v.comment ?? '' }))
		),
	status: (event) => run(event, 'status', (id, _f, v) => updateCourse(db(), event.locals.principal!, id, parse(courseUpdateInput.pick({ status: true }), { status: v.status })))
};
