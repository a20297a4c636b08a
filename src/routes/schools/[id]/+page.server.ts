import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { createClass, createSchoolYear, createSubject, createSubjectGroup, getOrgUnit, getSchool, listClasses, listSchoolYears, listSubjects, updateSchool } from '#lib/server/organisations/service';
import { classInput, schoolPatch, schoolYearInput, subjectGroupInput, subjectInput } from '#lib/server/organisations/inputs';
import { idOr404, orErrorPage, pageFailure, schoolStaff, visibleNames } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const school = await orErrorPage(() => getSchool(db, p, idOr404(event.params.id)));
	const [years, subjects, unit] = await Promise.all([listSchoolYears(db, p, school.id), listSubjects(db, p, school.id), getOrgUnit(db, p, school.orgUnitId).catch(() => null)]);
	// The year asked for, else the one running today, else the latest.
	const today = new Date().toISOString().slice(0, 10);
	const year = years.find((y) => y.id === event.url.searchParams.get('year')) ?? years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? years.at(-1);
	const classes = year ? await listClasses(db, p, { schoolId: school.id, schoolYearId: year.id }) : [];
	const canAddClass = can(p, 'create', 'class', school);
	const [staff, homeroomNames] = await Promise.all([canAddClass ? schoolStaff(db, p, school.id) : [], visibleNames(db, p, classes.map((c) => c.homeroomTeacherId))]);
	return {
		school: { id: school.id, name: school.name, code: school.code, level: school.level, ownership: school.ownership, setting: school.setting, address: school.address },
		unit: unit ? { id: unit.id, name: unit.name } : null,
		years: years.map((y) => ({ id: y.id, name: y.name, startsOn: y.startsOn, endsOn: y.endsOn, terms: y.terms.map((t) => ({ number: t.number, startsOn: t.startsOn, endsOn: t.endsOn })) })),
		year: year ? { id: year.id, name: year.name } : null,
		classes: classes.map((c) => ({ id: c.id, name: c.name, grade: c.grade, learnerCount: Number(c.learnerCount), homeroom: c.homeroomTeacherId ? (homeroomNames.get(c.homeroomTeacherId) ?? '') : '' })),
		groups: subjects.groups.map((g) => ({ id: g.id, name: g.name })),
		subjects: subjects.subjects.map((s) => ({ id: s.id, name: s.name, code: s.code, assessment: s.assessment, periodsPerYear: s.periodsPerYear, groupId: s.subjectGroupId })),
		staff,
		can: {
			edit: can(p, 'update', 'school', school),
			addYear: can(p, 'create', 'school_year', school),
			addSubject: can(p, 'create', 'subject', school),
			addClass: canAddClass,
			settings: can(p, 'read', 'settings', school)
		}
	};
};

/** Runs one of this page's forms: parse, call the service, or hand the errors back to the form. */
async function run(event: RequestEvent, form: string, work: (values: Record<string, string | undefined>, schoolId: string) => Promise<unknown>) {
	requirePrincipal(event);
	const schoolId = idOr404(event.params.id);
	const values = formObject(await event.request.formData());
	try {
		await work(values, schoolId);
	} catch (e) {
		return pageFailure(e, values, form);
	}
	return { done: form, name: values.name ?? '' };
}

export const actions: Actions = {
	updateSchool: (event) => run(event, 'updateSchool', (v, id) => updateSchool(getContext().db, event.locals.principal!, id, parse(schoolPatch, { ...v, address: v.address ?? '' }))),
	createYear: (event) => run(event, 'createYear', (v, schoolId) => createSchoolYear(getContext().db, event.locals.principal!, parse(schoolYearInput, { ...v, schoolId }))),
	createGroup: (event) => run(event, 'createGroup', (v, schoolId) => createSubjectGroup(getContext().db, event.locals.principal!, parse(subjectGroupInput, { ...v, schoolId }))),
	createSubject: (event) => run(event, 'createSubject', (v, schoolId) => createSubject(getContext().db, event.locals.principal!, parse(subjectInput, { ...v, schoolId }))),
	createClass: (event) => run(event, 'createClass', (v) => createClass(getContext().db, event.locals.principal!, parse(classInput, v)))
};
