import { describe, expect, it } from 'vitest';
import { blockInputSchema, isVideoFile, progressPercent, youtubeEmbed } from './lesson-blocks';

describe('lesson blocks', () => {
	it('take only https links (or a path on Sen), never javascript: or plain http', () => {
		const ok = (url: string) => blockInputSchema.safeParse({ kind: 'video', url }).success;
		expect(ok('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(true);
		expect(ok('/files/abc')).toBe(true);
		expect(ok('http://example.org/v.mp4')).toBe(false);
		expect(ok('javascript:alert(1)')).toBe(false);
		expect(ok('//evil.example/x')).toBe(false);
	});
	it('need alt text for an image', () => expect(blockInputSchema.safeParse({ kind: 'image', url: 'https://x/y.png', alt: '' }).success).toBe(false));
	it('play YouTube in its privacy-enhanced player', () => {
		expect(youtubeEmbed('https://youtu.be/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
		expect(youtubeEmbed('https://www.youtube.com/watch?list=x&v=dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
		expect(youtubeEmbed('https://vimeo.com/1')).toBeNull();
		expect(isVideoFile('https://x/bai-giang.mp4?t=1')).toBe(true);
	});
	it('count progress as the share of blocks done', () => {
		const blocks = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(progressPercent(blocks, new Set(['a']))).toBe(33);
		expect(progressPercent(blocks, new Set(['a', 'b', 'c', 'x']))).toBe(100);
		expect(progressPercent([], new Set())).toBe(0);
	});
});
