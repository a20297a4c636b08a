import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** A form post from a browser without JavaScript, with no session. */
const anonymousForm = (path: string, fields: Record<string, string>) =>
	app.request('POST', path, { body: new URLSearchParams(fields), headers: { accept: 'text/html' } });
/** The visible text of a page, tags removed, for matching sentences. */
const textOf = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('sen_session='));

describe('the sign-in page', () => {
	it('signs in with the form, sets the HttpOnly session cookie and redirects home', async () => {
		const res = await anonymousForm('/login', { username: 'teacher', password: 'sen-demo' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/');
		expect(sessionCookie(res)).toMatch(/HttpOnly/i);
		expect(sessionCookie(res)).toMatch(/SameSite=Lax/i);
		const home = await app.request('GET', '/', { cookie: sessionCookie(res)!.split(';')[0] });
		expect(home.status).toBe(200);
		expect(await home.text()).toMatch(/Xin chào, .+!/);
	});

	it('goes back to the page asked for, but never to another site', async () => {
		const back = await anonymousForm('/login?next=%2Faccount', { username: 'teacher', password: 'sen-demo' });
		expect(back.headers.get('location')).toBe('/account');
		for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
			const res = await anonymousForm(`/login?next=${encodeURIComponent(next)}`, { username: 'teacher', password: 'sen-demo' });
			expect(res.headers.get('location'), next).toBe('/');
		}
	});

	it('answers 400 with the Vietnamese message for a wrong password, keeps the username and sets no cookie', async () => {
		const res = await anonymousForm('/login', { username: 'teacher', password: 'wrong-password-1' });
		expect(res.status).toBe(400);
		expect(sessionCookie(res)).toBeUndefined();
		const html = await res.text();
		expect(html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
		expect(html).toMatch(/<input[^>]*name="username"[^>]*value="teacher"/);
		expect(html).not.toContain('wrong-password-1');
	});

	it('shows the field problem when the password is left empty', async () => {
		const res = await anonymousForm('/login', { username: 'teacher', password: '' });
		expect(res.status).toBe(400);
		expect(await res.text()).toMatch(/id="field-password-error"/);
	});

	it('shows the lockout message with the minutes to wait after five wrong passwords', async () => {
		for (let i = 0; i < 4; i++) expect((await anonymousForm('/login', { username: 'mentor', password: 'nope' })).status).toBe(400);
		const fifth = await anonymousForm('/login', { username: 'mentor', password: 'nope' });
		expect(fifth.status).toBe(423);
		expect(await fifth.text()).toContain('Tài khoản tạm khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút');
	});
});

describe('pages for signed-in people only', () => {
	it('sends a visitor who is not signed in to /login with the page to come back to', async () => {
		for (const [path, next] of [
			['/', '%2F'],
			['/account', '%2Faccount'],
			['/people?q=an', '%2Fpeople%3Fq%3Dan']
		]) {
			const res = await app.request('GET', path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location')).toBe(`/login?next=${next}`);
		}
	});

	it('lets a visitor open the sign-in, forgotten-password and reset pages', async () => {
		for (const path of ['/login', '/forgot-password', '/reset-password/some-token-value']) expect((await app.request('GET', path)).status, path).toBe(200);
	});

	it('refuses an account form action from a visitor who is not signed in', async () => {
		const res = await anonymousForm('/account?/token', { name: 'x' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
	});
});

describe('the language switch', () => {
	it('sets the PARAGLIDE_LOCALE cookie for a year and returns to the page it came from', async () => {
		const res = await anonymousForm('/language', { locale: 'en', next: '/login?next=%2Faccount' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Faccount');
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('PARAGLIDE_LOCALE='))!;
		expect(cookie).toMatch(/^PARAGLIDE_LOCALE=en;/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).toMatch(/Max-Age=31536000/);
		expect(cookie).toMatch(/SameSite=Lax/i);
		const page = await app.request('GET', '/login', { headers: { cookie: 'PARAGLIDE_LOCALE=en' } });
		const html = await page.text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('Username or email');
	});

	it('ignores an unknown locale and a redirect to another site', async () => {
		const res = await anonymousForm('/language', { locale: 'fr', next: 'https://evil.example/' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/');
		expect(res.headers.getSetCookie().some((c) => c.startsWith('PARAGLIDE_LOCALE='))).toBe(false);
	});
});

describe('the account page', () => {
	it('lists the roles with their scopes in words', async () => {
		const homeroom = await app.loginAs('homeroom');
		const html = await textOf(await homeroom.get('/account'));
		expect(html).toContain('Giáo viên chủ nhiệm — lớp 6A1, Trường THCS Bình Yên');
		expect(html).toContain('Giáo viên — Trường THCS Bình Yên');
		const parent = await app.loginAs('parent');
		expect(await textOf(await parent.get('/account'))).toMatch(/Phụ huynh — học sinh [^,]+, Trường THCS Bình Yên/);
	});

	it('changes the password, keeps this session and ends the others', async () => {
		const other = await app.loginAs('alumnus');
		const me = await app.loginAs('alumnus');
		const res = await me.form('/account?/password', { currentPassword: 'sen-demo', newPassword: 'hoa-sen-2026', confirmPassword: 'hoa-sen-2026' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Đã đổi mật khẩu.');
		expect((await me.get('/account')).status).toBe(200);
		expect((await other.get('/account')).status).toBe(303);
		expect((await anonymousForm('/login', { username: 'alumnus', password: 'hoa-sen-2026' })).status).toBe(303);
	});

	it('refuses a wrong current password, a weak one and two that differ, with the message by the field', async () => {
		const me = await app.loginAs('partner');
		const wrong = await me.form('/account?/password', { currentPassword: 'nope', newPassword: 'hoa-sen-2026', confirmPassword: 'hoa-sen-2026' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toMatch(/id="field-currentPassword-error"[^>]*>Mật khẩu hiện tại không đúng\./);
		const weak = await me.form('/account?/password', { currentPassword: 'sen-demo', newPassword: 'short', confirmPassword: 'short' });
		expect(weak.status).toBe(400);
		expect(await weak.text()).toContain('Mật khẩu phải có ít nhất 8 ký tự.');
		const differ = await me.form('/account?/password', { currentPassword: 'sen-demo', newPassword: 'hoa-sen-2026', confirmPassword: 'hoa-sen-2027' });
		expect(differ.status).toBe(400);
		expect(await differ.text()).toContain('Hai mật khẩu không khớp.');
	});

	it('creates an API token, shows it once, and the token works as a bearer', async () => {
		const me = await app.loginAs('teacher');
		const res = await me.form('/account?/token', { name: 'Bảng điểm 6A1' });
		expect(res.status).toBe(200);
		const token = (await res.text()).match(/sen_[\w-]{20,}/)?.[0];
		expect(token).toBeDefined();
		const whoami = await app.request('GET', '/api/v1/me', { token });
		expect((await whoami.json()).account.username).toBe('teacher');
		expect(await (await me.get('/account')).text()).not.toContain(token!);
	});

	it('lists the tokens with their names and revokes one with its button', async () => {
		const me = await app.loginAs('counsellor');
		await me.form('/account?/token', { name: 'Sổ tư vấn' });
		const created = await me.form('/account?/token', { name: 'Lịch hẹn' });
		const token = (await created.text()).match(/sen_[\w-]{20,}/)![0];
		const page = await (await me.get('/account')).text();
		expect(page).toContain('Sổ tư vấn');
		expect(page).toContain('Lịch hẹn');
		const ids = [...page.matchAll(/<input type="hidden" name="id" value="([\w-]+)"/g)].map((m) => m[1]);
		expect(ids).toHaveLength(2);
		// Newest first: the token just created is the first row.
		const res = await me.form('/account?/revokeToken', { id: ids[0] });
		expect(res.status).toBe(200);
		expect(await textOf(res)).toContain('Đã thu hồi mã “Lịch hẹn”: mã này không dùng được nữa.');
		expect((await app.request('GET', '/api/v1/me', { token })).status).toBe(401);
		const after = await (await me.get('/account')).text();
		expect(after).not.toContain('Lịch hẹn');
		expect(after).toContain('Sổ tư vấn');
		// Another person's token id is refused, with the message on the page.
		const other = await app.loginAs('leader');
		const refused = await other.form('/account?/revokeToken', { id: ids[1] });
		expect(refused.status).toBe(404);
		expect(await textOf(refused)).toContain('Không tìm thấy mã truy cập này trong tài khoản của bạn.');
	});
});

describe('signing out and password resets', () => {
	it('signs out with a form post, clears the cookie and ends the session', async () => {
		const me = await app.loginAs('learner');
		const res = await me.form('/logout', {});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login');
		expect(sessionCookie(res)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		expect((await me.get('/')).status).toBe(303);
	});

	it('answers the same neutral confirmation whether or not the account exists', async () => {
		const known = await anonymousForm('/forgot-password', { username: 'leader' });
		const unknown = await anonymousForm('/forgot-password', { username: 'nobody-here' });
		expect(known.status).toBe(200);
		expect(unknown.status).toBe(200);
		const neutral = 'Nếu tài khoản tồn tại và có email, Sen đã gửi liên kết đặt lại mật khẩu';
		expect(await known.text()).toContain(neutral);
		expect(await unknown.text()).toContain(neutral);
	});

	it('shows an error for an unknown reset link and for passwords that differ', async () => {
		const bad = await anonymousForm('/reset-password/not-a-real-token-123', { newPassword: 'hoa-sen-2026', confirmPassword: 'hoa-sen-2026' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.');
		const differ = await anonymousForm('/reset-password/not-a-real-token-123', { newPassword: 'hoa-sen-2026', confirmPassword: 'other-2026' });
		expect(differ.status).toBe(400);
		expect(await differ.text()).toContain('Hai mật khẩu không khớp.');
	});
});

describe('the home dashboard', () => {
	it('shows each role real figures from its own scope', async () => {
		const expectations: [string, RegExp][] = [
			['leader', /4 lớp · 40 học sinh/],
			['teacher', /Lớp 6A2/],
			['unit', /2 trường/],
			['parent', /Con của bạn/],
			['admin', /Nhập danh sách từ Excel/]
		];
		for (const [username, pattern] of expectations) {
			const client = await app.loginAs(username);
			const res = await client.get('/');
			expect(res.status).toBe(200);
			expect(await res.text(), username).toMatch(pattern);
		}
	});

	it('does not show a teacher the classes they do not teach', async () => {
		const homeroom = await app.loginAs('homeroom');
		const html = await (await homeroom.get('/')).text();
		expect(html).toContain('Lớp 6A1');
		expect(html).not.toContain('Lớp 7A1');
		expect(html).not.toContain('Lớp 6A2');
	});
});
