import { z } from 'zod';
import { OUTGOING_CHANNELS } from './kinds';
import { isTimeZone, parseTimeOfDay } from './rules';

const timeOfDay = z.string().refine((s) => parseTimeOfDay(s) !== null, { message: 'HH:MM, 00:00–23:59' });

export const preferencesInput = z
	.object({
		/** Outgoing channels per kind (in-app is always on); kinds left out keep their choice. */
		kinds: z.record(z.string(), z.array(z.enum(OUTGOING_CHANNELS)).max(3)).default({}),
		/** Null: no quiet hours. */
		quietHours: z.object({ start: timeOfDay, end: timeOfDay }).nullable().optional(),
		timeZone: z.string().max(64).refine(isTimeZone, { message: 'an IANA time zone such as Asia/Ho_Chi_Minh' }).optional(),
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
	endpoint: z.url().regex(/^https:\/\//, { message: 'must be an https URL' }).max(2000),
	keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) })
});

export const outboxQuery = z.object({
	status: z.enum(['dead', 'failing', 'pending', 'sent']).default('dead'),
	limit: z.coerce.number().int().min(1).max(500).default(100)
});
