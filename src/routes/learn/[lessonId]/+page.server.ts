import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { formObject } from '#lib/server/http/validate';
import { completeBlock, learnerLesson, startAttempt } from '#lib/server/learning/elearning';
import { learnerChoice } from '#lib/server/learning/elearning-views';
import { isVideoFile, youtubeEmbed } from '#lib/server/learning/lesson-blocks';
import { idOr404, orErrorPage, pageFailure } from '#lib/server/organisations/views';
import { packageUrl } from '#lib/server/learning/packages';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const choice = await learnerChoice(db, p, event.url.searchParams.get('learnerId'));
	const lesson = await orErrorPage(() => learnerLesson(db, p, idOr404(event.params.lessonId), choice.learnerId ?? p.personId));
	return {
		lesson: { ...lesson, blocks: await Promise.all(lesson.blocks.map(async (b) => ({ ...b, embed: b.kind === 'video' ? youtubeEmbed(b.url) : null, videoFile: b.kind === 'video' && isVideoFile(b.url), packageUrl: b.kind === 'package' ? await packageUrl(db, p, lesson.id, b.packageId!).catch(() => null) : null }))) },
		self: choice.self
	};
};

export const actions: Actions = {
	done: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		try {
			await completeBlock(getContext().db, p, idOr404(event.params.lessonId), idOr404(v.blockId ?? ''));
		} catch (e) {
			return pageFailure(e, v, 'done');
		}
		return { done: 'done', blockId: v.blockId };
	},
	start: async (event) => {
		const p = requirePrincipal(event);
		const v = formObject(await event.request.formData());
		let id: string;
		try {
			id = (await startAttempt(getContext().db, p, idOr404(v.quizId ?? ''))).id;
		} catch (e) {
			return pageFailure(e, v, `start:${v.quizId}`);
		}
		redirect(303, `/learn/attempts/${id}`);
	}
};
