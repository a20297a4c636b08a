import { describe, expect, it } from 'vitest';
import { meetingUrl, newRoomName } from './meeting-link';

describe('meeting rooms', () => {
	it('names each room with 26 random base32 characters', () => {
		const names = new Set(Array.from({ length: 200 }, newRoomName));
		expect(names.size).toBe(200);
		for (const n of names) expect(n).toMatch(/^Sen-[a-z2-7]{26}$/);
	});
	it('puts the room on the configured server', () => {
		expect(meetingUrl('Sen-abc', 'https://meet.truong.edu.vn/')).toBe('https://meet.truong.edu.vn/Sen-abc');
		expect(meetingUrl('Sen-abc', 'https://meet.jit.si')).toBe('https://meet.jit.si/Sen-abc');
	});
});
