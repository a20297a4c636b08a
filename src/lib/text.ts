/** Text helpers shared by server and browser code. */

/** Strips Vietnamese diacritics for display-side matching (the database uses unaccent). */
export function unaccent(s: string): string {
	return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
