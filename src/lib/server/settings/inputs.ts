import { z } from 'zod';

/** A scope as the API and the pages name it: `city`, or the id of a school or an org unit. */
export const scopeParam = z.union([z.literal('city'), z.uuid()]);
export type ScopeParam = z.infer<typeof scopeParam>;

export const settingsQuery = z.object({ scope: scopeParam });

/** The key is checked against the registry by the service (a 400 naming it when unknown). */
export const settingKeyParam = z.object({ key: z.string().min(1).max(100) });

/** The value's shape depends on the key (see registry.ts); the service checks it. */
export const settingPut = z.object({ scope: scopeParam, value: z.unknown() });
