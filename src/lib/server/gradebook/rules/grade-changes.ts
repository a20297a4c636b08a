/**
 * Changing a recorded grade. No national regulation prescribes a post-lock workflow for an
 * electronic gradebook (none seen); these rules follow the paper học bạ rule that a correction
 * never erases (TT22/2021 học bạ form, "Hướng dẫn sử dụng học bạ": strike through, write the new
 * value, sign) and vendors' practice. The lock and the approval step are a product decision,
 * school-configurable, not law.
 */

/** open: the term is editable; locked: school leaders locked the term; signed: the học bạ số is digitally signed. */
export type LockState = 'open' | 'locked' | 'signed';

export type EditRoute =
	| { route: 'direct' }
	/** Through a change request with a reason, decided by the principal or a deputy. */
	| { route: 'change_request'; onApproval: 'apply' | 'new_signed_version' };

/**
 * How an edit is made. Open: directly, by the assigned teacher (who may edit is the policy's
 * concern). Locked: by change request. Signed: by change request whose approval issues a new
 * signed version rather than editing the signed one (how to correct a signed học bạ số is
 * unconfirmed; CV 1396/BGDĐT-GDTH and 119/BGDĐT-GDTH rest on digital signatures).
 * Every route keeps the old value in the append-only history.
 */
export function editRoute(lock: LockState): EditRoute {
	switch (lock) {
		case 'open':
			return { route: 'direct' };
		case 'locked':
			return { route: 'change_request', onApproval: 'apply' };
		case 'signed':
			return { route: 'change_request', onApproval: 'new_signed_version' };
	}
}

export const CHANGE_REQUEST_ERROR_CODES = [
	/** The old value named in the request is not the cell's value now (someone changed it meanwhile). */
	'change_stale_old_value',
	/** The reason is empty. */
	'change_reason_required',
	/** The new value equals the old one. */
	'change_no_difference'
] as const;
export type ChangeRequestErrorCode = (typeof CHANGE_REQUEST_ERROR_CODES)[number];

/** A cell value as stored (a number of tenths, a level code, or a small JSON object), or null when empty. */
export type CellValue = string | number | boolean | null | readonly CellValue[] | { readonly [key: string]: CellValue };

export interface ChangeRequestInput {
	/** The cell's value now, read in the same transaction. */
	currentValue: CellValue;
	/** The value the requester saw and wants to replace. */
	oldValue: CellValue;
	newValue: CellValue;
	reason: string | null | undefined;
}

export type ChangeRequestValidation = { ok: true } | { ok: false; errors: ChangeRequestErrorCode[] };

/** Structural equality of JSON-like values (key order does not matter). */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	const ra = a as Record<string, CellValue>;
	const rb = b as Record<string, CellValue>;
	return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameCellValue(ra[k], rb[k]));
}

/**
 * A change request is valid when its old value is the cell's current value, it gives a reason and
 * it changes something. All failing checks are reported. Whether the new value is a valid score is
 * checked separately (validateSecondaryScore, validatePrimaryTestScore). Product rule (unconfirmed
 * as law).
 */
export function validateChangeRequest(input: ChangeRequestInput): ChangeRequestValidation {
	const errors: ChangeRequestErrorCode[] = [];
	if (!sameCellValue(input.oldValue, input.currentValue)) errors.push('change_stale_old_value');
	if (!input.reason || input.reason.trim() === '') errors.push('change_reason_required');
	if (sameCellValue(input.newValue, input.oldValue)) errors.push('change_no_difference');
	return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
