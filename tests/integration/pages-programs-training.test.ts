/**
 * The training pages as a browser without JavaScript uses them, on the demo: `city` runs the
 * program office; `leader` leads THCS Bình Yên, whose `teacher` completed the demo's core-teacher
 * course and `grouphead` has not yet; `parent` reads the online materials for parents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { accounts } from '#lib/server/people/schema';
import { orgUnits } from '#lib/server/organisations/schema';
import { trainingCourses, trainingEnrolments, trainingFeedback, trainingSessions } from '#lib/server/programs/training-schema';

let app: TestApp;
const as: Record<string, Client> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
	app = await startApp();
	for (const u of ['city', 'leader', 'teacher', 'grouphead', 'counsellor', 'parent']) {
		[{ personId: id[u] }] = await app.db.select().from(accounts).where(eq(accounts.username, u));
		as[u] = await app.loginAs(u);
	}
	const courses = await app.db.select().from(trainingCourses);
	id.core = courses.find((c) => c.targetGroup === 'core_teachers')!.id;
	id.parents = courses.find((c) => c.targetGroup === 'parents')!.id;
	[{ id: id.cityUnit }] = await app.db.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
});
afterAll(() => app?.close());

/** This year in Vietnam, where the program's year is counted. */
const vietnamYear = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
// The text a reader sees: not the hydration data in the scripts (it repeats a failure's message even when the page shows none).
const textOf = (html: string) => html.replace(/<script\b[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const page = async (c: Client, path: string, status = 200) => {
	const res = await c.get(path);
	expect(res.status, path).toBe(status);
	return textOf(await res.text());
};

describe('where training is found', () => {
	it('the program hub links training for staff and officers; the community hub links the materials for families only', async () => {
		expect(await (await as.leader.get('/programs')).text()).toContain('href="/programs/training"');
		expect(await (await as.city.get('/programs')).text()).toContain('href="/programs/training"');
		expect(await (await as.parent.get('/programs')).text()).not.toContain('href="/programs/training"');
		expect(await (await as.parent.get('/community')).text()).toContain('href="/programs/training/materials"');
		expect(await (await as.teacher.get('/community')).text()).not.toContain('href="/programs/training/materials"');
	});
});

describe('the courses page', () => {
	it('shows the office the targets board with live counts, the courses and the create form', async () => {
		const html = await (await as.city.get('/programs/training')).text();
		const text = textOf(html);
		expect(text).toContain('Chỉ tiêu năm');
		expect(text).toMatch(/Cán bộ quản lý 1 1 50/);
		expect(text).toMatch(/Giáo viên cốt cán 2 3 150/);
		expect(text).toContain('Bồi dưỡng giáo viên cốt cán: dạy học theo mô hình hệ sinh thái học tập');
		expect(text).toContain('Tạo khóa bồi dưỡng');
	});

	it('the leader sees their school’s board and no create form; a parent sees no board', async () => {
		const text = await page(as.leader, '/programs/training');
		expect(text).toContain('Chỉ tiêu năm');
		expect(text).not.toContain('Tạo khóa bồi dưỡng');
		const parent = await page(as.parent, '/programs/training');
		expect(parent).not.toContain('Chỉ tiêu năm');
	});

	it('the office creates a course from the form; a missing title is named', async () => {
		const fields = { orgUnitId: id.cityUnit, programYear: '2026', targetGroup: 'school_staff', startsOn: '2026-12-20', endsOn: '2026-12-21', requiredPercent: '100', maxScore: '10', passMark: '5', materials: 'Hướng dẫn | https://example.org/huong-dan' };
		const bad = await as.city.form('/programs/training?/create', fields);
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Khóa bồi dưỡng: Vui lòng');
		const ok = await as.city.form('/programs/training?/create', { ...fields, title: 'Tập huấn nhân viên thiết bị' });
		expect(ok.status).toBe(303);
		id.created = ok.headers.get('location')!.split('/').pop()!;
		const [c] = await app.db.select().from(trainingCourses).where(eq(trainingCourses.id, id.created));
		expect(c).toMatchObject({ title: 'Tập huấn nhân viên thiết bị', requiredShare: 1, materials: [{ title: 'Hướng dẫn', body: '', url: 'https://example.org/huong-dan' }] });
	});

	it('the office edits the targets from the board', async () => {
		const res = await as.city.form('/programs/training?/targets', { programYear: String(vietnamYear()), managers: '55' });
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toMatch(/Cán bộ quản lý 1 1 55/);
	});
});

describe('the course page', () => {
	it('the organiser adds a session typed in Vietnam time (stored in UTC)', async () => {
		const res = await as.city.form(`/programs/training/${id.created}?/addSession`, { startsAt: '2026-12-20T08:00', endsAt: '2026-12-20T11:30', place: 'Phòng họp Sở', trainers: 'ThS. Đỗ Văn An, TS. Hoàng Lan' });
		expect(res.status).toBe(200);
		const [s] = await app.db.select().from(trainingSessions).where(eq(trainingSessions.courseId, id.created));
		expect(s.startsAt.toISOString()).toBe('2026-12-20T01:00:00.000Z');
		expect(s.trainerNames).toEqual(['ThS. Đỗ Văn An', 'TS. Hoàng Lan']);
		expect(await page(as.city, `/programs/training/${id.created}`)).toContain('20/12/2026 08:00 – 20/12/2026 11:30');
	});

	it('the organiser adds documents to a course from the multipart form; its reader sees them, without the form; an empty post is named', async () => {
		const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const fd = new FormData();
		fd.append('file', new Blob([PDF as BlobPart], { type: 'application/pdf' }), 'Tài liệu tập huấn.pdf');
		const res = await as.city.form(`/programs/training/${id.parents}?/documents`, fd);
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Tài liệu tập huấn.pdf');
		const parentView = await (await as.parent.get(`/programs/training/${id.parents}`)).text();
		expect(parentView).toContain('Tài liệu tập huấn.pdf');
		expect(parentView).not.toContain('action="?/documents"');
		const none = await as.city.form(`/programs/training/${id.parents}?/documents`, new FormData());
		expect(none.status).toBe(400);
		expect(textOf(await none.text())).toContain('Hãy chọn ít nhất một tệp tài liệu.');
	});

	it('the organiser sets a quota from the form; the leader enrolling beyond it sees which row and how many places remain', async () => {
		const [thcs] = await app.db.select({ schoolId: trainingEnrolments.schoolId }).from(trainingEnrolments).where(eq(trainingEnrolments.personId, id.teacher)).limit(1);
		const set = await as.city.form(`/programs/training/${id.created}?/quotas`, { [`places:${thcs.schoolId}`]: '1' });
		expect(set.status).toBe(200);
		expect(await page(as.leader, `/programs/training/${id.created}`)).toContain('đã ghi danh 0/1 chỗ');
		const over = await as.leader.form(`/programs/training/${id.created}?/enrol`, new URLSearchParams([['personId', id.grouphead], ['personId', id.counsellor]]) as unknown as Record<string, string>);
		expect(over.status).toBe(400);
		expect(textOf(await over.text())).toMatch(/: vượt chỉ tiêu của trường: còn 1 chỗ/);
		expect(await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.courseId, id.created))).toHaveLength(0);
	});

	it('the leader sees their school’s quota and enrols staff from the form; the trainee is listed', async () => {
		const text = await page(as.leader, `/programs/training/${id.core}`);
		expect(text).toContain('đã ghi danh 3/5 chỗ');
		expect(text).toContain('Ghi danh cán bộ, giáo viên của trường');
		const res = await as.leader.form(`/programs/training/${id.core}?/enrol`, new URLSearchParams([['personId', id.counsellor]]) as unknown as Record<string, string>);
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('đã ghi danh 4/5 chỗ');
		expect(await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, id.counsellor)))).toHaveLength(1);
		const none = await as.leader.form(`/programs/training/${id.core}?/enrol`, {});
		expect(none.status).toBe(400);
		expect(textOf(await none.text())).toContain('Hãy chọn ít nhất một người.');
	});

	it('the organiser marks a session’s attendance and enters scores; a score over the scale is named', async () => {
		const view = await page(as.city, `/programs/training/${id.core}`);
		expect(view).toContain('Điểm danh buổi');
		const sessions = await app.db.select().from(trainingSessions).where(eq(trainingSessions.courseId, id.core));
		const enrolment = (await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, id.grouphead))))[0];
		const last = sessions.sort((a, b) => +a.startsAt - +b.startsAt)[3];
		const res = await as.city.form(`/programs/training/${id.core}?/attendance`, new URLSearchParams([['sessionId', last.id], ['row', enrolment.id], ['attended', enrolment.id]]) as unknown as Record<string, string>);
		expect(res.status).toBe(200);
		const bad = await as.city.form(`/programs/training/${id.core}?/scores`, new URLSearchParams([['row', enrolment.id], [`post:${enrolment.id}`, '11']]) as unknown as Record<string, string>);
		expect(bad.status).toBe(400);
		expect(textOf(await bad.text())).toContain('Điểm phải từ 0 đến 10.');
		const good = await as.city.form(`/programs/training/${id.core}?/scores`, new URLSearchParams([['row', enrolment.id], [`pre:${enrolment.id}`, '4,5'], [`post:${enrolment.id}`, '7,5']]) as unknown as Record<string, string>);
		expect(good.status).toBe(200);
		const [after] = await app.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, enrolment.id));
		expect(after).toMatchObject({ preScore: 4.5, postScore: 7.5 });
		expect(after.completedAt).not.toBeNull();
	});

	it('a trainee who completed downloads their certificate from the page; one who has not gets the reason', async () => {
		const text = await page(as.teacher, `/programs/training/${id.core}`);
		expect(text).toContain('Bạn đã hoàn thành khóa bồi dưỡng.');
		const [mine] = await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, id.teacher)));
		const pdf = await as.teacher.get(`/programs/training/${id.core}/certificate/${mine.id}`);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="chung-nhan-.*\.pdf"$/);
		const [counsellor] = await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, id.counsellor)));
		const refused = await as.counsellor.get(`/programs/training/${id.core}/certificate/${counsellor.id}`);
		expect(refused.status).toBe(409);
		expect(textOf(await refused.text())).toContain('chưa hoàn thành khóa bồi dưỡng');
		expect((await as.teacher.get(`/programs/training/${id.core}/certificate/${counsellor.id}`)).status).toBe(404);
	});

	it('anyone checks a certificate by its code without signing in; a code of an uncompleted enrolment is not valid', async () => {
		const [mine] = await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, id.teacher)));
		const res = await app.request('GET', `/programs/training/verify?code=${mine.verificationCode.toLowerCase()}`);
		expect(res.status).toBe(200);
		const text = textOf(await res.text());
		expect(text).toContain('Giấy chứng nhận hợp lệ.');
		expect(text).toContain('Bồi dưỡng giáo viên cốt cán');
		const [open] = await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, id.counsellor)));
		expect(textOf(await (await app.request('GET', `/programs/training/verify?code=${open.verificationCode}`)).text())).toContain('Không tìm thấy giấy chứng nhận hợp lệ');
	});

	it('the leader is offered to withdraw a trainee who has not completed, never one who has; a forged post is refused with the reason', async () => {
		const enrolmentOf = async (personId: string) => (await app.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.courseId, id.core), eq(trainingEnrolments.personId, personId))))[0];
		const [done, open] = [await enrolmentOf(id.teacher), await enrolmentOf(id.counsellor)];
		expect(done.completedAt).not.toBeNull();
		expect(open.completedAt).toBeNull();
		const html = await (await as.leader.get(`/programs/training/${id.core}`)).text();
		const withdrawField = (enrolmentId: string) => `name="enrolmentId" value="${enrolmentId}"`;
		expect(html).toContain(withdrawField(open.id));
		expect(html).not.toContain(withdrawField(done.id));
		const refused = await as.leader.form(`/programs/training/${id.core}?/withdraw`, { enrolmentId: done.id });
		expect(refused.status).toBe(409);
		expect(textOf(await refused.text())).toContain('Không thể rút tên người đã hoàn thành khóa bồi dưỡng');
		expect(await enrolmentOf(id.teacher)).toEqual(done);
	});
});

describe('online materials for families', () => {
	it('the parent reads the materials and gives feedback from the course page', async () => {
		const text = await page(as.parent, '/programs/training/materials');
		expect(text).toContain('Đồng hành cùng con học tập trong môi trường số');
		expect(text).toContain('Giữ an toàn cho con trên mạng');
		const course = await page(as.parent, `/programs/training/${id.parents}`);
		expect(course).toContain('Sửa góp ý của bạn');
		const res = await as.parent.form(`/programs/training/${id.parents}?/feedback`, { usefulness: '3', applicability: '5', comment: 'Mong có thêm video' });
		expect(res.status).toBe(200);
		const [fb] = await app.db.select().from(trainingFeedback).where(and(eq(trainingFeedback.courseId, id.parents), eq(trainingFeedback.personId, id.parent)));
		expect(fb).toMatchObject({ usefulness: 3, applicability: 5, comment: 'Mong có thêm video' });
		await page(as.parent, `/programs/training/${id.core}`, 404);
	});
});
