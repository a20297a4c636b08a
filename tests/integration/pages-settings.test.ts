/**
 * The settings pages as a browser without JavaScript uses them: plain GETs and form posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { orgUnits, schools } from '#lib/server/organisations/schema';
import { settings } from '#lib/server/settings/schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
let admin: Client, unit: Client, leader: Client, teacher: Client;
let school: typeof schools.$inferSelect, otherSchoolId: string, thachThat: typeof orgUnits.$inferSelect, cityId: string;

beforeAll(async () => {
	app = await startApp();
	[admin, unit, leader, teacher] = await Promise.all(['admin', 'unit', 'leader', 'teacher'].map((u) => app.loginAs(u)));
	const all = await app.db.select().from(schools);
	school = all.find((s) => s.code === 'THCS-BINHYEN')!;
	otherSchoolId = all.find((s) => s.code === 'TH-HOASUA')!.id;
	const units = await app.db.select().from(orgUnits);
	thachThat = units.find((u) => u.code === 'HN-THACHTHAT')!;
	cityId = units.find((u) => u.code === 'HN')!.id;
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const stored = (path: string, key: string) => app.db.select().from(settings).where(and(eq(settings.scopePath, path), eq(settings.key, key)));
/** The HTML of one setting's card. */
const card = (html: string, key: string) => html.slice(html.indexOf(`data-key="${key}"`)).split('</section>')[0];

