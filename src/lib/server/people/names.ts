/** Vietnamese names: họ (family), tên đệm (middle), tên (given). */
export interface NameParts {
	familyName: string;
	middleName: string | null;
	givenName: string;
}

export function fullName(p: NameParts): string {
	return [p.familyName, p.middleName, p.givenName].filter(Boolean).join(' ');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Vietnamese order: by given name (tên), then family name (họ), then middle name, as class lists
 * are kept. "An" < "Ánh" < "Bình"; "Đ" sorts after "D".
 */
export function compareVietnameseNames(a: NameParts, b: NameParts): number {
	return (
		collator.compare(a.givenName, b.givenName) ||
		collator.compare(a.familyName, b.familyName) ||
		collator.compare(a.middleName ?? '', b.middleName ?? '')
	);
}

export function sortVietnamese<T extends NameParts>(list: T[]): T[] {
	return [...list].sort(compareVietnameseNames);
}

/** Splits "Nguyễn Thị Minh Anh" into family "Nguyễn", middle "Thị Minh", given "Anh". */
export function splitFullName(full: string): NameParts {
	const parts = full.trim().split(/\s+/).filter(Boolean);
	if (parts.length === 0) return { familyName: '', middleName: '', givenName: '' };
	if (parts.length === 1) return { familyName: '', middleName: '', givenName: parts[0] };
	return { familyName: parts[0], middleName: parts.slice(1, -1).join(' '), givenName: parts[parts.length - 1] };
}

// Lives in #lib/text so that browser code (the grade grid) can use it too.
export { unaccent } from '../../text';
