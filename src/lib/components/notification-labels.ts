import { m } from '#lib/paraglide/messages.js';

type Msg = () => string;
const lookup = (key: string): Msg | undefined => (m as unknown as Record<string, Msg | undefined>)[key];

/** A kind's name; a module that has not added its `ntf_kind_<kind>` message yet shows the kind itself. */
export const kindLabel = (kind: string) => lookup(`ntf_kind_${kind.replaceAll('.', '_')}`)?.() ?? kind;
export const groupLabel = (group: string) => lookup(`ntf_group_${group}`)?.() ?? group;
export const channelLabel = (channel: string) => lookup(`ntf_channel_${channel}`)?.() ?? channel;
export const outboxStatusLabel = (status: string) => lookup(`ntf_outbox_status_${status}`)?.() ?? status;
