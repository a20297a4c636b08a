/**
 * The lesson-plan pages (/lesson-plans, /lesson-plans/[id]) as a browser without JavaScript uses
 * them, and the plan's PDF, on the demo school THCS Bình Yên: `teacher` teaches Toán (Tổ Khoa học
 * tự nhiên, headed by `grouphead`), `homeroom` teaches Ngữ văn (Tổ Khoa học xã hội), `leader` leads
 * the school, `parent` is a parent. The demo seeds three Toán 6 plans by `teacher`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type Client, type TestApp } from '../helpers/app';
import { schools, schoolYears, subjects } from '#lib/server/organisations/schema';
import { lessonPlans } from '#lib/server/learning/schema';
import { auditLog } from '#lib/server/audit/schema';

let app: TestApp;
const as: Record<string, Client> = {};
let yearId: string, toan: string;

beforeAll(async () => {
	app = await startApp();
	for (const u of ['teacher', 'grouphead', 'homeroom', 'leader', 'parent']) as[u] = await app.loginAs(u);
	const [thcs] = await app.db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	[{ id: yearId }] = await app.db.select().from(schoolYears).where(eq(schoolYears.schoolId, thcs.id));
	[{ id: toan }] = await app.db.select().from(subjects).where(and(eq(subjects.schoolId, thcs.id), eq(subjects.code, 'TOAN')));
});
afterAll(() => app?.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
const html = async (who: Client, path: string) => {
	const res = await who.get(path);
	expect(res.status).toBe(200);
	return res.text();
};
const planRows = (page: string) => [...page.matchAll(/<tr[^>]*data-testid="lesson-plan-row"[^>]*data-status="([a-z_]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => ({ status: r[1], text: textOf(r[2]).trim() }));

/** Every section of the 5512 frame filled in, as the plan's form posts it. */
function filledForm(version: number, over: Record<string, string> = {}) {
	const f: Record<string, string> = { version: String(version), title: 'Phân số', grade: '6', week: '20', periods: '2', 'content.materials': 'Phiếu học tập' };
	for (const k of ['knowledge', 'competencies', 'qualities']) f[`content.objectives.${k}`] = `Mục tiêu ${k}`;
	for (let i = 0; i < 4; i++) for (const k of ['title', 'goal', 'content', 'product', 'organisation']) f[`content.activities.${i}.${k}`] = `HĐ${i + 1} ${k}`;
	return { ...f, ...over };
}
const createDraft = async (who: Client, title: string) => {
	const res = await who.form('/lesson-plans?/create', { schoolYearId: yearId, subjectId: toan, grade: '6', title, week: '20', periods: '2' });
	expect(res.status).toBe(303);
	const id = res.headers.get('location')!.match(/\/lesson-plans\/([0-9a-f-]{36})/)![1];
	const [plan] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.id, id));
	return plan;
};

describe('the home page’s tasks', () => {
	it('tells the group head and the leader how many plans wait for them, and the teacher nothing to review', async () => {
		expect(textOf(await html(as.grouphead, '/'))).toContain('1 kế hoạch bài dạy chờ bạn góp ý, duyệt');
		expect(textOf(await html(as.leader, '/'))).toContain('1 kế hoạch bài dạy chờ bạn góp ý, duyệt');
		expect(await html(as.teacher, '/')).not.toContain('data-testid="tasks"');
	});
});

describe('the list of lesson plans', () => {
	it('shows the leader every plan of the school with its teacher and status, and counts per status', async () => {
		const page = await html(as.leader, '/lesson-plans');
		const rows = planRows(page);
		expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'draft', 'submitted']);
		expect(rows.find((r) => r.status === 'approved')!.text).toMatch(/^1 Toán 6 Tập hợp\. Phần tử của tập hợp .*Đã duyệt$/);
		expect(textOf(page)).toContain('Đã duyệt: 1');
		// The leader reviews but does not write plans: no new-plan form.
		expect(page).not.toContain('action="?/create"');
	});

	it('filters by status and week, and ignores a malformed filter instead of failing', async () => {
		expect(planRows(await html(as.leader, '/lesson-plans?status=submitted')).map((r) => r.status)).toEqual(['submitted']);
		expect(planRows(await html(as.leader, '/lesson-plans?week=4')).map((r) => r.text)).toEqual([expect.stringContaining('Lũy thừa')]);
		expect(planRows(await html(as.leader, '/lesson-plans?status=nonsense&week=x&authorId=1')).length).toBe(3);
	});

	it('shows a Ngữ văn teacher only the shared plans of the school, not the one waiting for review', async () => {
		const rows = planRows(await html(as.homeroom, '/lesson-plans'));
		expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'draft']);
	});

	it('is not for parents (403) and sends a visitor to sign in', async () => {
		expect((await as.parent.get('/lesson-plans')).status).toBe(403);
		const res = await app.request('GET', '/lesson-plans');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login?next=%2Flesson-plans');
	});
});

