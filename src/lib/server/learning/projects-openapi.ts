import * as i from './projects-inputs';
import { downloadQueryDoc } from './assignment-inputs';

/** The learning-place and project routes as /api/v1/openapi.json lists them. */
export const projectsRouteDocs = [
	{ method: 'get', path: '/places', summary: 'Learning places the caller may see (a school’s within it, a unit’s or the city’s everywhere below), by name ignoring diacritics, kind and school level', tag: 'learning', query: i.placesQuery },
	{ method: 'post', path: '/places', summary: 'Add a learning place (school staff: for the school; unit and city officers: for everyone below). Latitude −90…90 and longitude −180…180, both or neither. Audited.', tag: 'learning', body: i.placeInput, status: 201 },
	{ method: 'get', path: '/places/{id}', summary: 'One learning place with the lessons using it', tag: 'learning' },
	{ method: 'put', path: '/places/{id}', summary: 'Rewrite a place (whoever added it; the leader or officers over it). Audited.', tag: 'learning', body: i.placeInput },
	{ method: 'get', path: '/lessons/{id}/places', summary: 'The learning places linked to a lesson', tag: 'learning' },
	{ method: 'post', path: '/lessons/{id}/places', summary: 'Link a learning place to one’s lesson. Audited.', tag: 'learning', body: i.lessonPlaceInput, status: 201 },
	{ method: 'delete', path: '/lessons/{id}/places/{placeId}', summary: 'Unlink a learning place from one’s lesson. Audited.', tag: 'learning', status: 204 },
	{ method: 'get', path: '/projects', summary: 'Projects the caller may see: their classes’ (teachers, leader), their own or their child’s team’s, the ones they mentor', tag: 'learning', query: i.projectsQuery },
	{ method: 'post', path: '/projects', summary: 'A class’s teacher creates a project: driving question, learning place and outside mentor (a vetted community-network member covering the class) optional. Audited.', tag: 'learning', body: i.projectInput, status: 201 },
	{ method: 'get', path: '/projects/{id}', summary: 'A project with its milestones and the teams the caller may see, each with evidence, feedback and status per milestone', tag: 'learning' },
	{ method: 'put', path: '/projects/{id}/mentor', summary: 'The class’s teacher sets (or clears, with null) the outside mentor: only a vetted community-network member whose vetting covers the class. Audited; the mentor is notified.', tag: 'learning', body: i.mentorInput },
	{ method: 'post', path: '/projects/{id}/teams', summary: 'Form a team of the class’s learners (each in at most one team). Audited.', tag: 'learning', body: i.teamInput, status: 201 },
	{ method: 'post', path: '/projects/{id}/milestones', summary: 'Add a milestone with its due date. Audited.', tag: 'learning', body: i.milestoneInput, status: 201 },
	{ method: 'get', path: '/project-teams/{id}', summary: 'One team’s work: members, evidence, feedback and status per milestone (not_started, submitted, reviewed), final product', tag: 'learning' },
	{ method: 'get', path: '/project-teams/{id}/evidence/{evidenceId}/file', summary: 'Download the file of a piece of evidence (streamed, attachment disposition, nosniff, sandbox CSP; images inline with ?inline=1): whoever may read the team’s work', tag: 'learning', query: downloadQueryDoc },
	{ method: 'post', path: '/project-teams/{id}/milestones/{milestoneId}/evidence', summary: 'A member posts evidence (text and/or an https link); the teacher is emailed. Audited.', tag: 'learning', body: i.evidenceInput, status: 201 },
	{ method: 'post', path: '/project-teams/{id}/milestones/{milestoneId}/feedback', summary: 'A class teacher, the school leader or the outside mentor gives feedback; the team is emailed. Audited.', tag: 'learning', body: i.feedbackInput, status: 201 },
	{ method: 'put', path: '/project-teams/{id}/final-product', summary: 'The team’s final product (text and/or an https link), by its members. Audited.', tag: 'learning', body: i.finalProductInput }
] as const;
