/**
 * Quiz rules: drawing an attempt's questions, the time limit, item statistics after a quiz and a
 * learner's mastery per topic. Pure: no database, no HTTP.
 */

/** A random number in [0, 1): Math.random in production, a seeded one in tests. */
export type Random = () => number;

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
	const a = [...items];
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

/**
 * The questions of one attempt: `drawCount` of the quiz's questions drawn at random (all when
 * null or larger than the pool), in the quiz's order unless shuffled.
 */
export function drawQuestions(pool: readonly string[], opts: { drawCount: number | null; shuffle: boolean }, random: Random): string[] {
	let picked = [...pool];
	if (opts.drawCount !== null && opts.drawCount < pool.length) {
		const chosen = new Set(shuffled(pool, random).slice(0, opts.drawCount));
		picked = pool.filter((id) => chosen.has(id));
	}
	return opts.shuffle ? shuffled(picked, random) : picked;
}

/** Seconds of grace after the time limit for the answer to arrive over a slow school network. */
export const SUBMIT_GRACE_SECONDS = 120;

/** When an attempt must be in: the time limit from its start (plus grace), never after the lesson's due time. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null, dueAt: Date | null): Date | null {
	const byLimit = timeLimitMinutes ? new Date(startedAt.getTime() + timeLimitMinutes * 60_000) : null;
	if (byLimit && dueAt) return byLimit < dueAt ? byLimit : dueAt;
	return byLimit ?? dueAt;
}
export const acceptsSubmission = (deadline: Date | null, now: Date) => deadline === null || now.getTime() <= deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000;

// ── Item statistics (classical test theory) ─────────────────────────────────────────────────────

export interface AttemptScores {
	/** question id → share of its points earned (0..1); essays not yet graded are left out. */
	items: Record<string, number>;
}

export interface ItemStatistic {
	questionId: string;
	/** How many submitted attempts answered it. */
	n: number;
	/** Difficulty index p: the mean share earned (1 = everyone right, 0 = nobody). */
	difficulty: number;
	/**
	 * Discrimination: the correlation between the item and the rest of the test (corrected
	 * item-total correlation). Null when there is no spread to correlate (fewer than 3 attempts,
	 * or everyone earned the same on the item or on the rest).
	 */
	discrimination: number | null;
}

function correlation(xs: number[], ys: number[]): number | null {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	if (sxx < 1e-12 || syy < 1e-12) return null;
	return sxy / Math.sqrt(sxx * syy);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Difficulty and discrimination of every question from the submitted attempts. */
export function itemStatistics(attempts: readonly AttemptScores[], questionIds: readonly string[]): ItemStatistic[] {
	return questionIds.map((questionId) => {
		const answered = attempts.filter((a) => questionId in a.items);
		const item = answered.map((a) => a.items[questionId]);
		const rest = answered.map((a) => Object.entries(a.items).reduce((s, [q, v]) => (q === questionId ? s : s + v), 0));
		const n = answered.length;
		const difficulty = n ? round3(item.reduce((a, b) => a + b, 0) / n) : 0;
		const r = n >= 3 ? correlation(item, rest) : null;
		return { questionId, n, difficulty, discrimination: r === null ? null : round3(r) };
	});
}

// ── Mastery ─────────────────────────────────────────────────────────────────────────────────────

export const MASTERY_LEVELS = ['mastered', 'practising', 'needs_help'] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

export interface TopicEvidence {
	topic: string;
	/** Share of the points earned on one question (0..1). */
	fraction: number;
	at: Date;
}

export interface TopicMastery {
	topic: string;
	/** Weighted share earned: recent evidence weighs more (each older answer counts 0.8 of the next). */
	score: number;
	evidence: number;
	level: MasteryLevel;
}

/** Mastered from 80 %, practising from 50 % with at least two answers; one answer is never mastery. */
export function masteryLevel(score: number, evidence: number): MasteryLevel {
	if (score >= 0.8 && evidence >= 2) return 'mastered';
	if (score >= 0.5) return 'practising';
	return 'needs_help';
}

/** A learner's mastery per topic from their graded answers, weakest topic first. */
export function masteryByTopic(evidence: readonly TopicEvidence[]): TopicMastery[] {
	const byTopic = new Map<string, TopicEvidence[]>();
	for (const e of evidence) if (e.topic.trim()) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
	const out: TopicMastery[] = [];
	for (const [topic, list] of byTopic) {
		const newestFirst = [...list].sort((a, b) => b.at.getTime() - a.at.getTime());
		let weight = 1;
		let sum = 0;
		let weights = 0;
		for (const e of newestFirst) {
			sum += e.fraction * weight;
			weights += weight;
			weight *= 0.8;
		}
		const score = round3(sum / weights);
		out.push({ topic, score, evidence: list.length, level: masteryLevel(score, list.length) });
	}
	return out.sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic, 'vi'));
}

export interface LessonCandidate {
	lessonId: string;
	topics: string[];
	completed: boolean;
	dueAt: Date | null;
}

/**
 * What to do next: unfinished lessons that practise the learner's weakest topics (not mastered)
 * first, then the other unfinished lessons by due date; finished ones are never suggested.
 */
export function suggestNext(lessons: readonly LessonCandidate[], mastery: readonly TopicMastery[], limit = 3): string[] {
	const rank = new Map(mastery.filter((m) => m.level !== 'mastered').map((m, i) => [m.topic, i]));
	const weakest = (l: LessonCandidate) => Math.min(...l.topics.map((t) => rank.get(t) ?? Infinity));
	return lessons
		.filter((l) => !l.completed)
		.sort((a, b) => weakest(a) - weakest(b) || (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity))
		.slice(0, limit)
		.map((l) => l.lessonId);
}
