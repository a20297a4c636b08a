import type { RequestHandler } from './$types';
import { servePlayerFile } from '#lib/server/learning/h5p-player';

/** A file of Sen's H5P player, for the start pages of H5P packages (no session: they run sandboxed). */
export const GET: RequestHandler = ({ params }) => servePlayerFile(params.path);
