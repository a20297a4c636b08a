/** Names of the training vocabularies in the user's language. */
import { m } from '#lib/paraglide/messages.js';

type Msg = () => string;
const lookup = (key: string): Msg | undefined => (m as unknown as Record<string, Msg | undefined>)[key];

export const targetGroupLabel = (g: string) => lookup(`prgtrn_group_${g}`)?.() ?? g;
export const statusLabel = (s: string) => lookup(`prgtrn_status_${s}`)?.() ?? s;
export const targetLabel = (k: string) => lookup(`prgtrn_target_${k}`)?.() ?? k;
