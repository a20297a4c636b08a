/**
 * A primary teacher of the demo's Tiểu học Hoa Sữa 5A, set up as the administrator does it through
 * the API: a staff person with the teacher (school) and homeroom (5A) roles, an account, and the
 * named subjects created and assigned to them.
 */
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Client, TestApp } from './app';
import { classes, schools } from '#lib/server/organisations/schema';

export async function primaryTeacherOf5A(app: TestApp, subjectNames: readonly string[], account = { username: 'gv-hoasua', password: 'mat-khau-1' }) {
	const admin = await app.loginAs('admin');
	const [school] = await app.db.select().from(schools).where(eq(schools.code, 'TH-HOASUA'));
	const [{ id: classId }] = await app.db.select().from(classes).where(eq(classes.name, '5A'));
	const person = await (await admin.post('/api/v1/people', { kind: 'staff', familyName: 'Lê', middleName: 'Thu', givenName: 'Hà', schoolId: school.id, staffCode: 'GV-HS-001' })).json();
	for (const [role, scopeType, scopeId] of [['teacher', 'school', school.id], ['homeroom_teacher', 'class', classId]])
		expect((await admin.post(`/api/v1/people/${person.id}/roles`, { role, scopeType, scopeId })).status).toBe(201);
	expect((await admin.post(`/api/v1/people/${person.id}/account`, account)).status).toBe(201);
	const subjectIds: Record<string, string> = {};
	for (const [i, name] of subjectNames.entries()) {
		const s = await (await admin.post('/api/v1/subjects', { schoolId: school.id, code: `S${i}`, name, periodsPerYear: 70 })).json();
		subjectIds[name] = s.id;
		expect((await admin.post('/api/v1/teaching-assignments', { classId, subjectId: s.id, teacherId: person.id })).status).toBe(201);
	}
	const client: Client = await app.loginAs(account.username, account.password);
	return { schoolId: school.id as string, classId, teacherId: person.id as string, subjectIds, client };
}
