import { describe, expect, it } from 'vitest';
import { mayPost, readReceipt, retentionCutoff, seesMessage } from './rules';

describe('who sees which message', () => {
	it.each([
		['owner sees a parent reply', { personId: 't', role: 'owner' as const }, { authorId: 'p1', byOwner: false }, true],
		['a direct member sees the other side', { personId: 'a', role: 'member' as const }, { authorId: 'b', byOwner: false }, true],
		['a parent sees the announcement', { personId: 'p1', role: 'recipient' as const }, { authorId: 't', byOwner: true }, true],
		['a parent sees their own reply', { personId: 'p1', role: 'recipient' as const }, { authorId: 'p1', byOwner: false }, true],
		['a parent never sees another parent’s reply', { personId: 'p1', role: 'recipient' as const }, { authorId: 'p2', byOwner: false }, false]
	])('%s', (_name, viewer, message, expected) => expect(seesMessage(viewer, message)).toBe(expected));
});

describe('who may post', () => {
	it('lets owners post always and recipients only where replies are allowed', () => {
		expect(mayPost('owner', { kind: 'class_announcement', repliesAllowed: false })).toBe(true);
		expect(mayPost('recipient', { kind: 'class_announcement', repliesAllowed: false })).toBe(false);
		expect(mayPost('recipient', { kind: 'class_announcement', repliesAllowed: true })).toBe(true);
		expect(mayPost('member', { kind: 'direct', repliesAllowed: true })).toBe(true);
		expect(mayPost('member', { kind: 'project_channel', repliesAllowed: true })).toBe(true);
	});
});

describe('read receipts', () => {
	it('counts recipients whose read pointer is at or after the message', () => {
		const at = new Date('2026-12-01T08:00:00Z');
		expect(readReceipt([{ lastReadAt: null }, { lastReadAt: new Date('2026-12-01T07:59:59Z') }, { lastReadAt: at }, { lastReadAt: new Date('2026-12-02T00:00:00Z') }], at)).toEqual({ read: 2, total: 4 });
		expect(readReceipt([], at)).toEqual({ read: 0, total: 0 });
	});
});

describe('retention', () => {
	it('cuts off whole days before now', () => {
		expect(retentionCutoff(new Date('2026-12-31T00:00:00Z'), 30).toISOString()).toBe('2026-12-01T00:00:00.000Z');
	});
});
