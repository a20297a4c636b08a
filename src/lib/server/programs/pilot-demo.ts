/**
 * Demo data of the pilots and publications: the program's seven models (one per level and three
 * across levels) assigned to the demo's five schools with the two phases, a few milestones — some
 * done, one late, the rest ahead — with evidence; and four publications (a public value statement,
 * public news, guidance for school leaders, an announcement to parents).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { orgUnits, schools } from '../organisations/schema';
import { pilotEvidence, pilotMilestones, pilotModels, pilotSitePhases, pilotSites } from './pilot-schema';
import { publications } from './publication-schema';
import { PILOT_PHASES, PROGRAM_PHASE_DATES, type PilotComponent, type PilotLevel } from './pilot-rules';

const day = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function seedPilotsDemo(tx: Executor, owner: Record<string, string>, now = new Date()) {
	const [city] = await tx.select().from(orgUnits).where(eq(orgUnits.code, 'HN'));
	const ss = await tx.select().from(schools).where(inArray(schools.code, ['MN-HOASEN', 'TH-HOASUA', 'THCS-BINHYEN', 'LC-SAOMAI', 'THPT-SONGHONG']));
	const school = (code: string) => ss.find((s) => s.code === code)!;
	const models: { name: string; description: string; levels: PilotLevel[]; components: PilotComponent[]; schools: string[] }[] = [
		{ name: 'Mầm non: Góc trải nghiệm thiên nhiên', description: 'Trẻ khám phá cây, nước, đất qua góc học tập và vườn trường; giáo viên ghi nhận sự phát triển.', levels: ['preschool'], components: ['people', 'content', 'context'], schools: ['MN-HOASEN'] },
		{ name: 'Tiểu học: Lớp học số và thư viện mở', description: 'Học liệu số, thư viện mở và tiết đọc kết hợp thiết bị dùng chung.', levels: ['primary'], components: ['content', 'technology'], schools: ['TH-HOASUA', 'LC-SAOMAI'] },
		{ name: 'THCS: Học theo dự án cộng đồng', description: 'Dự án gắn với địa phương, có cố vấn từ mạng lưới cộng đồng.', levels: ['lower_secondary'], components: ['people', 'content', 'context'], schools: ['THCS-BINHYEN'] },
		{ name: 'THPT: Định hướng nghề nghiệp với doanh nghiệp', description: 'Tham quan, thực tập ngắn và tọa đàm cùng doanh nghiệp.', levels: ['upper_secondary'], components: ['people', 'context'], schools: ['THPT-SONGHONG'] },
		{ name: 'Câu lạc bộ STEM kết nối doanh nghiệp', description: 'Câu lạc bộ khoa học, kỹ thuật có chuyên gia doanh nghiệp đồng hành.', levels: ['primary', 'lower_secondary', 'upper_secondary'], components: ['people', 'content', 'technology', 'context'], schools: ['THCS-BINHYEN', 'LC-SAOMAI', 'THPT-SONGHONG'] },
		{ name: 'Học qua di sản và làng nghề', description: 'Bài học tại di tích, làng nghề (Bát Tràng, chùa Tây Phương) với học liệu chung.', levels: ['primary', 'lower_secondary'], components: ['content', 'context'], schools: ['TH-HOASUA', 'THCS-BINHYEN'] },
		{ name: 'Kết nối phụ huynh số', description: 'Sổ liên lạc điện tử, họp trực tuyến và thông báo tới cha mẹ học sinh.', levels: ['preschool', 'primary', 'lower_secondary', 'upper_secondary'], components: ['people', 'technology'], schools: ['MN-HOASEN', 'THCS-BINHYEN'] }
	];
	for (const def of models) {
		const [model] = await tx.insert(pilotModels).values({ path: city.path, name: def.name, description: def.description, levels: def.levels, components: def.components, status: 'piloting', createdBy: owner.city }).returning();
		for (const code of def.schools) {
			const s = school(code);
			const [site] = await tx.insert(pilotSites).values({ modelId: model.id, schoolId: s.id, path: s.path, responsible: `Phó hiệu trưởng ${s.name.replace(/^Trường /, '')}` }).returning();
			await tx.insert(pilotSitePhases).values(PILOT_PHASES.map((phase) => ({ siteId: site.id, phase, ...PROGRAM_PHASE_DATES[phase] })));
			const base = { siteId: site.id, schoolId: s.id, path: s.path };
			const [plan] = await tx
				.insert(pilotMilestones)
				.values([
					{ ...base, phase: 'theory' as const, title: 'Xây dựng kế hoạch thí điểm của trường', dueOn: day(now, -60), responsible: 'Ban giám hiệu', status: 'done' as const, doneAt: new Date(now.getTime() - 62 * 86_400_000) },
					{ ...base, phase: 'practice' as const, title: 'Tổ chức hoạt động thí điểm đầu tiên', dueOn: day(now, 30), responsible: 'Tổ chuyên môn', status: 'planned' as const },
					{ ...base, phase: 'practice' as const, title: 'Báo cáo sơ kết thí điểm', dueOn: day(now, 90), responsible: 'Ban giám hiệu', status: 'planned' as const }
				])
				.returning();
			await tx.insert(pilotEvidence).values({ milestoneId: plan.id, siteId: site.id, schoolId: s.id, path: s.path, authorId: owner.city, note: 'Kế hoạch đã được Ban giám hiệu phê duyệt.', url: 'https://sen.example.vn/minh-chung/ke-hoach-thi-diem.pdf' });
			// One late milestone in the demo: the STEM club at THPT Sông Hồng missed its survey.
			if (code === 'THPT-SONGHONG' && def.name.startsWith('Câu lạc bộ STEM'))
				await tx.insert(pilotMilestones).values({ ...base, phase: 'theory', title: 'Khảo sát nhu cầu học sinh', dueOn: day(now, -10), responsible: 'Đoàn trường', status: 'in_progress' });
		}
	}
	const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
	await tx.insert(publications).values([
		{
			path: city.path,
			kind: 'value',
			title: 'Mục tiêu của chương trình: ít nhất 07 mô hình tại 25 trường',
			body: 'Theo Quyết định 4906/QĐ-UBND và Chương trình 1217/CTr-ĐHTĐHN: phát triển thử nghiệm ít nhất 07 mô hình hệ sinh thái học tập, sáng tạo tại 25 trường ở khu vực nội thành (Ba Đình) và ngoại thành (Thạch Thất), công lập và tư thục; bồi dưỡng cán bộ quản lý, giáo viên cốt cán; lấy người học làm trung tâm, kết nối nhà trường, gia đình, doanh nghiệp và cộng đồng.',
			audience: 'everyone',
			public: true,
			publishedBy: owner.city,
			publishedAt: at(30)
		},
		{
			path: city.path,
			kind: 'news',
			title: 'Khởi động giai đoạn thử nghiệm thực tế tại Ba Đình và Thạch Thất',
			body: 'Các trường thí điểm đã hoàn thành giai đoạn thử nghiệm mô hình lý thuyết và bắt đầu thử nghiệm thực tế trong năm học này.',
			audience: 'everyone',
			public: true,
			publishedBy: owner.city,
			publishedAt: at(7)
		},
		{
			path: city.path,
			kind: 'guidance',
			title: 'Hướng dẫn ghi nhận minh chứng mốc thí điểm',
			body: 'Mỗi mốc công việc cần ít nhất một minh chứng: biên bản, ảnh hoạt động hoặc sản phẩm của học sinh. Tải tệp hoặc dán liên kết https trên trang điểm thí điểm của trường.',
			attachmentUrl: 'https://sen.example.vn/huong-dan/minh-chung-thi-diem.pdf',
			audience: 'leaders',
			publishedBy: owner.city,
			publishedAt: at(5)
		},
		{
			path: city.path,
			kind: 'announcement',
			title: 'Mời phụ huynh tham gia khảo sát về hệ sinh thái học tập',
			body: 'Nhà trường sẽ gửi phiếu khảo sát ngắn về việc học của con ở nhà và ở trường. Xin cảm ơn quý phụ huynh.',
			audience: 'parents',
			publishedBy: owner.city,
			publishedAt: at(2)
		}
	]);
}
