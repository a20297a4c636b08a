import * as i from './pilot-inputs';

/** The pilot models routes as /api/v1/openapi.json lists them. */
export const pilotRouteDocs = [
	{ method: 'get', path: '/pilot-models', summary: 'Pilot models the caller may see (program staff along their path), with how many of their visible sites pilot each and the progress over them', tag: 'pilots' },
	{ method: 'post', path: '/pilot-models', summary: 'The program office (city officer) creates a pilot model: name, description, school levels, the ecosystem components it uses (people, content, technology, context), status. Audited.', tag: 'pilots', body: i.pilotModelInput, status: 201 },
	{ method: 'get', path: '/pilot-models/{id}', summary: 'One model with the sites the caller may see (a unit officer: their unit’s schools), each with its phases and progress', tag: 'pilots' },
	{ method: 'patch', path: '/pilot-models/{id}', summary: 'The office changes a model. Audited.', tag: 'pilots', body: i.pilotModelPatch },
	{ method: 'get', path: '/pilot-sites', summary: 'Pilot sites (model × school) the caller may see, by model or school, with progress (done milestones / all)', tag: 'pilots', query: i.pilotSitesQuery },
	{ method: 'post', path: '/pilot-sites', summary: 'The office assigns a school to pilot a model, with a responsible person and the two phases (theory test, practice; the program’s dates by default). 409 if the school already pilots it. Audited.', tag: 'pilots', body: i.pilotSiteInput, status: 201 },
	{ method: 'get', path: '/pilot-sites/{id}', summary: 'One site: model, school, phases, milestones with status (late when past due and not done), evidence and progress', tag: 'pilots' },
	{ method: 'patch', path: '/pilot-sites/{id}', summary: 'The school leader or an officer over the school changes the responsible person or the phases’ dates. Audited.', tag: 'pilots', body: i.pilotSitePatch },
	{ method: 'post', path: '/pilot-sites/{id}/milestones', summary: 'Add a milestone (title, due date, phase, responsible person). Audited.', tag: 'pilots', body: i.milestoneInput, status: 201 },
	{ method: 'patch', path: '/pilot-sites/{id}/milestones/{milestoneId}', summary: 'Move a milestone: planned, in_progress or done (late is computed). Audited.', tag: 'pilots', body: i.milestonePatch },
	{ method: 'post', path: '/pilot-sites/{id}/milestones/{milestoneId}/evidence', summary: 'Evidence for a milestone: a note and an https link as JSON, or multipart with one file (field `file`) stored through the files module. Audited.', tag: 'pilots', body: i.evidenceInput, status: 201 },
	{ method: 'get', path: '/pilot-sites/{id}/evidence/{evidenceId}/file', summary: 'An evidence file, for whoever may read the site', tag: 'pilots' }
] as const;
