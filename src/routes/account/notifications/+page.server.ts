import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { orErrorPage } from '#lib/server/organisations/views';
import { preferencesInput } from '#lib/server/notifications/inputs';
import { getPreferences, listPushSubscriptions, savePreferences } from '#lib/server/notifications/preferences';
import { NOTIFICATION_KINDS, OUTGOING_CHANNELS } from '#lib/server/notifications/kinds';
import { parseTimeOfDay } from '#lib/server/notifications/rules';
import { ValidationError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db, config } = getContext();
	return {
		prefs: await orErrorPage(() => getPreferences(db, p)),
		channels: [...OUTGOING_CHANNELS],
		// Web push needs the VAPID key and a browser with service workers; the button appears only then.
		push: { publicKey: config.vapid?.publicKey ?? null, subscriptions: (await listPushSubscriptions(db, p)).length }
	};
};

/**
 * The form as a browser sends it: one checkbox per kind and channel (`<kind>=email`, unchecked
 * ones absent), quiet hours when their box is ticked, the digest choice.
 */
function fromForm(form: FormData) {
	const kinds = Object.fromEntries(Object.keys(NOTIFICATION_KINDS).map((k) => [k, form.getAll(`channel:${k}`).map(String)]));
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const quiet = form.get('quiet') === 'on';
	if (quiet && (parseTimeOfDay(text('quietStart')) === null || parseTimeOfDay(text('quietEnd')) === null)) {
		const issues = ['quietStart', 'quietEnd'].filter((f) => parseTimeOfDay(text(f)) === null).map((path) => ({ path, message: m.ntf_error_quiet_required() }));
		throw new ValidationError(m.ntf_error_quiet_required(), issues);
	}
	return parse(preferencesInput, {
		kinds,
		quietHours: quiet ? { start: text('quietStart'), end: text('quietEnd') } : null,
		digest: text('digest') || undefined,
		digestHour: text('digestHour') ? Number(text('digestHour')) : undefined
	});
}

export const actions: Actions = {
	default: async (event) => {
		const p = requirePrincipal(event);
		const form = await event.request.formData();
		const values = { quietStart: String(form.get('quietStart') ?? ''), quietEnd: String(form.get('quietEnd') ?? '') };
		try {
			await savePreferences(getContext().db, p, fromForm(form));
		} catch (e) {
			return formFailure(e, values, 'prefs');
		}
		return { saved: true as const };
	}
};
