import { describe, expect, it } from 'vitest';
import { isHttpsUrl, milestoneReminderDue, milestoneStatus, phaseDatesValid, siteProgress, type StoredMilestoneStatus } from './pilot-rules';

describe('milestone status', () => {
	const today = '2025-03-10';
	it.each<[StoredMilestoneStatus, string, string]>([
		['planned', '2025-03-20', 'planned'],
		['in_progress', '2025-03-20', 'in_progress'],
		['planned', '2025-03-10', 'planned'], // due today: not yet late
		['planned', '2025-03-09', 'late'],
		['in_progress', '2024-12-31', 'late'],
		['done', '2024-12-31', 'done'], // done late is still done
		['done', '2025-04-01', 'done']
	])('%s due %s → %s', (stored, due, expected) => {
		expect(milestoneStatus(stored, due, today)).toBe(expected);
	});
});

describe('site progress', () => {
	it.each([
		[[], { done: 0, total: 0, percent: null }],
		[['planned'], { done: 0, total: 1, percent: 0 }],
		[['done'], { done: 1, total: 1, percent: 100 }],
		[['done', 'late', 'planned'], { done: 1, total: 3, percent: 33 }],
		[['done', 'done', 'in_progress'], { done: 2, total: 3, percent: 66 }],
		[['done', 'done', 'done', 'late'], { done: 3, total: 4, percent: 75 }]
	] as const)('%j → %j', (statuses, expected) => {
		expect(siteProgress(statuses)).toEqual(expected);
	});
});

describe('phases and links', () => {
	it.each([
		['2024-09-01', '2024-12-31', true],
		['2024-09-01', '2024-09-01', true],
		['2024-12-31', '2024-09-01', false]
	])('%s → %s valid: %s', (a, b, ok) => expect(phaseDatesValid(a, b)).toBe(ok));
	it.each([
		['https://drive.example.vn/bien-ban.pdf', true],
		['http://example.vn', false],
		['javascript:alert(1)', false],
		['not a url', false]
	])('%s https: %s', (u, ok) => expect(isHttpsUrl(u)).toBe(ok));
});

describe('milestone reminders', () => {
	const today = '2025-03-10';
	it.each<[StoredMilestoneStatus, string, boolean]>([
		['planned', '2025-03-10', true], // due today
		['in_progress', '2025-03-17', true], // the seventh day ahead
		['planned', '2025-03-18', false], // too far ahead
		['planned', '2025-03-09', false], // already late: shown as late, not reminded
		['done', '2025-03-12', false]
	])('%s due %s → remind: %s', (stored, due, expected) => expect(milestoneReminderDue(stored, due, today)).toBe(expected));
});
