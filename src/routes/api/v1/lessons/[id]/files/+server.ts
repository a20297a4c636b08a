import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { uploadLessonFile } from '#lib/server/learning/lesson-files';

/** One file (multipart field `file`, optional field `title`) appended to the lesson as a block. */
export const POST = endpoint({ status: 201 }, ({ db, p, event }) => uploadLessonFile(db, p, parse(idParam, event.params).id, event.request));
