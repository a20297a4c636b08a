import { describe, expect, it } from 'vitest';
import { clubLevel, mayDecide, mayReply, mayRequestAgain, searchPattern, threadSearchText, visibleToReader } from './rules';

describe('club rules', () => {
	it('names a club’s level from where it lives', () => {
		expect(clubLevel({ schoolId: 's', path: '/c/u/s/' })).toBe('school');
		expect(clubLevel({ schoolId: null, path: '/c/u/' })).toBe('unit');
		expect(clubLevel({ schoolId: null, path: '/c/' })).toBe('city');
	});

	it.each([
		[null, true],
		['left', true],
		['rejected', true],
		['requested', false],
		['approved', false]
	] as const)('with membership %s, asking to join is %s', (current, allowed) => {
		expect(mayRequestAgain(current)).toBe(allowed);
	});

	it('decides only a waiting request', () => {
		expect(mayDecide('requested')).toBe(true);
		expect(mayDecide('approved')).toBe(false);
		expect(mayDecide('rejected')).toBe(false);
		expect(mayDecide(null)).toBe(false);
	});
});

describe('forum rules', () => {
	it('searches without diacritics or case: "phan so" finds "Phân số"', () => {
		const key = threadSearchText('Dạy Phân số lớp 6', 'Dùng  hình tròn');
		expect(key).toBe('day phan so lop 6 dung hinh tron');
		expect(key).toContain(searchPattern('PHAN SO').slice(1, -1));
		expect(searchPattern('100%_x')).toBe('%100\\%\\_x%');
	});

	it('hides a hidden post from everyone but moderators', () => {
		expect(visibleToReader({ hidden: true }, false)).toBe(false);
		expect(visibleToReader({ hidden: true }, true)).toBe(true);
		expect(visibleToReader({ hidden: false }, false)).toBe(true);
	});

	it('refuses replies to a locked thread except from a moderator', () => {
		expect(mayReply({ locked: true }, false)).toBe(false);
		expect(mayReply({ locked: true }, true)).toBe(true);
		expect(mayReply({ locked: false }, false)).toBe(true);
	});
});
