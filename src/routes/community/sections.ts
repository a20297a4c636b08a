/**
 * The community hub's sections (/community). Each module adds one entry: where it lives, its
 * title and line of description, and who sees it (decided by the central policy, never here).
 */
import type { Principal } from '#lib/server/auth/principal';

export interface CommunitySection {
	href: string;
	title: () => string;
	description: () => string;
	show: (p: Principal) => boolean;
}

export const communitySections: CommunitySection[] = [];
