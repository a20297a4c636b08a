import { describe, expect, it } from 'vitest';
import { CHANGE_REQUEST_ERROR_CODES, editRoute, validateChangeRequest, type ChangeRequestInput, type ChangeRequestValidation, type LockState, type EditRoute } from './grade-changes';

describe('grade changes: direct edit or change request by lock state (product rule; TT22 học bạ: corrections never erase)', () => {
	it.each<[LockState, EditRoute]>([
		['open', { route: 'direct' }],
		['locked', { route: 'change_request', onApproval: 'apply' }],
		['signed', { route: 'change_request', onApproval: 'new_signed_version' }]
	])('%s → %j', (lock, route) => {
		expect(editRoute(lock)).toEqual(route);
	});
});

describe('grade changes: validating a change request', () => {
	const valid: ChangeRequestInput = { currentValue: 65, oldValue: 65, newValue: 75, reason: 'Cộng nhầm điểm bài kiểm tra' };

	it.each<[string, ChangeRequestInput, ChangeRequestValidation]>([
		['valid: old equals current, a reason, a different value', valid, { ok: true }],
		['valid: filling an empty cell', { ...valid, currentValue: null, oldValue: null }, { ok: true }],
		['valid: objects compare by content, not key order', { ...valid, currentValue: { score: 65, missed: null }, oldValue: { missed: null, score: 65 }, newValue: { score: 70, missed: null } }, { ok: true }],
		['stale: the cell changed since the request was written', { ...valid, currentValue: 70 }, { ok: false, errors: ['change_stale_old_value'] }],
		['no reason', { ...valid, reason: '' }, { ok: false, errors: ['change_reason_required'] }],
		['a blank reason', { ...valid, reason: '   ' }, { ok: false, errors: ['change_reason_required'] }],
		['a missing reason', { ...valid, reason: undefined }, { ok: false, errors: ['change_reason_required'] }],
		['no change: new equals old', { ...valid, newValue: 65 }, { ok: false, errors: ['change_no_difference'] }],
		['every failure listed', { currentValue: 'dat', oldValue: 'chua_dat', newValue: 'chua_dat', reason: null }, { ok: false, errors: ['change_stale_old_value', 'change_reason_required', 'change_no_difference'] }]
	])('%s', (_name, input, result) => {
		expect(validateChangeRequest(input)).toEqual(result);
	});

	it('exports the error codes for the UI to translate', () => {
		expect(CHANGE_REQUEST_ERROR_CODES).toEqual(['change_stale_old_value', 'change_reason_required', 'change_no_difference']);
	});
});