describe('writing and reviewing a plan through the pages', () => {
	it('creates a draft from the form and opens it for writing', async () => {
		const plan = await createDraft(as.teacher, 'Phân số');
		expect(plan).toMatchObject({ status: 'draft', grade: 6, week: 20, periods: 2, title: 'Phân số' });
		const page = await html(as.teacher, `/lesson-plans/${plan.id}?created=1`);
		expect(page).toContain('action="?/save"');
		expect(page).toContain('name="content.activities.3.organisation"');
	});

	it('tells the teacher which sections are missing when creating without a title or subject', async () => {
		const res = await as.teacher.form('/lesson-plans?/create', { schoolYearId: yearId, subjectId: '', grade: '6', title: '' });
		expect(res.status).toBe(400);
		const page = await res.text();
		expect(page).toContain('href="#field-title"');
		expect(page).toContain('href="#field-subjectId"');
	});

	it('refuses to submit an incomplete plan, naming every empty section, and keeps what was typed', async () => {
		const plan = await createDraft(as.teacher, 'Hỗn số');
		const res = await as.teacher.form(`/lesson-plans/${plan.id}?/save`, filledForm(plan.version, { title: 'Hỗn số', 'content.activities.2.product': '', intent: 'submit' }));
		expect(res.status).toBe(400);
		const page = await res.text();
		expect(textOf(page)).toContain('Còn 1 mục chưa điền');
		expect(page).toContain('href="#field-content.activities.2.product"');
		// The draft itself was saved: nothing typed is lost.
		const [saved] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.id, plan.id));
		expect(saved.status).toBe('draft');
		expect(saved.content.activities[1].goal).toBe('HĐ2 goal');
	});

	it('goes teacher submits → group head returns with a comment → teacher resubmits → group head approves → leader approves', async () => {
		const plan = await createDraft(as.teacher, 'Số thập phân');
		let res = await as.teacher.form(`/lesson-plans/${plan.id}?/save`, filledForm(plan.version, { title: 'Số thập phân', intent: 'submit' }));
		expect(res.status).toBe(200);
		expect(textOf(await res.text())).toContain('Đã nộp kế hoạch bài dạy');

		// The group head sees the review form; a return without a comment is refused.
		expect(await html(as.grouphead, `/lesson-plans/${plan.id}`)).toContain('value="return"');
		res = await as.grouphead.form(`/lesson-plans/${plan.id}?/transition`, { action: 'return', comment: '' });
		expect(res.status).toBe(400);
		expect(textOf(await res.text())).toContain('Hãy ghi lý do trả lại');
		res = await as.grouphead.form(`/lesson-plans/${plan.id}?/transition`, { action: 'return', comment: 'Bổ sung phần vận dụng thực tế.' });
		expect(res.status).toBe(200);

		// The teacher sees the comment in the history and may edit again.
		let page = await html(as.teacher, `/lesson-plans/${plan.id}`);
		expect(textOf(page)).toContain('Bổ sung phần vận dụng thực tế.');
		expect(page).toContain('action="?/save"');
		const [returned] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.id, plan.id));
		res = await as.teacher.form(`/lesson-plans/${plan.id}?/save`, filledForm(returned.version, { title: 'Số thập phân', 'content.activities.3.content': 'Tính tiền chợ', intent: 'submit' }));
		expect(res.status).toBe(200);

		expect((await as.grouphead.form(`/lesson-plans/${plan.id}?/transition`, { action: 'approve' })).status).toBe(200);
		// The leader cannot act before the group head, but can now.
		page = await html(as.leader, `/lesson-plans/${plan.id}`);
		expect(page).toContain('value="approve"');
		expect((await as.leader.form(`/lesson-plans/${plan.id}?/transition`, { action: 'approve', comment: 'Đồng ý.' })).status).toBe(200);

		const [approved] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.id, plan.id));
		expect(approved.status).toBe('approved');
		expect(approved.content.activities[3].content).toBe('Tính tiền chợ');
		// Approved: read-only for everyone, with the whole history.
		page = await html(as.teacher, `/lesson-plans/${plan.id}`);
		expect(page).not.toContain('action="?/save"');
		expect(page).toContain('data-testid="plan-body"');
		expect([...page.matchAll(/data-testid="plan-event" data-status="([a-z_]+)"/g)].map((e) => e[1])).toEqual(['draft', 'submitted', 'returned', 'submitted', 'group_approved', 'approved']);
		const audit = await app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'lesson_plan'), eq(auditLog.entityId, plan.id)));
		expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'submit', 'return', 'update', 'submit', 'approve', 'approve']);
	});

	it('lets the group head not approve for the leader, nor the teacher approve their own plan (403 on the form)', async () => {
		const [waiting] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.title, 'Phép cộng và phép trừ số tự nhiên'));
		expect((await as.teacher.form(`/lesson-plans/${waiting.id}?/transition`, { action: 'approve' })).status).toBe(403);
		expect((await as.leader.form(`/lesson-plans/${waiting.id}?/transition`, { action: 'approve' })).status).toBe(403);
	});

	it('copies a shared plan into a new draft of the caller', async () => {
		const [shared] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.title, 'Tập hợp. Phần tử của tập hợp'));
		const res = await as.grouphead.form(`/lesson-plans/${shared.id}?/copy`, { schoolYearId: yearId });
		expect(res.status).toBe(303);
		const copyId = res.headers.get('location')!.match(/\/lesson-plans\/([0-9a-f-]{36})/)![1];
		const [copy] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.id, copyId));
		expect(copy).toMatchObject({ status: 'draft', copiedFromId: shared.id, shared: false, content: shared.content });
	});

	it('hides a plan that is neither shared nor within the caller’s scope (404)', async () => {
		const [waiting] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.title, 'Phép cộng và phép trừ số tự nhiên'));
		expect((await as.homeroom.get(`/lesson-plans/${waiting.id}`)).status).toBe(404);
		expect((await as.homeroom.get(`/api/v1/lesson-plans/${waiting.id}/pdf`)).status).toBe(404);
	});
});

