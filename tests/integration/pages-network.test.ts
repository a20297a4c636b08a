/**
 * The community network's pages without JavaScript (form posts as a browser sends them), with the
 * demo: `partner` and `mentor` are vetted at the city, `city` vets there, `teacher` teaches 6A1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { classes, schools } from '#lib/server/organisations/schema';
import { accounts, persons, roleGrants } from '#lib/server/people/schema';
import { networkEngagements, networkMembers } from '#lib/server/network/schema';
import { outbox } from '#lib/server/platform/schema';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};
let c6a1: string;

beforeAll(async () => {
	app = await startApp();
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: c6a1 }] = await app.db.select().from(classes).where(and(eq(classes.schoolId, thcs.id), eq(classes.name, '6A1')));
	for (const u of ['partner', 'mentor']) {
		const [{ personId }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
		[{ id: id[u] }] = await app.db.select().from(networkMembers).where(eq(networkMembers.personId, personId));
	}
	for (const u of ['teacher', 'city', 'leader', 'partner', 'mentor', 'learner']) as[u] = await app.loginAs(u);
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = async (c: Client | null, path: string, status = 200) => {
	const res = c ? await c.get(path) : await app.request('GET', path);
	expect(res.status, path).toBe(status);
	return textOf(await res.text());
};

describe('joining without signing in', () => {
	it('shows the form with the code of conduct, and registers a pending member', async () => {
		const html = await page(null, '/network/join');
		expect(html).toContain('Quy tắc ứng xử khi làm việc với học sinh');
		const fd = new FormData();
		for (const [k, v] of Object.entries({ fullName: 'Hoàng Minh Đức', email: 'duc@congty.vn', kind: 'business', organisation: 'Công ty In 3D Hà Nội', consentContact: 'on', codeOfConduct: 'on', password: 'In3D-ha-noi' })) fd.append(k, v);
		fd.append('offers', 'internship');
		fd.append('offers', 'hosting_visit');
		const res = await app.request('POST', '/network/join', { body: fd, headers: { accept: 'text/html' } });
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã nhận đăng ký.');
		const [mb] = await app.db.select().from(networkMembers).innerJoin(persons, eq(persons.id, networkMembers.personId)).where(eq(persons.email, 'duc@congty.vn'));
		expect(mb.network_members).toMatchObject({ status: 'pending', kind: 'business', offers: ['internship', 'hosting_visit'] });
		id.duc = mb.network_members.id;
		id.ducPerson = mb.persons.id;
	});

	it('refuses a registration without the code of conduct, keeping what was typed but not the password', async () => {
		const res = await app.request('POST', '/network/join', { body: new URLSearchParams({ fullName: 'Ai Đó', email: 'aido@example.vn', kind: 'mentor', password: 'abc-12345' }), headers: { accept: 'text/html' } });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('aido@example.vn');
		expect(html).not.toContain('abc-12345');
		expect(textOf(html)).toContain('Hãy đọc và đánh dấu cam kết tuân thủ quy tắc ứng xử.');
	});

	it('an invitation link is a page of its own; a wrong one is not found', async () => {
		await page(null, '/network/invite/not-a-token', 404);
		await page(null, '/network/join');
	});
});

describe('vetting on the member page', () => {
	it('the pending member is listed for the city officer, who vets them by form; a teacher sees no vetting form', async () => {
		expect(await page(as.city, '/network')).toContain('Hoàng Minh Đức');
		expect(await page(as.teacher, '/network')).not.toContain('Hoàng Minh Đức');
		await page(as.teacher, `/network/members/${id.duc}`, 404);
		const refused = await as.city.form(`/network/members/${id.duc}?/vet`, { identityChecked: 'on', backgroundCheck: 'not_done', decision: 'vetted' });
		expect(refused.status).toBe(400);
		expect(textOf(await refused.text())).toContain('Thành viên phải cam kết quy tắc ứng xử trước khi được duyệt.');
		const done = await as.city.form(`/network/members/${id.duc}?/vet`, { identityChecked: 'on', backgroundCheck: 'done', backgroundCheckedOn: '2026-11-30', codeOfConductConfirmed: 'on', decision: 'vetted' });
		expect(done.status).toBe(200);
		expect(textOf(await done.text())).toContain('Đã ghi nhận thẩm định.');
		expect((await app.db.select().from(roleGrants).where(eq(roleGrants.personId, id.ducPerson))).map((g) => g.role)).toEqual(['partner_contact']);
		const html = await page(as.teacher, `/network/members/${id.duc}`);
		expect(html).toContain('duc@congty.vn');
		expect(html).not.toContain('Ghi nhận thẩm định');
		expect(html).toContain('Gửi đề nghị');
	});

	it('answers a hand-edited search address with a 400 page that says what is wrong, not a 500', async () => {
		const res = await as.teacher.get('/network?offer=foo');
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Dữ liệu chưa hợp lệ');
	});

	it('the member withdraws consent from their profile form and is gone from the search', async () => {
		as.duc = await app.loginAs('duc@congty.vn', 'In3D-ha-noi');
		expect(await page(as.duc, '/network')).toContain('Hồ sơ của tôi');
		const fd = new FormData();
		fd.append('organisation', 'Công ty In 3D Hà Nội');
		fd.append('offers', 'internship');
		const res = await as.duc.form('/network?/profile', fd);
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã lưu hồ sơ.');
		expect(await page(as.teacher, '/network?q=hoang+minh+duc')).toContain('Không có thành viên nào phù hợp.');
	});

	it('the school leader invites by form; the link is emailed', async () => {
		const res = await as.leader.form('/network?/invite', { email: 'moi@hoptac.vn', kind: 'partner_org' });
		expect(res.status).toBe(200);
		const [mail] = await app.db.select().from(outbox).where(eq(outbox.recipient, 'moi@hoptac.vn'));
		const token = /\/network\/invite\/([\w-]+)/.exec(mail.body)![1];
		expect(await page(null, `/network/invite/${token}`)).toContain('moi@hoptac.vn');
		expect((await as.teacher.form('/network?/invite', { email: 'x@hoptac.vn', kind: 'partner_org' })).status).toBe(403);
	});
});

describe('requests and engagements by form', () => {
	it('the teacher requests a visit for 6A1; the member accepts; the teacher records the outcome', async () => {
		const sent = await as.teacher.form(`/network/members/${id.partner}?/request`, { kind: 'hosting_visit', classId: c6a1, proposedOn: '2026-12-18', message: 'Lớp 6A1 xin đến thăm xưởng.' });
		expect(sent.status).toBe(200);
		expect(textOf(await sent.text())).toContain('Đã gửi đề nghị.');
		const [e] = await app.db.select().from(networkEngagements).where(eq(networkEngagements.memberId, id.partner));
		expect(await page(as.partner, '/network/engagements')).toContain('Lớp 6A1 xin đến thăm xưởng.');
		expect((await as.teacher.form('/network/engagements?/answer', { id: e.id, decision: 'accepted' })).status).toBe(403);
		expect((await as.partner.form('/network/engagements?/answer', { id: e.id, decision: 'accepted', response: 'Mời các em đến lúc 8 giờ.' })).status).toBe(200);
		const noOutcome = await as.teacher.form('/network/engagements?/outcome', { id: e.id, status: 'done' });
		expect(noOutcome.status).toBe(400);
		expect(textOf(await noOutcome.text())).toContain('Ghi lại kết quả của hoạt động.');
		const done = await as.teacher.form('/network/engagements?/outcome', { id: e.id, status: 'done', outcome: 'Các em tự tay nặn bát.', rating: '5' });
		expect(done.status).toBe(200);
		const history = await page(as.teacher, `/network/members/${id.partner}`);
		expect(history).toContain('Các em tự tay nặn bát.');
		expect(history).toContain('Đã thực hiện');
		await page(as.learner, '/network/engagements', 403);
	});
});
