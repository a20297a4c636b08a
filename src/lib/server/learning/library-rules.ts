/** The content library's vocabularies and pure rules. No database, no HTTP. */
import { unaccent } from '#lib/text';

export const SCHOOL_LEVELS = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as const;
/** Learning contexts the city program names: heritage sites, craft villages, museums, businesses, nature, local culture. */
export const LEARNING_CONTEXTS = ['heritage_site', 'craft_village', 'museum', 'business', 'nature', 'local_culture'] as const;
/** Learning modes: by play, practice/experience, situations, projects. */
export const LEARNING_MODES = ['play', 'practice', 'situation', 'project'] as const;
/** How far an item is shared: the author's school, its management unit, or the whole city. */
export const LIBRARY_REACH = ['school', 'unit', 'city'] as const;
export type LibraryReach = (typeof LIBRARY_REACH)[number];

/** What search compares: lower-case, no diacritics, one space. */
export const searchKey = (...parts: string[]) => unaccent(parts.join(' ').toLowerCase()).replace(/\s+/g, ' ').trim();

/**
 * The org path an item is shared under: the school's own path, its parent unit's, or the root
 * (the city department's). A path is `/city/unit/…/school/`, so the unit is the school's parent.
 */
export function reachPath(schoolPath: string, reach: LibraryReach): string {
	const parts = schoolPath.split('/').filter(Boolean);
	if (reach === 'school' || parts.length < 2) return schoolPath;
	if (reach === 'city') return `/${parts[0]}/`;
	return `/${parts.slice(0, -1).join('/')}/`;
}

/** The mean of the stars to one decimal, null with no rating. */
export function averageStars(stars: readonly number[]): number | null {
	if (!stars.length) return null;
	return Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 10) / 10;
}
