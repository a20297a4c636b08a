/**
 * The community hub's sections (/community). Each module adds one entry: where it lives, its
 * title and line of description, and who sees it (decided by the central policy, never here).
 */
import type { HubSection } from '#lib/server/http/hub';
import { mayEver } from '#lib/server/auth/policy';
import { m } from '#lib/paraglide/messages.js';

export const communitySections: HubSection[] = [
	{
		href: '/counselling',
		title: m.cns_title,
		description: m.cns_section_description,
		// Counselling happens in a school: someone with no grant at a school (an administrator, an officer) has nothing there.
		show: (p) => p.grants.some((g) => g.schoolId !== null) && (mayEver(p, 'read', 'counselling_slot') || mayEver(p, 'read', 'counselling_case') || mayEver(p, 'read', 'counselling_stats'))
	},
	// Mạng lưới cộng đồng: staff search it, vetters vet, members see their profile and requests.
	{ href: '/network', title: () => m.net_title(), description: () => m.net_section_description(), show: (p) => mayEver(p, 'read', 'network_member') || mayEver(p, 'read', 'engagement') },
	{ href: '/clubs', title: () => m.club_title(), description: () => m.club_section_description(), show: (p) => mayEver(p, 'read', 'club') },
	{ href: '/forums', title: () => m.club_forum_title(), description: () => m.club_forum_section_description(), show: (p) => mayEver(p, 'read', 'forum_space') },
	{ href: '/committees', title: () => m.club_cmt_title(), description: () => m.club_cmt_section_description(), show: (p) => mayEver(p, 'read', 'parent_committee') },
	{ href: '/events', title: () => m.evt_title(), description: () => m.evt_section_description(), show: (p) => mayEver(p, 'read', 'event') },
	{ href: '/meetings', title: () => m.evt_mtg_title(), description: () => m.evt_mtg_section_description(), show: (p) => mayEver(p, 'read', 'meeting') },
	// The program's online training materials for learners and parents (courses whose audience is theirs).
	{ href: '/programs/training/materials', title: () => m.prgtrn_materials_title(), description: () => m.prgtrn_materials_section_description(), show: (p) => p.grants.some((g) => g.role === 'learner' || g.role === 'parent') && mayEver(p, 'read', 'training_course') }
];
