/**
 * The one registry of /api/v1 routes, from which /api/v1/openapi.json is generated with zod's
 * own JSON Schema output. A test fails when a +server.ts method is missing here.
 */
import { z } from 'zod';
import * as org from '../organisations/inputs';
import * as people from '../people/inputs';
import * as auth from '../auth/inputs';
import * as q from './queries';
import { importRouteDocs } from '../imports/openapi';
import { settingsRouteDocs } from '../settings/openapi';
import { gradebookRouteDocs } from '../gradebook/openapi';
import { gradebookReportRouteDocs } from '../gradebook/report-openapi';
import { gradebookFamilyRouteDocs } from '../gradebook/family-openapi';
import { learningRouteDocs } from '../learning/openapi';
import { elearningRouteDocs } from '../learning/elearning-openapi';
import { assignmentRouteDocs } from '../learning/assignment-openapi';
import { projectsRouteDocs } from '../learning/projects-openapi';
import { notificationRouteDocs } from '../notifications/openapi';
import { counsellingRouteDocs } from '../counselling/openapi';
import { messagingRouteDocs } from '../messaging/openapi';
import { networkRouteDocs } from '../network/openapi';
import { communityRouteDocs } from '../community/openapi';
import { eventsRouteDocs } from '../events/openapi';
import { dashboardRouteDocs } from '../programs/dashboard-openapi';
import { reportRouteDocs } from '../programs/report-openapi';
import { budgetRouteDocs } from '../programs/budget-openapi';
import { trainingRouteDocs } from '../programs/training-openapi';
import { surveyRouteDocs } from '../programs/survey-openapi';
import { pilotRouteDocs } from '../programs/pilot-openapi';
import { publicationRouteDocs } from '../programs/publication-openapi';

interface RouteDoc {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	summary: string;
	tag: string;
	body?: z.ZodType;
	query?: z.ZodObject;
	multipart?: boolean;
	public?: boolean;
	status?: number;
	/** The path is at the site root (health checks), not under /api/v1. */
	root?: boolean;
}

