import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, fullName, sortVietnamese, splitFullName, unaccent } from './names';

const n = (full: string) => splitFullName(full);

describe('Vietnamese name order (by given name, then family name, Intl.Collator vi)', () => {
	it('sorts by given name before family name, as class lists are kept', () => {
		const list = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Minh An', 'Phạm Thu Chi'].map(n);
		expect(sortVietnamese(list).map(fullName)).toEqual(['Lê Minh An', 'Nguyễn Thị An', 'Trần Văn Bình', 'Phạm Thu Chi']);
	});

	it('puts An before Ánh before Bình, and Đ after D', () => {
		const list = ['Hà Đạt', 'Hà Dung', 'Hà Bình', 'Hà Ánh', 'Hà An'].map(n);
		expect(sortVietnamese(list).map((p) => p.givenName)).toEqual(['An', 'Ánh', 'Bình', 'Dung', 'Đạt']);
	});

	it('falls back to the middle name when given and family names are equal', () => {
		expect(compareVietnameseNames(n('Nguyễn Thị Lan'), n('Nguyễn Ngọc Lan'))).toBeGreaterThan(0);
	});
});

describe('splitFullName', () => {
	it.each([
		['Nguyễn Thị Minh Anh', { familyName: 'Nguyễn', middleName: 'Thị Minh', givenName: 'Anh' }],
		['  Lê   Hùng ', { familyName: 'Lê', middleName: '', givenName: 'Hùng' }],
		['Mai', { familyName: '', middleName: '', givenName: 'Mai' }]
	])('splits %s', (full, parts) => {
		expect(splitFullName(full)).toEqual(parts);
	});
});

describe('unaccent', () => {
	it('strips every Vietnamese diacritic including đ/Đ', () => {
		expect(unaccent('Nguyễn Văn Đức Ưng Hoàng Thị Ngọc Ánh')).toBe('Nguyen Van Duc Ung Hoang Thi Ngoc Anh');
	});
});
