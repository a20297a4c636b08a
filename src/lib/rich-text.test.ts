import { describe, expect, it } from 'vitest';
import { renderRichText, richTextPlain } from './rich-text';

describe('the light formatting of lesson plans', () => {
	it('makes paragraphs, line breaks, bullets, numbered lists, bold and italic', () => {
		const text = 'Mở đầu **quan trọng** và *nhẹ nhàng*.\nDòng hai.\n\n- Phiếu học tập\n- Máy chiếu\n\n1. Chuyển giao\n2. Thực hiện';
		expect(renderRichText(text)).toBe(
			'<p>Mở đầu <strong>quan trọng</strong> và <em>nhẹ nhàng</em>.<br>Dòng hai.</p><ul><li>Phiếu học tập</li><li>Máy chiếu</li></ul><ol><li>Chuyển giao</li><li>Thực hiện</li></ol>'
		);
	});
	it('never lets typed HTML through', () => {
		const html = renderRichText('<script>alert(1)</script> **<img src=x onerror=alert(1)>** "a" & \'b\'');
		expect(html).not.toMatch(/<script|<img/);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
		expect(html).toContain('&quot;a&quot; &amp; &#39;b&#39;');
	});
	it('leaves lone stars, multiplication and list-like numbers in text alone', () => {
		expect(renderRichText('2 * 3 = 6 và 5*4')).toBe('<p>2 * 3 = 6 và 5*4</p>');
		expect(renderRichText('Năm 2025. Hà Nội')).toBe('<p>Năm 2025. Hà Nội</p>');
	});
	it('prints plain text for the PDF', () => {
		expect(richTextPlain('**Mục tiêu**: *hiểu*\n\n- a\n- b\n\n1. x\n2. y')).toBe('Mục tiêu: hiểu\n\n• a\n• b\n\n1. x\n2. y');
	});
	it('is empty for empty text', () => expect(renderRichText('  \n\n ')).toBe(''));
});
