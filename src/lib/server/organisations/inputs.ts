import { z } from 'zod';

const text = (max = 200) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const orgUnitInput = z.object({
	parentId: z.uuid().nullable().optional(),
	kind: z.enum(['department', 'commune_ward', 'former_district', 'cluster']),
	code: text(40),
	name: text(),
	historicalDistrict: z.string().trim().max(200).nullable().optional()
});
export const orgUnitPatch = orgUnitInput.omit({ parentId: true }).partial();

export const schoolInput = z.object({
	orgUnitId: z.uuid(),
	code: text(40),
	name: text(),
	level: z.enum(['preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level']),
	ownership: z.enum(['public', 'private']),
	setting: z.enum(['urban', 'suburban', 'rural']),
	address: z.string().trim().max(500).default('')
});
// A patch names only what changes: no defaults (a default would overwrite the stored value).
export const schoolPatch = schoolInput.omit({ orgUnitId: true }).extend({ address: z.string().trim().max(500) }).partial();

export const schoolYearInput = z
	.object({
		schoolId: z.uuid(),
		name: z.string().regex(/^\d{4}-\d{4}$/, 'YYYY-YYYY'),
		startsOn: isoDate,
		endsOn: isoDate,
		/** First day of term 2; defaults to the middle of the year. */
		term2StartsOn: isoDate.optional()
	})
	.refine((y) => y.startsOn < y.endsOn, { path: ['endsOn'], message: 'endsOn must be after startsOn' });

/** The terms follow: term 1 starts with the year, term 2 ends with it (its first day may move too). */
export const schoolYearPatch = z.object({
	name: z.string().regex(/^\d{4}-\d{4}$/, 'YYYY-YYYY'),
	startsOn: isoDate,
	endsOn: isoDate,
	term2StartsOn: isoDate
}).partial();

export const subjectGroupInput = z.object({ schoolId: z.uuid(), name: text() });
export const subjectGroupPatch = subjectGroupInput.omit({ schoolId: true });
export const subjectInput = z.object({
	schoolId: z.uuid(),
	subjectGroupId: z.uuid().nullable().optional(),
	code: text(40),
	name: text(),
	/** Left out: TT22 Điều 5's form at a secondary school, by score elsewhere (defaultSubjectAssessment). */
	assessment: z.enum(['score', 'comment']).optional(),
	periodsPerYear: z.coerce.number().int().min(0).max(500).default(70)
});

export const subjectPatch = z
	.object({
		subjectGroupId: z.uuid().nullable(),
		code: text(40),
		name: text(),
		assessment: z.enum(['score', 'comment']),
		periodsPerYear: z.coerce.number().int().min(0).max(500)
	})
	.partial();

export const classInput = z.object({
	schoolYearId: z.uuid(),
	name: text(40),
	grade: z.coerce.number().int().min(0).max(12),
	homeroomTeacherId: z.uuid().nullable().optional()
});
export const classPatch = classInput.omit({ schoolYearId: true }).partial();

export const enrolmentInput = z.object({ classId: z.uuid(), learnerId: z.uuid() });

export type OrgUnitInput = z.infer<typeof orgUnitInput>;
export type SchoolInput = z.infer<typeof schoolInput>;
export type ClassInput = z.infer<typeof classInput>;
