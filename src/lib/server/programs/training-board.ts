/**
 * The live targets board (bảng chỉ tiêu): the program's targets beside the completed trainees of
 * the caller's scope (the city, their unit or their school) for a program year, read through the
 * same figures a report prints (training-figures.ts), so the board and the reports never disagree.
 */
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { mayEver } from '../auth/policy';
import { ForbiddenError } from '../errors';
import { trainingFigures, programYearPeriod } from './training-figures';
import { boardPath, setTargets, targetsAt } from './training-service';
import { progressPercent, TARGET_KEYS, type TargetKey } from './training-rules';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

export { setTargets };

const vietnamYear = (d = new Date()) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(d));

export async function targetsBoard(db: Executor, p: Principal, programYear = vietnamYear()) {
	const path = boardPath(p);
	if (!path || !mayEver(p, 'read', 'training_course')) throw new ForbiddenError(m.error_forbidden());
	const figures = await trainingFigures(db, { path, ...programYearPeriod(programYear) });
	const targets = await targetsAt(db, path, programYear);
	const lang = getLocale() === 'en' ? 'en' : 'vi';
	const value = (key: string) => figures.find((f) => f.key === key);
	const rows = TARGET_KEYS.map((key: TargetKey) => {
		const f = key === 'core_teacher_share' ? value('training.core_teacher_share') : value(`training.${key}.completed`);
		const enrolled = key === 'core_teacher_share' ? null : (value(`training.${key}.enrolled`)?.value ?? 0);
		return { key, label: f?.label[lang] ?? key, unit: f?.unit ?? 'count', completed: f?.value ?? null, enrolled, target: targets[key], percent: progressPercent(f?.value ?? null, targets[key]) };
	});
	return {
		programYear,
		path,
		rows,
		sessionsHeld: value('training.sessions_held')?.value ?? 0,
		feedbackAverage: value('training.feedback_average')?.value ?? null,
		mayEditTargets: mayEver(p, 'create', 'training_course')
	};
}
