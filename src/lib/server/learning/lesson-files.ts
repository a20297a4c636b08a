/**
 * Files of e-learning lessons: the author uploads one as a block (a PDF, slides, a video file);
 * whoever may read the lesson — its school's staff, or a learner (and their parents) of a class it
 * is given to — downloads it, streamed, never run in Sen's origin (see files/service.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { files } from '../files/schema';
import { downloadResponse, presentFile, recordFiles } from '../files/service';
import { discardUploads, readUploads } from '../files/upload';
import { lessonFiles } from './attachment-schema';
import { lessonClasses, lessons } from './lesson-schema';
import { addUploadedBlock } from './elearning';
import { classes, enrolments } from '../organisations/schema';
import { m } from '#lib/paraglide/messages.js';

/** Streams one file (multipart field `file`, optional `title`) into the store and appends it as the lesson's block. */
export async function uploadLessonFile(db: Executor, p: Principal, lessonId: string, request: Request) {
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	authorize(p, 'update', 'lesson', lesson ? { path: lesson.path, authorId: lesson.authorId } : undefined);
	const upload = await readUploads(request, { maxFiles: 1 });
	if (!upload.files.length) throw new ValidationError(m.file_none(), [{ path: 'file', message: m.file_none() }]);
	try {
		const [row] = await db.transaction(async (tx) => {
			const rows = await recordFiles(tx, p, { schoolId: lesson.schoolId, path: lesson.path }, upload.files);
			await tx.insert(lessonFiles).values(rows.map((f) => ({ lessonId, fileId: f.id })));
			return rows;
		});
		const after = await addUploadedBlock(db, p, lessonId, { kind: 'file', title: upload.fields.title ?? '', fileId: row.id, name: row.name, contentType: row.contentType });
		return { file: presentFile(row), lesson: after };
	} catch (e) {
		await discardUploads(upload.files);
		throw e;
	}
}

/** May the caller read this lesson: as staff, or as a learner (or parent) of a class it is given to? */
export async function mayReadLesson(db: Executor, p: Principal, lesson: typeof lessons.$inferSelect) {
	if (can(p, 'read', 'lesson', { path: lesson.path, authorId: lesson.authorId })) return true;
	const learners = [p.personId, ...p.childIds];
	const given = await db
		.select({ path: classes.path, learnerId: enrolments.learnerId, opensAt: lessonClasses.opensAt })
		.from(lessonClasses)
		.innerJoin(classes, eq(classes.id, lessonClasses.classId))
		.innerJoin(enrolments, eq(enrolments.classId, lessonClasses.classId))
		.where(eq(lessonClasses.lessonId, lesson.id));
	return given.some((g) => learners.includes(g.learnerId) && g.opensAt <= new Date() && can(p, 'read', 'learner_work', { path: g.path, personId: g.learnerId }));
}

export async function downloadLessonFile(db: Executor, p: Principal, lessonId: string, fileId: string, inline: boolean) {
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	if (!lesson || !(await mayReadLesson(db, p, lesson))) throw new NotFoundError(m.error_not_found());
	const [row] = await db
		.select({ file: files })
		.from(lessonFiles)
		.innerJoin(files, eq(files.id, lessonFiles.fileId))
		.where(and(eq(lessonFiles.lessonId, lessonId), eq(lessonFiles.fileId, fileId)));
	if (!row) throw new NotFoundError(m.error_not_found());
	return downloadResponse(row.file, { inline });
}
