import * as i from './survey-inputs';

/** The survey routes as /api/v1/openapi.json lists them. */
export const surveyRouteDocs = [
	{ method: 'get', path: '/surveys', summary: 'Surveys under the caller’s scope (city and unit officers), newest first, with how many targeted schools in scope have submitted or hold a draft', tag: 'surveys' },
	{ method: 'post', path: '/surveys', summary: 'A new draft survey of the officer’s unit (or the city): from the IT-readiness template (template=it_readiness) or with a definition — sections of questions (choice, multiple, number, text, scale, grid, file), validated as a discriminated union on `type`. Audited.', tag: 'surveys', body: i.surveyInput, status: 201 },
	{ method: 'get', path: '/surveys/{id}', summary: 'One survey with its definition (officers whose scope holds it)', tag: 'surveys' },
	{ method: 'put', path: '/surveys/{id}', summary: 'Change a draft: title, definition, target (a unit’s schools, a level’s schools, or a list — never outside the sender’s scope) and the open period; `version` must be the one read (409 otherwise, or once sent). Audited.', tag: 'surveys', body: i.surveyUpdate },
	{ method: 'post', path: '/surveys/{id}/send', summary: 'Send the draft: one not-started response per targeted school, in one transaction; the schools’ leaders are notified. Audited.', tag: 'surveys' },
	{ method: 'get', path: '/surveys/{id}/status', summary: 'The sender’s status board: per school (in the caller’s scope) submitted, draft or not started with dates; counts per management unit; filter by unit and status', tag: 'surveys', query: i.statusQuery },
	{ method: 'get', path: '/surveys/{id}/responses.xlsx', summary: 'The responses as .xlsx, one row per school (a grid one column per cell; the IT-readiness index and readiness for that survey)', tag: 'surveys' },
	{ method: 'get', path: '/surveys/readiness', summary: 'The IT-readiness index by management unit (schools, submitted, average index, ready for the e-gradebook) and by school, for the survey named or the latest sent; scoped like the responses', tag: 'surveys', query: i.readinessQuery },
	{ method: 'get', path: '/survey-responses', summary: 'Responses the caller may read: a school leader their school’s, an officer those of their scope; filter by survey and status', tag: 'surveys', query: i.responsesQuery },
	{ method: 'get', path: '/survey-responses/{id}', summary: 'One response with its survey’s questions, whether the caller may still change it and why not', tag: 'surveys' },
	{ method: 'get', path: '/survey-responses/{id}/files/{fileId}', summary: 'A file the response holds as the answer to a file question, for whoever may read the response', tag: 'surveys' },
	{ method: 'put', path: '/survey-responses/{id}', summary: 'The school leader saves a draft: every given answer type-checked (per-question messages “Câu 3: …”), gaps allowed; `version` must be the one read (409 when someone saved in between); refused once submitted or after closing. Audited.', tag: 'surveys', body: i.answersInput },
	{ method: 'post', path: '/survey-responses/{id}/submit', summary: 'Submit: all required answers valid or nothing is written (per-question errors); locked afterwards; the IT-readiness index is computed. Refused after closing. Audited.', tag: 'surveys', body: i.submitInput },
	{ method: 'post', path: '/survey-responses/{id}/return', summary: 'The sender returns a submission with a reason; the school may change and submit it again; its leaders are notified. Audited.', tag: 'surveys', body: i.returnInput }
] as const;
