/**
 * One error hierarchy for the whole app. Services throw these; the API maps them to
 * `{"error": {"code", "message", "details"}}` with the status, pages map them to form messages.
 * `message` is a key into the messages catalogue (see #lib/server/http/messages).
 */
export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
	}
}

export class ValidationError extends AppError {
	constructor(message: string, readonly issues: FieldIssue[] = [], details?: unknown) {
		super(400, 'validation_failed', message, details ?? { issues });
	}
}
export class UnauthenticatedError extends AppError {
	constructor(message: string, code = 'unauthenticated') {
		super(401, code, message);
	}
}
export class ForbiddenError extends AppError {
	constructor(message: string) {
		super(403, 'forbidden', message);
	}
}
export class NotFoundError extends AppError {
	constructor(message: string) {
		super(404, 'not_found', message);
	}
}
export class ConflictError extends AppError {
	constructor(message: string, details?: unknown) {
		super(409, 'conflict', message, details);
	}
}
/** It existed and was taken back on purpose (a withdrawn publication): said so, not "not found". */
export class GoneError extends AppError {
	constructor(message: string, details?: unknown) {
		super(410, 'gone', message, details);
	}
}
export class LockedError extends AppError {
	constructor(message: string, readonly until: Date) {
		super(423, 'account_locked', message, { lockedUntil: until.toISOString() });
	}
}
