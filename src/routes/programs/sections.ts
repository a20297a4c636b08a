/**
 * The program hub's sections (/programs): pilot models, training, surveys, budget, reports,
 * dashboards, publications. Each part adds one entry: where it lives, its title and line of
 * description, and who sees it (decided by the central policy, never here).
 */
import type { Principal } from '#lib/server/auth/principal';
import { mayEver } from '#lib/server/auth/policy';
import { m } from '#lib/paraglide/messages.js';

export interface ProgramSection {
	href: string;
	title: () => string;
	description: () => string;
	show: (p: Principal) => boolean;
}

export const programSections: ProgramSection[] = [
	{ href: '/programs/pilots', title: () => m.prgpil_title(), description: () => m.prgpil_section_description(), show: (p) => mayEver(p, 'read', 'pilot_model') },
	{ href: '/programs/publications', title: () => m.prgpub_title(), description: () => m.prgpub_section_description(), show: (p) => mayEver(p, 'read', 'publication') },
];
