/**
 * LIKE patterns from values (org paths, search keys): the one way to escape LIKE's wildcards, so a
 * path such as `/a_b/` matches only itself and the paths below it.
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** The pattern of an org path and every path below it (`/city/unit/` → `/city/unit/%`). */
export const underPattern = (path: string) => escapeLike(path) + '%';

/** The pattern of a value anywhere in a text (`ab` → `%ab%`), for searches. */
export const containsPattern = (s: string) => '%' + escapeLike(s) + '%';
