import { redirect } from '@sveltejs/kit';
import { asc, eq, like } from 'drizzle-orm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { mayEver } from '#lib/server/auth/policy';
import { idOr404, isUuid, orErrorPage } from '#lib/server/organisations/views';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { returnInput, statusQuery, surveyUpdate } from '#lib/server/programs/survey-inputs';
import { getSurvey, returnResponse, sendSurvey, surveyStatusBoard, updateSurvey } from '#lib/server/programs/survey-service';
import { questionFromForm, targetFromForm, vietnamLocal } from '#lib/server/programs/survey-views';
import { SCHOOL_LEVELS, moveQuestion, numbered, rewordQuestion, type SurveyDefinition } from '#lib/server/programs/survey-rules';
import { ValidationError } from '#lib/server/errors';
import { underPattern } from '#lib/server/db/like';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const id = idOr404(event.params.id);
	if (!mayEver(p, 'read', 'survey')) redirect(303, `/programs/surveys/${id}/respond`);
	const db = getContext().db;
	const survey = await orErrorPage(() => getSurvey(db, p, id));
	const questions = numbered(survey.definition).map(({ n, section, q }) => ({ n, section, id: q.id, label: q.label, help: q.help, type: q.type, required: q.required }));
	if (survey.status === 'draft') {
		const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, survey.orgUnitId));
		const prefix = underPattern(unit.path);
		const units = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(like(orgUnits.path, prefix)).orderBy(asc(orgUnits.path));
		const ss = await db.select({ id: schools.id, name: schools.name }).from(schools).where(like(schools.path, prefix)).orderBy(asc(schools.name));
		return { survey, questions, builder: { units, schools: ss, levels: SCHOOL_LEVELS, opensAt: vietnamLocal(survey.opensAt), closesAt: vietnamLocal(survey.closesAt) }, board: null, filter: {} };
	}
	const filter = parse(statusQuery, { orgUnitId: event.url.searchParams.get('unit') || undefined, status: event.url.searchParams.get('status') || undefined });
	return { survey, questions, builder: null, board: await orErrorPage(() => surveyStatusBoard(db, p, id, filter)), filter };
};

async function run(event: RequestEvent, name: string, work: (id: string, form: FormData, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const form = await event.request.formData();
	const v = formObject(form);
	try {
		await work(id, form, v);
	} catch (e) {
		return formFailure(e, v, name);
	}
	return { done: name };
}

/** The definition changed by `change`, saved at the version the builder read (null from `change`: a question that is not there, or cannot move so). */
async function editDefinition(event: RequestEvent, id: string, v: Record<string, string | undefined>, change: (d: SurveyDefinition) => SurveyDefinition | null) {
	const db = getContext().db;
	const p = event.locals.principal!;
	const s = await getSurvey(db, p, id);
	const definition = change(structuredClone(s.definition));
	if (!definition) throw new ValidationError(m.error_invalid_input(), [{ path: 'questionId', message: m.prgsrv_cannot_move() }]);
	return updateSurvey(db, p, id, parse(surveyUpdate, { version: Number(v.version), definition }));
}

/** zod's paths into the definition ("definition.sections.0.questions.2.options") become the builder's fields. */
function builderIssues(e: unknown) {
	if (!(e instanceof ValidationError)) return e;
	return new ValidationError(e.message, e.issues.map((i) => ({ path: i.path.replace(/^definition\.sections\.\d+\.questions\.\d+\.?/, '').split('.')[0] || 'label', message: i.message })));
}

export const actions: Actions = {
	details: (event) =>
		run(event, 'details', async (id, form, v) => {
			const t = targetFromForm(v, form.getAll('targetSchool').map(String).filter(isUuid));
			return updateSurvey(getContext().db, event.locals.principal!, id, parse(surveyUpdate, { version: Number(v.version), title: v.title ?? '', description: v.description ?? '', ...t }));
		}),
	addSection: (event) =>
		run(event, 'addSection', (id, _f, v) =>
			editDefinition(event, id, v, (d) => {
				const empty = d.sections.length === 1 && !d.sections[0].title && !d.sections[0].questions.length;
				if (empty) d.sections[0].title = v.sectionTitle ?? '';
				else d.sections.push({ id: `s${d.sections.length + 1}`, title: v.sectionTitle ?? '', description: '', questions: [] });
				return d;
			})
		),
	addQuestion: (event) =>
		run(event, 'addQuestion', async (id, _f, v) => {
			try {
				return await editDefinition(event, id, v, (d) => {
					const section = d.sections.find((s) => s.id === v.section) ?? d.sections[d.sections.length - 1];
					section.questions.push(questionFromForm(v, d.sections.flatMap((s) => s.questions.map((q) => q.id))) as never);
					return d;
				});
			} catch (e) {
				throw builderIssues(e);
			}
		}),
	removeQuestion: (event) =>
		run(event, 'removeQuestion', (id, _f, v) =>
			editDefinition(event, id, v, (d) => {
				for (const s of d.sections) s.questions = s.questions.filter((q) => q.id !== v.questionId);
				return d;
			})
		),
	moveQuestion: (event) => run(event, 'moveQuestion', (id, _f, v) => editDefinition(event, id, v, (d) => moveQuestion(d, v.questionId ?? '', v.direction === 'up' ? 'up' : 'down'))),
	rewordQuestion: (event) =>
		run(event, 'rewordQuestion', async (id, _f, v) => {
			try {
				return await editDefinition(event, id, v, (d) => rewordQuestion(d, v.questionId ?? '', { label: v.label ?? '', help: v.help ?? '', required: v.required === 'on' }));
			} catch (e) {
				throw builderIssues(e);
			}
		}),
	send: (event) => run(event, 'send', (id) => sendSurvey(getContext().db, event.locals.principal!, id)),
	return: (event) =>
		run(event, 'return', (_id, _f, v) => {
			if (!isUuid(v.responseId)) throw new ValidationError(m.error_invalid_input());
			return returnResponse(getContext().db, event.locals.principal!, v.responseId, parse(returnInput, { reason: v.reason ?? '' }).reason);
		})
};
