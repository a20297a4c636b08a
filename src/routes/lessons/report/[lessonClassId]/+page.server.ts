import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { classMastery, lessonReport } from '#lib/server/learning/elearning';
import { className } from '#lib/server/learning/elearning-views';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const report = await orErrorPage(() => lessonReport(db, p, idOr404(event.params.lessonClassId)));
	const mastery = await classMastery(db, p, report.lessonClass.classId).catch(() => null);
	return {
		lesson: report.lesson,
		className: await className(db, report.lessonClass.classId),
		dueAt: report.lessonClass.dueAt,
		learners: report.learners,
		statistics: report.statistics,
		mastery: mastery?.topics.map((t) => ({ topic: t.topic, learners: t.learners, mastered: t.mastered, practising: t.practising, needsHelp: t.needsHelp.map((l) => l.name) })) ?? []
	};
};
