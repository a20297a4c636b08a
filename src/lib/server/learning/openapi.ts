import * as i from './inputs';

/** The lesson-plan routes as /api/v1/openapi.json lists them. */
export const learningRouteDocs = [
	{ method: 'get', path: '/lesson-plans', summary: 'Lesson plans (kế hoạch bài dạy) within scope: a teacher’s own and the school’s shared ones, a subject-group head’s group, a leader’s school; filter by year, subject, author, status, grade, week', tag: 'learning', query: i.lessonPlansQuery },
	{ method: 'post', path: '/lesson-plans', summary: 'Create a draft in the frame of Công văn 5512 Phụ lục IV (objectives, materials, four activities with goal, content, product, organisation); the author. Audited.', tag: 'learning', body: i.lessonPlanInput, status: 201 },
	{ method: 'get', path: '/lesson-plans/{id}', summary: 'One lesson plan with its review history (events, oldest first) and the actions the caller may take', tag: 'learning' },
	{ method: 'get', path: '/lesson-plans/{id}/pdf', summary: 'The plan as a PDF in the frame of Công văn 5512 Phụ lục IV, with the school header and its review status; anyone who may read the plan (application/pdf)', tag: 'learning' },
	{ method: 'patch', path: '/lesson-plans/{id}', summary: 'Edit one’s own draft or returned plan; names the version it saw (409 when stale). Audited.', tag: 'learning', body: i.lessonPlanPatch },
	{ method: 'post', path: '/lesson-plans/{id}/copy', summary: 'Copy a colleague’s shared plan or one’s own earlier plan into a new draft (copiedFromId). Audited.', tag: 'learning', body: i.lessonPlanCopyInput, status: 201 },
	{ method: 'post', path: '/lesson-plans/{id}/transitions', summary: 'Submit (author), return with a comment (subject-group head, school leader) or approve (group head → group_approved, then school leader → approved). 409 when not possible from the current status, 403 when not the caller’s step. Writes an event, an audit record and an email to the next person.', tag: 'learning', body: i.lessonPlanTransitionInput }
] as const;
