import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { getSchool, listClasses, listOrgUnits, listSchools, listSubjects } from '#lib/server/organisations/service';
import { searchPeople } from '#lib/server/people/service';
import { nameGrants, ownLearnerPlacements, type Placement } from '#lib/server/auth/scope-names';
import type { Principal, Role } from '#lib/server/auth/principal';
import type { Executor } from '#lib/server/db/client';
import { learningTasks } from '#lib/server/learning/views';

/** One card group of the home page; a person with several roles sees several. */
export type Section =
	| { kind: 'admin'; counts: { units: number; schools: number; classes: number; people: number } }
	| { kind: 'officer'; role: Role; scope: string | null; total: number; byLevel: { level: string; count: number }[]; schools: { id: string; name: string; level: string }[] }
	| { kind: 'leader'; school: { id: string; name: string; level: string }; classes: number; learners: number }
	| { kind: 'teacher'; classes: { id: string; name: string; school: string; learnerCount: number; homeroom: boolean }[] }
	| { kind: 'group'; group: string; school: string; subjects: string[] }
	| { kind: 'counsellor'; school: { id: string; name: string }; learners: number }
	| { kind: 'parent' | 'learner'; placements: Placement[] }
	| { kind: 'community'; role: Role };

const SCHOOL_LIST_MAX = 8;
const countPeople = async (db: Executor, p: Principal, filter: { kind?: 'learner'; schoolId?: string } = {}) =>
	(await searchPeople(db, p, { ...filter, page: 1, pageSize: 1 })).total;

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const grants = await nameGrants(db, p);
	const has = (role: Role) => grants.some((g) => g.role === role);
	const sections: Section[] = [];

	if (has('system_admin')) {
		const [units, schools, classes, people] = await Promise.all([listOrgUnits(db, p), listSchools(db, p), listClasses(db, p, {}), countPeople(db, p)]);
		sections.push({ kind: 'admin', counts: { units: units.length, schools: schools.length, classes: classes.length, people } });
	}

	for (const g of grants.filter((x) => x.role === 'city_officer' || x.role === 'unit_officer')) {
		// The service lists every school the caller may read; keep those under this grant's scope.
		const schools = (await listSchools(db, p)).filter((s) => s.path.startsWith(g.scopePath));
		const byLevel = new Map<string, number>();
		for (const s of schools) byLevel.set(s.level, (byLevel.get(s.level) ?? 0) + 1);
		sections.push({
			kind: 'officer',
			role: g.role,
			scope: g.names.unit ?? null,
			total: schools.length,
			byLevel: [...byLevel].map(([level, count]) => ({ level, count })),
			schools: schools.slice(0, SCHOOL_LIST_MAX).map((s) => ({ id: s.id, name: s.name, level: s.level }))
		});
	}

	for (const g of grants.filter((x) => x.role === 'school_leader' && x.scopeType === 'school' && x.scopeId)) {
		const [school, classes] = await Promise.all([getSchool(db, p, g.scopeId!), listClasses(db, p, { schoolId: g.scopeId! })]);
		sections.push({
			kind: 'leader',
			school: { id: school.id, name: school.name, level: school.level },
			classes: classes.length,
			learners: classes.reduce((n, c) => n + Number(c.learnerCount), 0)
		});
	}

	const classGrants = grants.filter((x) => (x.role === 'teacher' || x.role === 'homeroom_teacher') && x.scopeType === 'class' && x.scopeId);
	if (has('teacher') || has('homeroom_teacher')) {
		const homeroom = new Set(classGrants.filter((x) => x.role === 'homeroom_teacher').map((x) => x.scopeId));
		const mine = new Set(classGrants.map((x) => x.scopeId));
		const bySchool = new Map(classGrants.map((x) => [x.names.schoolId!, x.names.school ?? '']));
		const classes = [];
		for (const [schoolId, schoolName] of bySchool) {
			for (const c of await listClasses(db, p, { schoolId })) {
				if (mine.has(c.id)) classes.push({ id: c.id, name: c.name, school: schoolName, learnerCount: Number(c.learnerCount), homeroom: homeroom.has(c.id) });
			}
		}
		sections.push({ kind: 'teacher', classes });
	}

	for (const g of grants.filter((x) => x.role === 'subject_group_head' && x.schoolId)) {
		const { groups, subjects } = await listSubjects(db, p, g.schoolId!);
		const group = groups.find((x) => x.id === g.scopeId);
		if (group) sections.push({ kind: 'group', group: group.name, school: g.names.school ?? '', subjects: subjects.filter((s) => s.subjectGroupId === group.id).map((s) => s.name) });
	}

	for (const g of grants.filter((x) => x.role === 'counsellor' && x.schoolId)) {
		sections.push({ kind: 'counsellor', school: { id: g.schoolId!, name: g.names.school ?? '' }, learners: await countPeople(db, p, { kind: 'learner', schoolId: g.schoolId! }) });
	}

	if (has('parent') || has('learner')) {
		const placements = await ownLearnerPlacements(db, p);
		if (has('parent')) sections.push({ kind: 'parent', placements: placements.filter((x) => p.childIds.includes(x.learnerId)) });
		if (has('learner')) sections.push({ kind: 'learner', placements: placements.filter((x) => x.learnerId === p.personId) });
	}

	for (const role of (['mentor', 'alumnus', 'partner_contact'] as const).filter(has)) sections.push({ kind: 'community', role });

	return { name: p.displayName, sections, tasks: await learningTasks(db, p) };
};