export const routes: RouteDoc[] = [
	{ method: 'post', path: '/auth/login', summary: 'Sign in with username or email and password; sets the session cookie', tag: 'auth', body: auth.loginInput, public: true },
	{ method: 'post', path: '/auth/logout', summary: 'Sign out (ends the session)', tag: 'auth', public: true, status: 204 },
	{ method: 'post', path: '/auth/password', summary: 'Change one’s own password', tag: 'auth', body: auth.changePasswordInput, status: 204 },
	{ method: 'post', path: '/auth/password-reset', summary: 'Email a password-reset link (always 202)', tag: 'auth', body: auth.resetRequestInput, public: true, status: 202 },
	{ method: 'put', path: '/auth/password-reset', summary: 'Set a new password with the emailed token', tag: 'auth', body: auth.resetCompleteInput, public: true, status: 204 },
	{ method: 'get', path: '/auth/tokens', summary: 'One’s own API tokens that still work (names and dates, never the secrets)', tag: 'auth' },
	{ method: 'post', path: '/auth/tokens', summary: 'Create a bearer API token (shown once)', tag: 'auth', body: auth.tokenInput, status: 201 },
	{ method: 'delete', path: '/auth/tokens/{id}', summary: 'Revoke one of one’s own API tokens', tag: 'auth', status: 204 },
	{ method: 'get', path: '/healthz', summary: 'Liveness: the process answers', tag: 'health', public: true, root: true },
	{ method: 'get', path: '/readyz', summary: 'Readiness: the database answers and every migration is applied (503 otherwise)', tag: 'health', public: true, root: true },
	{ method: 'get', path: '/openapi.json', summary: 'This document', tag: 'health', public: true },
	{ method: 'get', path: '/me', summary: 'The signed-in person, roles and scopes', tag: 'auth' },
	{ method: 'get', path: '/org-units', summary: 'Organisation units within scope', tag: 'organisations' },
	{ method: 'post', path: '/org-units', summary: 'Create an organisation unit', tag: 'organisations', body: org.orgUnitInput, status: 201 },
	{ method: 'get', path: '/org-units/{id}', summary: 'One organisation unit', tag: 'organisations' },
	{ method: 'patch', path: '/org-units/{id}', summary: 'Update an organisation unit', tag: 'organisations', body: org.orgUnitPatch },
	{ method: 'delete', path: '/org-units/{id}', summary: 'Delete an empty organisation unit', tag: 'organisations', status: 204 },
	{ method: 'get', path: '/schools', summary: 'Schools within scope', tag: 'organisations', query: q.schoolsQuery },
	{ method: 'post', path: '/schools', summary: 'Create a school under a unit', tag: 'organisations', body: org.schoolInput, status: 201 },
	{ method: 'get', path: '/schools/{id}', summary: 'One school', tag: 'organisations' },
	{ method: 'patch', path: '/schools/{id}', summary: 'Update a school', tag: 'organisations', body: org.schoolPatch },
	{ method: 'get', path: '/school-years', summary: 'School years of a school with their terms', tag: 'organisations', query: q.schoolIdQuery },
	{ method: 'post', path: '/school-years', summary: 'Create a school year and its two terms', tag: 'organisations', body: org.schoolYearInput, status: 201 },
	{ method: 'patch', path: '/school-years/{id}', summary: 'Rename a school year or move its dates (its two terms follow)', tag: 'organisations', body: org.schoolYearPatch },
	{ method: 'get', path: '/subjects', summary: 'Subject groups and subjects of a school', tag: 'organisations', query: q.schoolIdQuery },
	{ method: 'post', path: '/subjects', summary: 'Create a subject', tag: 'organisations', body: org.subjectInput, status: 201 },
	{ method: 'patch', path: '/subjects/{id}', summary: 'Update a subject (the assessment mode only while it has no gradebook columns)', tag: 'organisations', body: org.subjectPatch },
	{ method: 'post', path: '/subject-groups', summary: 'Create a subject group (tổ chuyên môn)', tag: 'organisations', body: org.subjectGroupInput, status: 201 },
	{ method: 'patch', path: '/subject-groups/{id}', summary: 'Rename a subject group', tag: 'organisations', body: org.subjectGroupPatch },
	{ method: 'get', path: '/classes', summary: 'Classes within scope', tag: 'organisations', query: q.classesQuery },
	{ method: 'post', path: '/classes', summary: 'Create a class', tag: 'organisations', body: org.classInput, status: 201 },
	{ method: 'get', path: '/classes/{id}', summary: 'One class', tag: 'organisations' },
	{ method: 'patch', path: '/classes/{id}', summary: 'Update a class', tag: 'organisations', body: org.classPatch },
	{ method: 'get', path: '/classes/{id}/learners', summary: 'Learners of a class in Vietnamese order', tag: 'organisations' },
	{ method: 'get', path: '/enrolments', summary: 'Enrolments of a class', tag: 'organisations', query: q.classIdQuery },
	{ method: 'post', path: '/enrolments', summary: 'Enrol a learner in a class', tag: 'organisations', body: org.enrolmentInput, status: 201 },
	{ method: 'delete', path: '/enrolments/{id}', summary: 'Remove an enrolment', tag: 'organisations', status: 204 },
	{ method: 'get', path: '/people', summary: 'Search people by name (diacritics ignored) within scope, paginated', tag: 'people', query: people.peopleQuery },
	{ method: 'post', path: '/people', summary: 'Create a person', tag: 'people', body: people.personInput, status: 201 },
	{ method: 'get', path: '/people/{id}', summary: 'A person with roles, guardians, children and account', tag: 'people' },
	{ method: 'patch', path: '/people/{id}', summary: 'Update a person', tag: 'people', body: people.personPatch },
	{ method: 'delete', path: '/people/{id}', summary: 'Delete a person', tag: 'people', status: 204 },
	{ method: 'post', path: '/people/{id}/roles', summary: 'Grant a role on a scope', tag: 'people', body: people.grantInput, status: 201 },
	{ method: 'delete', path: '/people/{id}/roles/{grantId}', summary: 'Revoke a role', tag: 'people', status: 204 },
	{ method: 'post', path: '/people/{id}/guardianships', summary: 'Link a learner to this parent/guardian', tag: 'people', body: people.guardianInput, status: 201 },
	{ method: 'post', path: '/people/{id}/account', summary: 'Create a sign-in account for a person', tag: 'people', body: people.accountInput, status: 201 },
	{ method: 'post', path: '/people/{id}/account/password', summary: 'Set a new password for a person’s account (administrator, school leader)', tag: 'people', body: auth.adminResetInput, status: 204 },
	{ method: 'get', path: '/audit', summary: 'Audit log within scope, newest first', tag: 'audit', query: q.auditQuery },
	...importRouteDocs,
	...settingsRouteDocs,
	...gradebookRouteDocs,
	...gradebookReportRouteDocs,
	...gradebookFamilyRouteDocs,
	...learningRouteDocs,
	...elearningRouteDocs,
	...assignmentRouteDocs,
	...projectsRouteDocs,
	...notificationRouteDocs,
	...counsellingRouteDocs,
	...messagingRouteDocs,
	...networkRouteDocs,
	...communityRouteDocs,
	...eventsRouteDocs,
	...dashboardRouteDocs,
	...reportRouteDocs,
	...budgetRouteDocs,
	...trainingRouteDocs,
	...surveyRouteDocs,
	...pilotRouteDocs,
	...publicationRouteDocs
];

const errorRef = { $ref: '#/components/schemas/Error' };
const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(): Record<string, unknown> {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const r of routes) {
		const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: /(^id|Id)$/.test(m[1]) ? { type: 'string', format: 'uuid' } : { type: 'string' } }));
		if (r.query) {
			const shape = jsonSchema(r.query) as { properties?: Record<string, unknown>; required?: string[] };
			for (const [name, schema] of Object.entries(shape.properties ?? {})) params.push({ name, in: 'query', required: (shape.required ?? []).includes(name) && !(schema as { default?: unknown }).default, schema } as never);
		}
		const ok = String(r.status ?? 200);
		const path = (r.root ? '' : '/api/v1') + r.path;
		paths[path] ??= {};
		paths[path][r.method] = {
			summary: r.summary,
			tags: [r.tag],
			...(params.length ? { parameters: params } : {}),
			...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
			...(r.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } } } : {}),
			...(r.public ? { security: [] } : {}),
			responses: {
				[ok]: { description: ok === '204' ? 'Done' : 'OK' },
				'400': { description: 'Invalid input', content: { 'application/json': { schema: errorRef } } },
				...(r.public ? {} : { '401': { description: 'Not signed in', content: { 'application/json': { schema: errorRef } } }, '403': { description: 'Not allowed', content: { 'application/json': { schema: errorRef } } } }),
				'404': { description: 'Not found or not visible to the caller', content: { 'application/json': { schema: errorRef } } }
			}
		};
	}
	return {
		openapi: '3.1.0',
		info: { title: 'Sen API', version: '1', description: 'REST API of Sen. Errors: {"error": {"code", "message", "details"}}, message in the caller’s language.' },
		servers: [{ url: '/' }],
		security: [{ session: [] }, { bearer: [] }],
		paths,
		components: {
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: 'sen_session' },
				bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/tokens' }
			},
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } }
				}
			}
		}
	};
}
