/**
 * What an upload really is, from its first bytes (magic numbers), against an allow-list. The
 * browser's content type and the file name alone are never trusted: a page or a script renamed
 * to .pdf is refused, and nothing that a browser would execute (html, svg, js) is accepted.
 */

export interface Sniffed {
	contentType: string;
	/** Shown inline (in an <img>) rather than only downloaded. */
	image: boolean;
}

/** How many leading bytes `sniff` needs to decide. */
export const SNIFF_BYTES = 512;

/** The kinds of file Sen accepts, as shown in the error message. */
export const ALLOWED_LABEL = 'PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, MP4, MP3, TXT/CSV';

const OOXML: Record<string, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};
const TEXT: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', md: 'text/plain' };

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
export const isInlineImage = (contentType: string) => INLINE_IMAGES.has(contentType);

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';

/** Plain UTF-8 text with no control characters, not markup (a first `<` could be html or svg). */
function isPlainText(head: Uint8Array): boolean {
	if (head.length === 0) return false;
	// The head may cut a multi-byte character in two: drop an incomplete sequence at the end.
	let end = head.length;
	for (let i = Math.max(0, end - 3); i < end; i++) {
		const b = head[i];
		const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		if (len > 1 && i + len > end) end = i;
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
	} catch {
		return false;
	}
	if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
	return !text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** The allowed type of a file from its first bytes (and, where the bytes are a container, its name); null when not allowed. */
export function sniff(head: Uint8Array, name: string): Sniffed | null {
	const ext = extensionOf(name);
	if (startsWith(head, ascii('%PDF-'))) return { contentType: 'application/pdf', image: false };
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', image: true };
	if (startsWith(head, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', image: true };
	if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { contentType: 'image/gif', image: true };
	if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { contentType: 'image/webp', image: true };
	// Word, Excel and PowerPoint files are zip archives: a zip is accepted only under one of their names.
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return OOXML[ext] ? { contentType: OOXML[ext], image: false } : null;
	if (startsWith(head, ascii('ftyp'), 4)) return { contentType: 'video/mp4', image: false };
	if (startsWith(head, ascii('ID3')) || (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe6) === 0xe2)) return { contentType: 'audio/mpeg', image: false };
	if (TEXT[ext] && isPlainText(head)) return { contentType: `${TEXT[ext]}; charset=utf-8`, image: false };
	return null;
}
