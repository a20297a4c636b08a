/**
 * Attachments of lesson plans. Reading follows the plan (getLessonPlan's policy check: 404 for
 * those who may not read it); adding and removing are the author's while the plan is editable.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { files } from '../files/schema';
import { deleteStoredBytes, downloadResponse, forgetFile, presentFile, recordFiles } from '../files/service';
import { discardUploads, readUploads } from '../files/upload';
import { lessonPlanAttachments } from './attachment-schema';
import { getLessonPlan } from './service';
import { m } from '#lib/paraglide/messages.js';

async function attached(db: Executor, planId: string) {
	return db
		.select({ file: files })
		.from(lessonPlanAttachments)
		.innerJoin(files, eq(files.id, lessonPlanAttachments.fileId))
		.where(eq(lessonPlanAttachments.planId, planId))
		.orderBy(asc(lessonPlanAttachments.createdAt), asc(files.name))
		.then((rows) => rows.map((r) => r.file));
}

/** The plan's attachments, for whoever may read the plan. */
export async function listPlanAttachments(db: Executor, p: Principal, planId: string) {
	await getLessonPlan(db, p, planId);
	return (await attached(db, planId)).map(presentFile);
}

async function editablePlan(db: Executor, p: Principal, planId: string) {
	const plan = await getLessonPlan(db, p, planId);
	if (plan.authorId !== p.personId) throw new ForbiddenError(m.lp_only_author());
	if (!plan.canEdit) throw new ConflictError(m.lp_not_editable(), { status: plan.status });
	return plan;
}

/** Streams the request's files into the store and attaches them to the author's editable plan. */
export async function addPlanAttachments(db: Executor, p: Principal, planId: string, request: Request) {
	const plan = await editablePlan(db, p, planId);
	const upload = await readUploads(request);
	if (!upload.files.length) throw new ValidationError(m.file_none(), [{ path: 'file', message: m.file_none() }]);
	try {
		return await db.transaction(async (tx) => {
			const rows = await recordFiles(tx, p, { schoolId: plan.schoolId, path: plan.path }, upload.files);
			await tx.insert(lessonPlanAttachments).values(rows.map((f) => ({ planId, fileId: f.id })));
			return rows.map(presentFile);
		});
	} catch (e) {
		await discardUploads(upload.files);
		throw e;
	}
}

async function attachedFile(db: Executor, planId: string, fileId: string) {
	const [row] = await db
		.select({ file: files })
		.from(lessonPlanAttachments)
		.innerJoin(files, eq(files.id, lessonPlanAttachments.fileId))
		.where(and(eq(lessonPlanAttachments.planId, planId), eq(lessonPlanAttachments.fileId, fileId)));
	if (!row) throw new NotFoundError(m.error_not_found());
	return row.file;
}

/** One attachment, streamed; images inline when asked. */
export async function downloadPlanAttachment(db: Executor, p: Principal, planId: string, fileId: string, inline: boolean) {
	await getLessonPlan(db, p, planId);
	return downloadResponse(await attachedFile(db, planId, fileId), { inline });
}

export async function removePlanAttachment(db: Executor, p: Principal, planId: string, fileId: string) {
	await editablePlan(db, p, planId);
	const file = await attachedFile(db, planId, fileId);
	await db.transaction((tx) => forgetFile(tx, p, file));
	await deleteStoredBytes([file.id]);
}
