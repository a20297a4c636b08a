import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { servePackageFile } from '#lib/server/learning/packages';

/** A file of a lesson's HTML5 or H5P package by its capability address (no session: a sandboxed frame sends none). */
export const GET: RequestHandler = ({ params, url }) => servePackageFile(getContext().db, params.id, params.secret, params.path, url.host);
