/**
 * The program hub's sections (/programs): pilot models, training, surveys, budget, reports,
 * dashboards, publications. Each part adds one entry: where it lives, its title and line of
 * description, and who sees it (decided by the central policy, never here).
 */
import type { Principal } from '#lib/server/auth/principal';
import { m } from '#lib/paraglide/messages.js';
import { mayEver } from '#lib/server/auth/policy';

export interface ProgramSection {
	href: string;
	title: () => string;
	description: () => string;
	show: (p: Principal) => boolean;
}

export const programSections: ProgramSection[] = [
	{ href: '/programs/surveys', title: () => m.prgsrv_title(), description: () => m.prgsrv_section_description(), show: (p) => mayEver(p, 'read', 'survey') || mayEver(p, 'update', 'survey_response') }
];
