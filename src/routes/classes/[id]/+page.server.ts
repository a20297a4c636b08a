import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { enrol, getClass, getSchool, listClassLearners, listSchoolYears, unenrol, updateClass } from '#lib/server/organisations/service';
import { classPatch, enrolmentInput } from '#lib/server/organisations/inputs';
import { idOr404, orErrorPage, pageFailure, schoolStaff, unplacedLearners, visibleNames } from '#lib/server/organisations/views';
import { fullName } from '#lib/server/people/names';
import { stageOf } from '#lib/server/gradebook/columns';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const cls = await orErrorPage(() => getClass(db, p, idOr404(event.params.id)));
	const [school, learners, years] = await orErrorPage(() => Promise.all([getSchool(db, p, cls.schoolId), listClassLearners(db, p, cls.id), listSchoolYears(db, p, cls.schoolId)]));
	const canEdit = can(p, 'update', 'class', cls);
	const canEnrol = can(p, 'create', 'enrolment', cls);
	const [staff, homeroom, unplaced] = await Promise.all([
		canEdit ? schoolStaff(db, p, school.id) : [],
		visibleNames(db, p, [cls.homeroomTeacherId]),
		canEnrol ? unplacedLearners(db, p, school.id, cls.schoolYearId) : []
	]);
	return {
		cls: { id: cls.id, name: cls.name, grade: cls.grade, homeroomTeacherId: cls.homeroomTeacherId ?? '' },
		homeroom: cls.homeroomTeacherId ? (homeroom.get(cls.homeroomTeacherId) ?? '') : '',
		school: { id: school.id, name: school.name },
		year: years.find((y) => y.id === cls.schoolYearId)?.name ?? '',
		learners: learners.map((l) => ({ enrolmentId: l.enrolmentId, id: l.id, name: fullName(l), code: l.learnerCode ?? '', dateOfBirth: l.dateOfBirth, gender: l.gender })),
		staff,
		unplaced,
		can: { edit: canEdit, enrol: canEnrol, unenrol: can(p, 'delete', 'enrolment', cls), attendance: can(p, 'read', 'attendance', cls), stageAssessment: can(p, 'read', 'conduct', cls) ? stageOf(school.level, cls.grade) : null }
	};
};

async function run(event: RequestEvent, form: string, work: (values: Record<string, string | undefined>, classId: string) => Promise<unknown>) {
	requirePrincipal(event);
	const classId = idOr404(event.params.id);
	const values = formObject(await event.request.formData());
	try {
		await work(values, classId);
	} catch (e) {
		return pageFailure(e, values, form);
	}
	return { done: form };
}

export const actions: Actions = {
	// An emptied homeroom select removes the homeroom teacher.
	update: (event) => run(event, 'update', (v, id) => updateClass(getContext().db, event.locals.principal!, id, parse(classPatch, { ...v, homeroomTeacherId: v.homeroomTeacherId ?? null }))),
	enrol: (event) => run(event, 'enrol', (v, classId) => enrol(getContext().db, event.locals.principal!, parse(enrolmentInput, { ...v, classId }))),
	unenrol: (event) => run(event, 'unenrol', (v) => unenrol(getContext().db, event.locals.principal!, idOr404(v.enrolmentId ?? '')))
};
