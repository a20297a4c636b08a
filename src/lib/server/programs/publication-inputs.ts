import { z } from 'zod';
import { PILOT_LEVELS } from './pilot-rules';
import { PUBLICATION_AUDIENCES, PUBLICATION_KINDS } from './publication-rules';

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
