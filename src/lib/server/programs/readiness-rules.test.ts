import { describe, expect, it } from 'vitest';
import { answerProblems, definitionSchema } from './survey-rules';
import { itReadinessDefinition, readinessComponents, readinessIndex, readyForGradebook } from './readiness-rules';

/** A well-equipped school: every component at its target. */
const full = {
	teachers_total: 40, teachers_basic_it: 40, teachers_it_certificate: 40, staff_skill_self: 5,
	internet_type: 'fiber', bandwidth_mbps: 200, wifi_coverage_pct: 100,
	learners_total: 800, computers_learners: 80, computers_teachers: 40, tablets: 0,
	classrooms_total: 20, classrooms_equipped: 20, server: 'cloud', software: ['gradebook', 'lms', 'school_management']
};

describe('IT-readiness index (docs/decisions/011): weighted components, ratios capped at 1', () => {
	const cases: [string, Record<string, unknown>, number, boolean][] = [
		['everything at target → 100', full, 100, true],
		['beyond target is capped (more bandwidth, devices) → still 100', { ...full, bandwidth_mbps: 1000, computers_learners: 800, computers_teachers: 90 }, 100, true],
		['nothing answered → 0', {}, 0, false],
		// staff 0.5·0.5 + 0.3·0.25 + 0.2·0.5 = 0.425 → 12.75; connectivity 0.2 + 0.4·0.5 + 0.4·0.5 = 0.6 → 15;
		// devices 0.5·0.5 + 0.5·0.5 = 0.5 → 12.5; classrooms 0.5 → 7.5; systems 0.2 → 1. Total 48.75 → 48.8
		['a middling school → 48,8, not ready', { teachers_total: 40, teachers_basic_it: 20, teachers_it_certificate: 10, staff_skill_self: 3, internet_type: 'adsl', bandwidth_mbps: 50, wifi_coverage_pct: 50, learners_total: 1000, computers_learners: 40, tablets: 10, computers_teachers: 20, classrooms_total: 20, classrooms_equipped: 10, server: 'none', software: ['gradebook', 'zalo'] }, 48.8, false],
		// no internet: connectivity 0 → 75 at most
		['no internet: connectivity 0 and never ready', { ...full, internet_type: 'none' }, 75, false],
		// index 95 but fewer computers than teachers (devices 0.5 + 0.5·0.5 = 0.75 → 18.75): 93,8, not ready
		['high index but fewer computers than teachers → not ready', { ...full, computers_teachers: 20 }, 93.8, false],
		// staff only the self-assessment (0.2 → 6 of 30), devices only the learners' half (12.5 of 25): 63.5, and no teacher computers → not ready
		['zero teachers: staff ratios count 0, not a division by zero', { ...full, teachers_total: 0, computers_teachers: 0 }, 63.5, false]
	];
	it.each(cases)('%s', (_n, answers, index, ready) => {
		expect(readinessIndex(answers)).toBe(index);
		expect(readyForGradebook(answers)).toBe(ready);
	});

	it('the ready rule needs 60: just below with internet and computers is not ready', () => {
		const a = { ...full, teachers_basic_it: 0, teachers_it_certificate: 0, staff_skill_self: 1, classrooms_equipped: 0, software: [], server: 'none', wifi_coverage_pct: 70 };
		expect(readinessIndex(a)).toBeLessThan(60);
		expect(readyForGradebook(a)).toBe(false);
	});
	it('every component stays within [0, 1]', () => {
		for (const v of Object.values(readinessComponents({ ...full, teachers_basic_it: 999, wifi_coverage_pct: 100, staff_skill_self: 5 }))) expect(v).toBeLessThanOrEqual(1);
	});
});

describe('the IT-readiness template', () => {
	it('is a valid definition', () => expect(definitionSchema.safeParse(itReadinessDefinition()).success).toBe(true));
	it('accepts the full answers as a submission', () => expect(answerProblems(itReadinessDefinition(), full, 'submit')).toEqual([]));
	it('names the first missing required answer', () => expect(answerProblems(itReadinessDefinition(), {}, 'submit')[0].message).toBe('Câu 1: bắt buộc trả lời'));
});
