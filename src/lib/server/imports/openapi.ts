/**
 * The import routes as /api/v1/openapi.json lists them. Uploads are multipart/form-data, which
 * SvelteKit's cross-site check accepts only with an Origin header naming Sen's own origin.
 */
export const importRouteDocs = [
	{ method: 'get', path: '/imports/templates/{kind}', summary: 'Download the .xlsx template of a list (kind: learners or staff)', tag: 'imports' },
	{ method: 'post', path: '/imports/{kind}/preview', summary: 'Check a list (.xlsx or .csv; fields file, schoolId, schoolYearId): every row normalised, every error with its spreadsheet row; writes nothing. Send the Origin header of this server.', tag: 'imports', multipart: true },
	{ method: 'post', path: '/imports/{kind}', summary: 'Import a list all or nothing: 400 with the errors and nothing written, else every row in one transaction. Send the Origin header of this server.', tag: 'imports', multipart: true, status: 201 }
] as const;
