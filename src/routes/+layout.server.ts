import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { mayEver } from '#lib/server/auth/policy';
import { loginPath } from '#lib/server/http/pages';
import { getContext } from '#lib/server/context';
import { unreadNotifications } from '#lib/server/notifications/service';

/** Pages anyone may open; every other page sends a visitor who is not signed in to /login. */
const PUBLIC = [/^\/login\/?$/, /^\/logout\/?$/, /^\/forgot-password\/?$/, /^\/reset-password\/[^/]+\/?$/, /^\/language\/?$/, /^\/network\/join\/?$/, /^\/network\/invite\/[^/]+\/?$/, /^\/programs\/training\/verify\/?$/, /^\/program\/?$/, /^\/program\/[^/]+\/?$/];
const isPublicPath = (path: string) => PUBLIC.some((re) => re.test(path));

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const p = locals.principal;
	if (!p && !isPublicPath(url.pathname)) redirect(303, loginPath(url));
	return {
		locale: locals.locale,
		user: p ? { name: p.displayName, username: p.username, roles: [...new Set(p.grants.map((g) => g.role))], unread: await unreadNotifications(getContext().db, p.personId) } : null,
		nav: p
			? {
					// Liên lạc: whoever takes part in school messaging (members of conversations).
					messages: mayEver(p, 'read', 'conversation'),
					org: mayEver(p, 'read', 'org_unit') || mayEver(p, 'read', 'school'),
					people: mayEver(p, 'read', 'person'),
					import: mayEver(p, 'create', 'import'),
					audit: mayEver(p, 'read', 'audit'),
					// Sổ điểm: those who read grades by class (staff, leaders); parents see their children's elsewhere.
					gradebook: mayEver(p, 'read', 'grade') && mayEver(p, 'read', 'teaching_assignment'),
					lessonPlans: mayEver(p, 'read', 'lesson_plan'),
					lessons: mayEver(p, 'read', 'lesson'),
					library: mayEver(p, 'read', 'library_item'),
					// Học tập: a learner's own lessons, or a parent's children's.
					learn: p.grants.some((g) => g.role === 'learner') || p.childIds.length > 0,
					assignments: mayEver(p, 'read', 'assignment'),
					projects: mayEver(p, 'read', 'project'),
					places: mayEver(p, 'read', 'learning_place'),
					// Chương trình: the program's staff side — school staff, leaders, officers.
					programs: mayEver(p, 'read', 'pilot_model') || mayEver(p, 'read', 'program_dashboard')
				}
			: null
	};
};
