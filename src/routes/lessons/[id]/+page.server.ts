import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject, parse } from '#lib/server/http/validate';
import { assignInput, blockInput, quizInput } from '#lib/server/learning/elearning-inputs';
import { addBlock, assignLesson, createQuiz, getLesson, listQuestions, moveBlock, removeBlock } from '#lib/server/learning/elearning';
import { blockFromForm, classesToAssign, quizFromForm, toVietnamLocal, vietnamLocalTime } from '#lib/server/learning/elearning-views';
import { youtubeEmbed, isVideoFile } from '#lib/server/learning/lesson-blocks';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { packageFromForm, packageUrl, uploadPackage } from '#lib/server/learning/packages';
import { uploadLessonFile } from '#lib/server/learning/lesson-files';
import { lessonPlaceInput } from '#lib/server/learning/projects-inputs';
import { linkLessonPlace, listPlaces, placesOfLesson, unlinkLessonPlace } from '#lib/server/learning/places';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const lesson = await orErrorPage(() => getLesson(db, p, idOr404(event.params.id)));
	const [bank, assignable] = lesson.canEdit ? await Promise.all([listQuestions(db, p, { subjectId: lesson.subjectId }), classesToAssign(db, p, lesson.subjectId)]) : [[], []];
	return {
		lesson: {
			id: lesson.id,
			title: lesson.title,
			summary: lesson.summary,
			subjectName: lesson.subjectName,
			grade: lesson.grade,
			blocks: await Promise.all(lesson.blocks.map(async (b) => ({ ...b, embed: b.kind === 'video' ? youtubeEmbed(b.url) : null, videoFile: b.kind === 'video' && isVideoFile(b.url), packageUrl: b.kind === 'package' ? await packageUrl(db, p, lesson.id, b.packageId!).catch(() => null) : null }))),
			quizzes: lesson.quizzes.map((q) => ({ id: q.id, title: q.title, count: q.questionIds.length, drawCount: q.drawCount, timeLimitMinutes: q.timeLimitMinutes, maxAttempts: q.maxAttempts, shuffle: q.shuffle, questions: q.questions.map((x) => ({ id: x.id, stem: x.stem, kind: x.kind })) })),
			classes: lesson.classes.map((c) => ({ id: c.id, className: c.className, opensAt: c.opensAt, dueAt: c.dueAt }))
		},
		canEdit: lesson.canEdit,
		bank: bank.map((q) => ({ id: q.id, stem: q.stem, kind: q.kind, topic: q.topic, level: q.level, points: q.points })),
		assignable,
		places: await placesOfLesson(db, p, lesson.id),
		placeChoices: lesson.canEdit ? (await listPlaces(db, p, {})).map((pl) => ({ id: pl.id, name: pl.name })) : [],
		now: toVietnamLocal(new Date())
	};
};

async function run(event: RequestEvent, name: string, work: (id: string, form: FormData, v: Record<string, string | undefined>) => Promise<unknown>) {
	requirePrincipal(event);
	const id = idOr404(event.params.id);
	const form = await event.request.formData();
	const v = formObject(form);
	try {
		await work(id, form, v);
	} catch (e) {
		return pageFailure(e, v, name);
	}
	return { done: name };
}

export const actions: Actions = {
	/** An HTML5 (.zip) or H5P (.h5p) package as a block. */
	package: async (event) => {
		requirePrincipal(event);
		try {
			await uploadPackage(getContext().db, event.locals.principal!, idOr404(event.params.id), await packageFromForm(event.request));
		} catch (e) {
			return pageFailure(e, {}, 'package');
		}
		return { done: 'package' };
	},
	/** One file as a block (multipart, streamed into the store). */
	upload: async (event) => {
		requirePrincipal(event);
		try {
			await uploadLessonFile(getContext().db, event.locals.principal!, idOr404(event.params.id), event.request);
		} catch (e) {
			return pageFailure(e, {}, 'upload');
		}
		return { done: 'upload' };
	},
	addBlock: (event) => run(event, 'addBlock', (id, _f, v) => addBlock(getContext().db, event.locals.principal!, id, parse(blockInput, blockFromForm(v)))),
	removeBlock: (event) => run(event, 'removeBlock', (id, _f, v) => removeBlock(getContext().db, event.locals.principal!, id, idOr404(v.blockId ?? ''))),
	moveBlock: (event) => run(event, 'moveBlock', (id, _f, v) => moveBlock(getContext().db, event.locals.principal!, id, idOr404(v.blockId ?? ''), v.by === '-1' ? -1 : 1)),
	createQuiz: (event) => run(event, 'createQuiz', (id, f) => createQuiz(getContext().db, event.locals.principal!, id, parse(quizInput, quizFromForm(f)))),
	linkPlace: (event) => run(event, 'linkPlace', (id, _f, v) => linkLessonPlace(getContext().db, event.locals.principal!, id, parse(lessonPlaceInput, { placeId: v.placeId }).placeId)),
	unlinkPlace: (event) => run(event, 'unlinkPlace', (id, _f, v) => unlinkLessonPlace(getContext().db, event.locals.principal!, id, idOr404(v.placeId ?? ''))),
	assign: (event) =>
		run(event, 'assign', (id, _f, v) => assignLesson(getContext().db, event.locals.principal!, id, parse(assignInput, { classId: v.classId, opensAt: vietnamLocalTime(v.opensAt), dueAt: vietnamLocalTime(v.dueAt) })))
};
