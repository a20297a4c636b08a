import { describe, expect, it } from 'vitest';
import { isLive, move, movesOpen, type ReportActor, type ReportMove } from './report-workflow';
import type { ReportStatus } from './report-rules';

describe('report workflow', () => {
	const cases: [ReportMove, ReportStatus, ReportActor[], boolean, string][] = [
		['edit', 'draft', ['owner'], false, 'draft'],
		['edit', 'returned', ['owner'], false, 'draft'],
		['edit', 'submitted', ['owner'], false, 'wrong_status'],
		['edit', 'accepted', ['owner'], false, 'wrong_status'],
		['edit', 'draft', ['receiver'], false, 'not_allowed'],
		['edit', 'draft', [], false, 'not_allowed'],
		['submit', 'draft', ['owner'], false, 'submitted'],
		['submit', 'returned', ['owner'], false, 'submitted'],
		['submit', 'submitted', ['owner'], false, 'wrong_status'],
		['submit', 'accepted', ['owner'], false, 'wrong_status'],
		['submit', 'draft', ['receiver'], false, 'not_allowed'],
		['submit', 'draft', ['owner'], true, 'submitted'],
		['accept', 'submitted', ['receiver'], false, 'accepted'],
		['accept', 'submitted', ['owner'], false, 'not_allowed'],
		['accept', 'draft', ['receiver'], false, 'wrong_status'],
		['accept', 'returned', ['receiver'], false, 'wrong_status'],
		['accept', 'accepted', ['receiver'], false, 'wrong_status'],
		['accept', 'submitted', ['receiver'], true, 'no_receiver'],
		['return', 'submitted', ['receiver'], false, 'returned'],
		['return', 'submitted', ['owner'], false, 'not_allowed'],
		['return', 'accepted', ['receiver'], false, 'wrong_status'],
		['return', 'draft', ['receiver'], false, 'wrong_status'],
		['return', 'submitted', ['owner', 'receiver'], false, 'returned']
	];
	it.each(cases)('%s from %s by %j (top %s) → %s', (m, status, actors, top, expected) => {
		const r = move(m, status, actors, { top });
		expect(r.ok ? r.to : r.reason).toBe(expected);
	});

	it('lists the open moves for buttons', () => {
		expect(movesOpen('draft', ['owner'])).toEqual(['edit', 'submit']);
		expect(movesOpen('submitted', ['receiver'])).toEqual(['accept', 'return']);
		expect(movesOpen('submitted', ['receiver'], { top: true })).toEqual([]);
		expect(movesOpen('accepted', ['owner', 'receiver'])).toEqual([]);
	});

	it('figures are live only before submission', () => {
		expect([isLive('draft'), isLive('returned'), isLive('submitted'), isLive('accepted')]).toEqual([true, true, false, false]);
	});
});
