/**
 * The program hub's sections (/programs): pilot models, training, surveys, budget, reports,
 * dashboards, publications. Each part adds one entry: where it lives, its title and line of
 * description, and who sees it (decided by the central policy, never here).
 */
import type { HubSection } from '#lib/server/http/hub';
import { mayEver } from '#lib/server/auth/policy';
import { m } from '#lib/paraglide/messages.js';

export const programSections: HubSection[] = [
	{ href: '/programs/pilots', title: () => m.prgpil_title(), description: () => m.prgpil_section_description(), show: (p) => mayEver(p, 'read', 'pilot_model') },
	// Bồi dưỡng: courses, quotas, enrolment, attendance, certificates and the targets board (families use /programs/training/materials).
	{ href: '/programs/training', title: () => m.prgtrn_title(), description: () => m.prgtrn_section_description(), show: (p) => mayEver(p, 'read', 'training_course') && p.grants.some((g) => g.role !== 'learner' && g.role !== 'parent') },
	{ href: '/programs/surveys', title: () => m.prgsrv_title(), description: () => m.prgsrv_section_description(), show: (p) => mayEver(p, 'read', 'survey') || mayEver(p, 'update', 'survey_response') },
	{ href: '/programs/budget', title: m.prgbud_title, description: m.prgbud_hub_description, show: (p) => mayEver(p, 'read', 'budget') },
	{ href: '/programs/reports', title: () => m.prgrep_section_title(), description: () => m.prgrep_section_description(), show: (p) => mayEver(p, 'read', 'program_report') },
	{ href: '/programs/dashboard', title: () => m.prgdsh_section_title(), description: () => m.prgdsh_section_description(), show: (p) => mayEver(p, 'read', 'program_dashboard') },
	{ href: '/programs/publications', title: () => m.prgpub_title(), description: () => m.prgpub_section_description(), show: (p) => mayEver(p, 'read', 'publication') }
];
