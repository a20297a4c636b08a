import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { OUTGOING_CHANNELS } from './kinds';
import { isTimeZone, parseTimeOfDay } from './rules';

const timeOfDay = z.string().refine((s) => parseTimeOfDay(s) !== null, { error: () => m.ntf_error_time() });

export const preferencesInput = z
	.object({
		/** Outgoing channels per kind (in-app is always on); kinds left out keep their choice. */
		kinds: z.record(z.string(), z.array(z.enum(OUTGOING_CHANNELS)).max(3)).default({}),
		/** Null: no quiet hours. */
		quietHours: z.object({ start: timeOfDay, end: timeOfDay }).nullable().optional(),
		timeZone: z.string().max(64).refine(isTimeZone, { error: () => m.ntf_error_time_zone() }).optional(),
		digest: z.enum(['immediate', 'daily']).optional(),
		digestHour: z.number().int().min(0).max(23).optional()
	})
	.strict();
export type PreferencesInput = z.infer<typeof preferencesInput>;

export const personQuery = z.object({ personId: z.uuid().optional() });

export const notificationsQuery = z.object({
	unread: z.enum(['true', 'false']).optional(),
	before: z.iso.datetime({ offset: true }).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});

export const pushSubscriptionInput = z.object({
	endpoint: z.url().regex(/^https:\/\//, { error: () => m.ntf_error_https() }).max(2000),
	keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) })
});

export const outboxQuery = z.object({
	status: z.enum(['dead', 'failing', 'pending', 'sent']).default('dead'),
	limit: z.coerce.number().int().min(1).max(500).default(100)
});
