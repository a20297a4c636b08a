/**
 * The community hub's sections (/community). Each module adds one entry: where it lives, its
 * title and line of description, and who sees it (decided by the central policy, never here).
 */
import type { Principal } from '#lib/server/auth/principal';
import { mayEver } from '#lib/server/auth/policy';
import { m } from '#lib/paraglide/messages.js';

export interface CommunitySection {
	href: string;
	title: () => string;
	description: () => string;
	show: (p: Principal) => boolean;
}

export const communitySections: CommunitySection[] = [
	{ href: '/events', title: () => m.evt_title(), description: () => m.evt_section_description(), show: (p) => mayEver(p, 'read', 'event') },
	{ href: '/meetings', title: () => m.evt_mtg_title(), description: () => m.evt_mtg_section_description(), show: (p) => mayEver(p, 'read', 'meeting') }
];
