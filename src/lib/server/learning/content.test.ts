import { describe, expect, it } from 'vitest';
import { demoLessonPlanContent, emptyContent, lessonPlanContentSchema, missingForSubmission, type LessonPlanContent } from './content';

const filled = (): LessonPlanContent => ({
	objectives: { knowledge: 'Nhận biết phân số', competencies: 'Giải quyết vấn đề', qualities: 'Chăm chỉ' },
	materials: 'Phiếu học tập, máy chiếu',
	activities: [0, 1, 2, 3].map((i) => ({ title: `Hoạt động ${i + 1}`, goal: 'a', content: 'b', product: 'c', organisation: 'd' })) as LessonPlanContent['activities']
});

describe('lesson-plan content (Công văn 5512 Phụ lục IV)', () => {
	it('accepts the frame: objectives (knowledge, competencies, qualities), materials, four activities', () => {
		expect(lessonPlanContentSchema.parse(filled())).toEqual(filled());
		expect(lessonPlanContentSchema.parse(emptyContent())).toEqual(emptyContent());
	});

	it('fills parts an activity leaves out with empty text', () => {
		const c = { ...filled(), activities: [{}, {}, {}, {}] };
		expect(lessonPlanContentSchema.parse(c).activities[0]).toEqual({ title: '', goal: '', content: '', product: '', organisation: '' });
	});

	it.each([
		['three activities', { ...filled(), activities: filled().activities.slice(0, 3) }],
		['five activities', { ...filled(), activities: [...filled().activities, filled().activities[0]] }],
		['no objectives', { materials: '', activities: filled().activities }],
		['a number as knowledge', { ...filled(), objectives: { ...filled().objectives, knowledge: 5 } }],
		['an overlong activity content', { ...filled(), activities: filled().activities.map((a) => ({ ...a, content: 'x'.repeat(20001) })) }]
	])('rejects %s', (_, c) => {
		expect(lessonPlanContentSchema.safeParse(c).success).toBe(false);
	});

	it('lets a draft be empty but lists every missing part before submission', () => {
		expect(missingForSubmission(filled())).toEqual([]);
		const empty = missingForSubmission(emptyContent());
		expect(empty).toHaveLength(3 + 1 + 4 * 4);
		expect(empty).toContain('content.objectives.qualities');
		expect(empty).toContain('content.activities.3.organisation');
	});

	it('treats whitespace as empty and does not require the optional activity title', () => {
		const c = filled();
		c.activities[2].product = '   ';
		c.activities[1].title = '';
		expect(missingForSubmission(c)).toEqual(['content.activities.2.product']);
	});

	it('seeds demo plans that are complete, so the demo can submit them', () => {
		const c = demoLessonPlanContent('Phân số');
		expect(lessonPlanContentSchema.parse(c)).toEqual(c);
		expect(missingForSubmission(c)).toEqual([]);
		expect(c.objectives.knowledge).toContain('«Phân số»');
	});
});
