import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { packageFromForm, uploadPackage } from '#lib/server/learning/packages';

/** An HTML5 package (.zip with index.html) or an H5P package (.h5p; multipart field `file`, optional `title`) appended to the lesson as a block. */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => uploadPackage(db, p, parse(idParam, event.params).id, await packageFromForm(event.request)));
