import { describe, expect, it } from 'vitest';
import { isHttpsUrl, milestoneStatus } from './project-rules';

const d = (s: string) => new Date(`2026-10-${s}T08:00:00Z`);

describe('a team’s milestone status', () => {
	it.each([
		['no evidence, no feedback', [], [], 'not_started'],
		['guidance before any evidence does not count as a review', [], [d('01')], 'not_started'],
		['evidence without feedback', [d('02')], [], 'submitted'],
		['feedback after the evidence', [d('02')], [d('03')], 'reviewed'],
		['feedback at the same moment as the evidence', [d('02')], [d('02')], 'reviewed'],
		['new evidence after the feedback: another round', [d('02'), d('04')], [d('03')], 'submitted'],
		['feedback only before the evidence', [d('05')], [d('01')], 'submitted']
	] as const)('%s → %s', (_name, evidence, feedback, expected) => {
		expect(milestoneStatus([...evidence], [...feedback])).toBe(expected);
	});
});

describe('links in evidence', () => {
	it.each([
		['https://drive.example.vn/anh.jpg', true],
		['http://example.vn', false],
		['javascript:alert(1)', false],
		['not a link', false]
	])('%s → %s', (url, ok) => expect(isHttpsUrl(url)).toBe(ok));
});
