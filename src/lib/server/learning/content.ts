/**
 * The body of a lesson plan in the frame of Công văn 5512/BGDĐT-GDTrH (18/12/2020) Phụ lục IV:
 * I. Mục tiêu (kiến thức, năng lực, phẩm chất); II. Thiết bị dạy học và học liệu; III. Tiến trình
 * dạy học, four activities (mở đầu, hình thành kiến thức mới, luyện tập, vận dụng), each with
 * a) mục tiêu, b) nội dung, c) sản phẩm, d) tổ chức thực hiện. Pure: no database, no HTTP.
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

export const activitySchema = z.object({
	/** The activity's title stating its result (optional; the frame names the activity). */
	title: text(300).default(''),
	goal: text(5000).default(''),
	content: text(20000).default(''),
	product: text(5000).default(''),
	/** d) Tổ chức thực hiện: chuyển giao → thực hiện → báo cáo, thảo luận → kết luận, nhận định. */
	organisation: text(20000).default('')
});

export const lessonPlanContentSchema = z.object({
	objectives: z.object({ knowledge: text(10000).default(''), competencies: text(10000).default(''), qualities: text(10000).default('') }),
	materials: text(10000).default(''),
	activities: z.tuple([activitySchema, activitySchema, activitySchema, activitySchema])
});
export type LessonPlanContent = z.infer<typeof lessonPlanContentSchema>;
export type Activity = z.infer<typeof activitySchema>;

export function emptyContent(): LessonPlanContent {
	const activity = (): Activity => ({ title: '', goal: '', content: '', product: '', organisation: '' });
	return { objectives: { knowledge: '', competencies: '', qualities: '' }, materials: '', activities: [activity(), activity(), activity(), activity()] };
}

/**
 * What a plan still lacks before it can be submitted for review: every objective, the materials
 * and the four parts of every activity. A draft may be incomplete; a submitted plan may not.
 * Returns field paths (e.g. `content.activities.2.product`).
 */
export function missingForSubmission(c: LessonPlanContent): string[] {
	const missing: string[] = [];
	const blank = (s: string) => s.trim() === '';
	for (const k of ['knowledge', 'competencies', 'qualities'] as const) if (blank(c.objectives[k])) missing.push(`content.objectives.${k}`);
	if (blank(c.materials)) missing.push('content.materials');
	c.activities.forEach((a, i) => {
		for (const k of ['goal', 'content', 'product', 'organisation'] as const) if (blank(a[k])) missing.push(`content.activities.${i}.${k}`);
	});
	return missing;
}

/** A complete plan for the demo school (Toán 6), ready to submit: every part filled in. */
export function demoLessonPlanContent(title: string): LessonPlanContent {
	const activity = (name: string, goal: string): Activity => ({
		title: name,
		goal,
		content: `Học sinh làm việc theo nhóm với phiếu học tập về «${title}».`,
		product: 'Phiếu học tập đã hoàn thành, câu trả lời của các nhóm.',
		organisation: 'Giáo viên chuyển giao nhiệm vụ; học sinh thực hiện theo nhóm; đại diện nhóm báo cáo, cả lớp thảo luận; giáo viên kết luận, nhận định.'
	});
	return {
		objectives: {
			knowledge: `Nêu được các khái niệm chính của bài «${title}».`,
			competencies: 'Năng lực tư duy và lập luận toán học, giao tiếp toán học, hợp tác.',
			qualities: 'Chăm chỉ, trung thực, trách nhiệm trong hoạt động nhóm.'
		},
		materials: 'Sách giáo khoa Toán 6, phiếu học tập, máy chiếu.',
		activities: [
			activity('Khởi động', 'Gợi hứng thú, dẫn vào bài.'),
			activity('Hình thành kiến thức', 'Học sinh phát hiện và phát biểu được kiến thức mới.'),
			activity('Luyện tập', 'Củng cố kiến thức qua bài tập.'),
			activity('Vận dụng', 'Vận dụng vào tình huống thực tế ở gia đình, địa phương.')
		]
	};
}
