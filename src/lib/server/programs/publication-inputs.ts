import { z } from 'zod';
import { PILOT_LEVELS } from './pilot-rules';
import { PUBLICATION_AUDIENCES, PUBLICATION_KINDS } from './publication-rules';
import { m } from '#lib/paraglide/messages.js';

const id = z.uuid();

/** Published from an org unit (the city or a management unit) the caller is an officer of. */
export const publicationInput = z.object({
	orgUnitId: id.optional(),
	kind: z.enum(PUBLICATION_KINDS),
	title: z.string().trim().min(1).max(300),
	body: z.string().trim().max(50_000).default(''),
	attachmentUrl: z.string().trim().max(2000).nullable().optional(),
	audience: z.enum(PUBLICATION_AUDIENCES),
	levels: z.array(z.enum(PILOT_LEVELS)).max(4).default([]),
	public: z.boolean().default(false)
});
export type PublicationInput = z.infer<typeof publicationInput>;

export const publicationsQuery = z.object({ kind: z.enum(PUBLICATION_KINDS).optional() });

/**
 * A correction of a sent publication: its title, body and attachment only. Who it went to (kind,
 * audience, levels, unit) is fixed once sent — to reach another audience, withdraw and publish anew —
 * so those keys are refused by name rather than silently dropped.
 */
export const publicationPatch = z
	.strictObject(
		{
			title: z.string().trim().min(1).max(300).optional(),
			body: z.string().trim().max(50_000).optional(),
			attachmentUrl: z.string().trim().max(2000).nullable().optional()
		},
		{ error: (iss) => (iss.code === 'unrecognized_keys' ? m.prgpub_edit_fixed({ keys: iss.keys.join(', ') }) : undefined) }
	)
	.refine((x) => x.title !== undefined || x.body !== undefined || x.attachmentUrl !== undefined, { error: () => m.prgpub_edit_empty() });
export type PublicationPatch = z.infer<typeof publicationPatch>;

/** Withdrawing (thu hồi), with an optional reason shown to whoever follows the old link. */
export const publicationWithdrawal = z.object({ reason: z.string().trim().max(1000).nullable().optional() });
export type PublicationWithdrawal = z.infer<typeof publicationWithdrawal>;
