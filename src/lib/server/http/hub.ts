/**
 * Hub pages (/community, /programs) list sections that each module adds: where it lives, its
 * title and line of description, and who sees it (decided by the central policy, never here).
 */
import type { Principal } from '../auth/principal';

export interface HubSection {
	href: string;
	title: () => string;
	description: () => string;
	show: (p: Principal) => boolean;
}

/** The sections the principal sees, rendered in their language. */
export const visibleSections = (sections: readonly HubSection[], p: Principal) =>
	sections.filter((s) => s.show(p)).map((s) => ({ href: s.href, title: s.title(), description: s.description() }));
