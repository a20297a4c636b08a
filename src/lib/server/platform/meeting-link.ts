/**
 * Online meeting rooms on a Jitsi Meet server (SEN_JITSI_URL, default https://meet.jit.si).
 * A room's name is unguessable (128 random bits) so only those who were given the link join;
 * it is generated once and stored with the meeting, never derived from its title.
 */
import { randomBytes } from 'node:crypto';
import { getContext, hasContext } from '../context';

const DEFAULT_SERVER = 'https://meet.jit.si';

/** A new room name: `Sen-` and 26 base32 characters (Jitsi accepts letters and digits). */
export function newRoomName(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	const bytes = randomBytes(17);
	let bits = 0n;
	for (const b of bytes) bits = (bits << 8n) | BigInt(b);
	let out = '';
	for (let i = 0; i < 26; i++) {
		out += alphabet[Number(bits & 31n)];
		bits >>= 5n;
	}
	return `Sen-${out}`;
}

/** The room's URL on the configured server. */
export function meetingUrl(room: string, server: string = hasContext() ? getContext().config.SEN_JITSI_URL : DEFAULT_SERVER): string {
	return `${server.replace(/\/+$/, '')}/${encodeURIComponent(room)}`;
}
