import { z } from 'zod';

/** A route naming a record and one of its files. */
export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
/** `?inline=1` shows an image in the page; anything else downloads. */
export const downloadQuery = z.object({ inline: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true') });
