import { endpoint } from '#lib/server/http/api';
import { projectInput, projectsQuery } from '#lib/server/learning/projects-inputs';
import { createProject, listProjects } from '#lib/server/learning/projects';

export const GET = endpoint({ query: projectsQuery }, async ({ db, p, query }) => ({ items: await listProjects(db, p, query) }));
export const POST = endpoint({ body: projectInput, status: 201 }, ({ db, p, body }) => createProject(db, p, body));
