/** Zod inputs of the messaging and contact-book routes. */
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';

const text = (max: number) => z.string().trim().min(1, { error: () => m.msg_error_empty() }).max(max, { error: () => m.msg_error_too_long({ max }) });

export const directInput = z.object({ personId: z.uuid(), body: text(5000) });
export const messageInput = z.object({ body: text(5000) });
export const announcementInput = z.object({ classId: z.uuid(), title: text(200), body: text(5000), repliesAllowed: z.boolean().default(true) });
export const projectChannelInput = z.object({ projectId: z.uuid(), title: text(200), includeMentor: z.boolean().default(false) });
export const reportInput = z.object({ reason: text(1000) });
export const reportsQuery = z.object({ status: z.enum(['open', 'dismissed', 'actioned']).optional() });
export const reviewInput = z.object({ decision: z.enum(['dismiss', 'hide']) });
export const entriesInput = z.object({
	classId: z.uuid(),
	learnerIds: z.array(z.uuid()).min(1, { error: () => m.msg_error_no_learners() }).max(100),
	kind: z.enum(['daily', 'weekly']),
	on: z.iso.date({ error: () => m.msg_error_date() }),
	body: text(5000)
});
export const acknowledgeInput = z.object({ reply: z.string().trim().max(2000).nullish() });
