import { endpoint } from '#lib/server/http/api';
import { resetCompleteInput, resetRequestInput } from '#lib/server/auth/inputs';
import { completePasswordReset, requestPasswordReset } from '#lib/server/auth/service';
import { getContext } from '#lib/server/context';

/** Ask for a reset link by email. Always 202, so it does not reveal who has an account. */
export const POST = endpoint({ body: resetRequestInput, public: true, status: 202 }, async ({ db, body }) => {
	await requestPasswordReset(db, body.username, getContext().config.publicUrl);
	return { status: 'sent_if_known' };
});

/** Set a new password with the emailed token. */
export const PUT = endpoint({ body: resetCompleteInput, public: true }, async ({ db, body }) => {
	await completePasswordReset(db, body.token, body.newPassword);
	return undefined;
});
