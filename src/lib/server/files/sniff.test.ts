import { describe, expect, it } from 'vitest';
import { isInlineImage, sniff } from './sniff';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffing an upload’s type from its first bytes', () => {
	it.each([
		['bai-tap.pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
		['anh.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
		['anh.jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
		['anh.gif', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
		['anh.webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
		['bao-cao.docx', bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
		['diem.xlsx', bytes([0x50, 0x4b, 0x03, 0x04]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
		['slide.pptx', bytes([0x50, 0x4b, 0x03, 0x04]), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
		['video.mp4', bytes([0, 0, 0, 0x18], 'ftypmp42'), 'video/mp4'],
		['bai-hat.mp3', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
		['bai-hat-2.mp3', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
		['bai-lam.txt', new TextEncoder().encode('Bài làm của em: 1 + 1 = 2\n'), 'text/plain; charset=utf-8'],
		['danh-sach.csv', new TextEncoder().encode('họ tên,điểm\nAn,9\n'), 'text/csv; charset=utf-8']
	])('accepts %s as %s', (name, head, type) => {
		expect(sniff(head, name)?.contentType).toBe(type);
	});

	it('trusts the bytes, not the name: a PNG called .pdf is a PNG', () => {
		expect(sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'trick.pdf')?.contentType).toBe('image/png');
	});

	it.each([
		['trang.html', new TextEncoder().encode('<!doctype html><script>alert(1)</script>')],
		['trang.txt', new TextEncoder().encode('  <html><script>alert(1)</script>')],
		['hinh.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
		['ma.js', new TextEncoder().encode('alert(document.cookie)')],
		['ma.exe', bytes('MZ', [0x90, 0])],
		['nen.zip', bytes([0x50, 0x4b, 0x03, 0x04])],
		['gia.pdf', new TextEncoder().encode('not really a pdf')],
		['nhi-phan.txt', bytes('abc', [0, 1, 2])],
		['rong.txt', new Uint8Array()]
	])('refuses %s', (name, head) => {
		expect(sniff(head, name)).toBeNull();
	});

	it('accepts text cut in the middle of a Vietnamese character by the sniffing window', () => {
		const text = new TextEncoder().encode('Tiếng Việt');
		const cut = text.subarray(0, text.indexOf(0xba) + 0); // inside "ế" (e1 ba bf)
		expect(sniff(cut, 'a.txt')?.contentType).toBe('text/plain; charset=utf-8');
	});

	it('shows only raster images inline', () => {
		expect(isInlineImage('image/png')).toBe(true);
		expect(isInlineImage('image/svg+xml')).toBe(false);
		expect(isInlineImage('application/pdf')).toBe(false);
	});
});
