/**
 * The light formatting teachers type in lesson plans (and that Zalo and Word users already know):
 * paragraphs split by an empty line, "- " or "* " bullets, "1. " numbered lists, **bold** and
 * *italic*. Rendering escapes every character of the text first and only then adds those few tags,
 * so no HTML a user types ever reaches the page. Shared by the pages and the PDF.
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** **bold** and *italic* inside one line (already escaped). */
function inline(s: string): string {
	return s.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, '$1<em>$2</em>');
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** The text as blocks: paragraphs, bullet lists and numbered lists; an empty line starts a new block. */
export function richTextBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
		let fresh = true;
		for (const line of chunk.split('\n')) {
			if (!line.trim()) continue;
			const bullet = line.match(BULLET);
			const numbered = bullet ? null : line.match(NUMBERED);
			const last = fresh ? undefined : blocks.at(-1);
			fresh = false;
			if (bullet || numbered) {
				const kind = bullet ? 'ul' : 'ol';
				const item = (bullet ?? numbered)![1];
				if (last && last.kind === kind) last.items.push(item);
				else blocks.push({ kind, items: [item] });
			} else if (last && last.kind === 'p') last.lines.push(line.trim());
			else blocks.push({ kind: 'p', lines: [line.trim()] });
		}
	}
	return blocks;
}

/** Safe HTML for `{@html}`: escaped text with paragraphs, lists, bold and italic. */
export function renderRichText(text: string): string {
	return richTextBlocks(text)
		.map((b) => (b.kind === 'p' ? `<p>${b.lines.map((l) => inline(escapeHtml(l))).join('<br>')}</p>` : `<${b.kind}>${b.items.map((i) => `<li>${inline(escapeHtml(i))}</li>`).join('')}</${b.kind}>`))
		.join('');
}

/** The same text for print without markup (the PDF): markers dropped, bullets as "•", numbers kept. */
export function richTextPlain(text: string): string {
	const strip = (s: string) => s.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1').replace(/(^|[^*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, '$1$2');
	return richTextBlocks(text)
		.map((b) => (b.kind === 'p' ? b.lines.map(strip).join('\n') : b.items.map((i, n) => `${b.kind === 'ul' ? '•' : `${n + 1}.`} ${strip(i)}`).join('\n')))
		.join('\n\n');
}