describe('the school settings page', () => {
	it('is linked from the school page for those who may read it', async () => {
		expect(await (await leader.get(`/schools/${school.id}`)).text()).toContain(`href="/schools/${school.id}/settings"`);
		expect(await (await teacher.get(`/schools/${school.id}`)).text()).toContain('Cài đặt của trường');
	});

	it('shows the leader each setting with its value in effect, its source and a labelled form', async () => {
		const res = await leader.get(`/schools/${school.id}/settings`);
		expect(res.status).toBe(200);
		const html = await res.text();
		const text = textOf(html);
		expect(text).toContain('Cài đặt · Trường THCS Bình Yên');
		expect(textOf(card(html, 'gradebook.scoreVisibility'))).toMatch(/Thời điểm phụ huynh và học sinh xem điểm .* Đang áp dụng Ngay khi nhập điểm Nguồn Giá trị mặc định/);
		expect(textOf(card(html, 'messaging.quietHours'))).toContain('21:00–06:30');
		// The import limit is the city's alone.
		expect(html).not.toContain('data-key="imports.maxRows"');
		// Every control has a label pointing at it.
		expect(html).toMatch(/<label for="setting-gradebook-scoreVisibility-value"/);
		expect(html).toMatch(/<select id="setting-gradebook-scoreVisibility-value" name="value"/);
		expect(html).toMatch(/<label for="setting-messaging-quietHours-start"/);
		expect(html).toMatch(/<input id="setting-messaging-quietHours-start"[^>]*name="start"[^>]*type="time"|<input id="setting-messaging-quietHours-start"[^>]*type="time"/);
		// Nothing set here yet, so nothing to reset.
		expect(html).not.toContain('Dùng giá trị kế thừa');
	});

	it('sets a value through the form, shows it as set here, and resets it to the inherited one', async () => {
		const set = await leader.form(`/schools/${school.id}/settings?/set`, { key: 'gradebook.scoreVisibility', value: 'after_publish' });
		expect(set.status).toBe(200);
		const html = await set.text();
		expect(html).toContain('Đã lưu cài đặt “Thời điểm phụ huynh và học sinh xem điểm”.');
		const c = textOf(card(html, 'gradebook.scoreVisibility'));
		expect(c).toContain('Đang áp dụng Sau khi giáo viên công bố Nguồn Đặt riêng tại đây');
		expect(c).toContain('Nếu bỏ giá trị riêng: Ngay khi nhập điểm (Giá trị mặc định)');
		expect(c).toContain('Dùng giá trị kế thừa');
		expect((await stored(school.path, 'gradebook.scoreVisibility'))[0].value).toBe('after_publish');

		const reset = await leader.form(`/schools/${school.id}/settings?/clear`, { key: 'gradebook.scoreVisibility', value: 'after_publish' });
		expect(reset.status).toBe(200);
		expect(textOf(await reset.text())).toContain('Đã bỏ giá trị riêng của “Thời điểm phụ huynh và học sinh xem điểm”, nay dùng giá trị kế thừa.');
		expect(await stored(school.path, 'gradebook.scoreVisibility')).toHaveLength(0);
		const audited = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'setting'), eq(auditLog.entityId, `${school.id}:gradebook.scoreVisibility`)));
		expect(audited.map((a) => a.action).sort()).toEqual(['create', 'delete']);
	});

	it('shows a value inherited from the unit as such', async () => {
		expect((await unit.form(`/org/units/${thachThat.id}/settings?/set`, { key: 'messaging.quietHours', start: '22:00', end: '06:00' })).status).toBe(200);
		const c = textOf(card(await (await leader.get(`/schools/${school.id}/settings`)).text(), 'messaging.quietHours'));
		expect(c).toContain('Đang áp dụng 22:00–06:00 Nguồn Kế thừa từ đơn vị quản lý');
	});

	it('keeps what was typed and marks the field in Vietnamese when the value is invalid', async () => {
		const res = await leader.form(`/schools/${school.id}/settings?/set`, { key: 'gradebook.regularCountCommentSubjects', value: '7' });
		expect(res.status).toBe(400);
		const html = await res.text();
		const c = card(html, 'gradebook.regularCountCommentSubjects');
		expect(c).toContain('Dữ liệu chưa hợp lệ');
		expect(c).toMatch(/<p class="error" id="setting-gradebook-regularCountCommentSubjects-value-error">Hãy nhập một số nguyên từ 1 đến 4\.<\/p>/);
		expect(c).toMatch(/<input id="setting-gradebook-regularCountCommentSubjects-value"[^>]*value="7"/);
		expect(c).toMatch(/aria-invalid="true"/);
		// On a phone the card may be far down: the top of the page says which setting failed and links to it.
		expect(html).toContain('<a href="#setting-gradebook-regularCountCommentSubjects-title">Chưa lưu được cài đặt “Số lần đánh giá thường xuyên của môn đánh giá bằng nhận xét”. Xem lỗi ở mục đó.</a>');
		// The other settings' forms are untouched.
		expect(card(html, 'gradebook.scoreVisibility')).not.toContain('Dữ liệu chưa hợp lệ');

		const time = await leader.form(`/schools/${school.id}/settings?/set`, { key: 'messaging.quietHours', start: '21:00', end: '' });
		expect(time.status).toBe(400);
		expect(await time.text()).toMatch(/id="setting-messaging-quietHours-end-error">Hãy nhập giờ theo dạng HH:MM/);
		expect(await stored(school.path, 'gradebook.regularCountCommentSubjects')).toHaveLength(0);
	});

	it('refuses an unknown key with its name', async () => {
		const res = await leader.form(`/schools/${school.id}/settings?/set`, { key: 'gradebook.roundingMode', value: 'x' });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Không có cài đặt “gradebook.roundingMode”. Hãy kiểm tra lại tên cài đặt.');
	});

	it('shows a teacher the values without forms, and refuses a teacher’s post with 403', async () => {
		const html = await (await teacher.get(`/schools/${school.id}/settings`)).text();
		expect(html).toContain('Bạn chỉ có quyền xem các cài đặt này.');
		expect(html).toContain('Giờ yên lặng của tin nhắn');
		expect(html).not.toContain('action="?/set"');
		const res = await teacher.form(`/schools/${school.id}/settings?/set`, { key: 'gradebook.scoreVisibility', value: 'after_publish' });
		expect(res.status).toBe(403);
		expect(await res.text()).toContain('Bạn không có quyền thực hiện thao tác này.');
		expect(await stored(school.path, 'gradebook.scoreVisibility')).toHaveLength(0);
	});

	it('is not found for a leader of another school', async () => {
		expect((await leader.get(`/schools/${otherSchoolId}/settings`)).status).toBe(404);
		expect((await leader.form(`/schools/${otherSchoolId}/settings?/set`, { key: 'gradebook.scoreVisibility', value: 'after_publish' })).status).toBe(404);
	});
});

describe('the unit and city settings pages', () => {
	it('lets the unit officer open their unit’s settings from the unit page, without the city-only ones', async () => {
		expect(await (await unit.get(`/org/units/${thachThat.id}`)).text()).toContain(`href="/org/units/${thachThat.id}/settings"`);
		const html = await (await unit.get(`/org/units/${thachThat.id}/settings`)).text();
		expect(textOf(card(html, 'messaging.quietHours'))).toContain('Nguồn Đặt riêng tại đây');
		expect(html).not.toContain('data-key="imports.maxRows"');
		expect((await unit.get(`/org/units/${cityId}/settings`)).status).toBe(404);
	});

	it('lets an administrator set the city’s import limit, shown the Vietnamese way', async () => {
		const res = await admin.form(`/org/units/${cityId}/settings?/set`, { key: 'imports.maxRows', value: '12000' });
		expect(res.status).toBe(200);
		expect(textOf(card(await res.text(), 'imports.maxRows'))).toContain('Đang áp dụng 12.000 Nguồn Đặt riêng tại đây');
		const bad = await admin.form(`/org/units/${cityId}/settings?/set`, { key: 'imports.maxRows', value: 'nhiều' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Hãy nhập một số nguyên từ 100 đến 20.000.');
	});
});