describe('the light formatting of a plan', () => {
	it('shows bold, bullets and numbers on the page, never typed HTML, and prints them plainly in the PDF', async () => {
		const plan = await createDraft(as.teacher, 'Định dạng');
		const materials = '**Chuẩn bị**:\n- Phiếu học tập\n- Máy chiếu <script>alert(1)</script>';
		const res = await as.teacher.form(`/lesson-plans/${plan.id}?/save`, filledForm(plan.version, { title: 'Định dạng', 'content.materials': materials, intent: 'submit' }));
		expect(res.status).toBe(200);
		const page = await html(as.grouphead, `/lesson-plans/${plan.id}`);
		expect(page).toContain('<strong>Chuẩn bị</strong>');
		expect(page).toContain('<li>Phiếu học tập</li>');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page).not.toContain('<script>alert(1)');
		const pdf = new Uint8Array(await (await as.grouphead.get(`/api/v1/lesson-plans/${plan.id}/pdf`)).arrayBuffer());
		const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
		const t = (text as string).replace(/\s+/g, ' ');
		expect(t).toContain('Chuẩn bị: • Phiếu học tập • Máy chiếu');
		expect(t).not.toContain('**');
	});
});

describe('the PDF of a plan', () => {
	it('is the 5512 Phụ lục IV frame with the school header, the teacher, every section and the status', async () => {
		const [approved] = await app.db.select().from(lessonPlans).where(eq(lessonPlans.title, 'Tập hợp. Phần tử của tập hợp'));
		const res = await as.homeroom.get(`/api/v1/lesson-plans/${approved.id}/pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="ke-hoach-bai-day-toan-tap-hop-phan-tu-cua-tap-hop.pdf"');
		const bytes = new Uint8Array(await res.arrayBuffer());
		const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
		const t = (text as string).replace(/\s+/g, ' ');
		expect(t).toContain('TRƯỜNG THCS BÌNH YÊN');
		expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(t).toContain('TÊN BÀI DẠY: TẬP HỢP. PHẦN TỬ CỦA TẬP HỢP');
		expect(t).toContain('Môn học: Toán; lớp: 6');
		expect(t).toContain('Thời gian thực hiện: (2 tiết)');
		for (const s of ['I. Mục tiêu', 'II. Thiết bị dạy học và học liệu', 'III. Tiến trình dạy học', 'Hoạt động 1: Mở đầu', 'Hoạt động 4: Vận dụng', 'd) Tổ chức thực hiện']) expect(t).toContain(s);
		expect(t).toContain('Sách giáo khoa Toán 6');
		expect(t).toMatch(/Trạng thái trong Sen: Đã duyệt \(ngày \d\d tháng \d\d năm \d{4}\)/);
	});
});
