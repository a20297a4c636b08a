import { pgTable, uuid, text, smallint, date, timestamp, index, uniqueIndex, pgEnum } from 'drizzle-orm/pg-core';

/** A unit's kind; districts were abolished in 2025, so "former_district" is data, not a level. */
export const orgUnitKind = pgEnum('org_unit_kind', ['department', 'commune_ward', 'former_district', 'cluster']);
export const schoolLevel = pgEnum('school_level', ['preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level']);
export const ownership = pgEnum('school_ownership', ['public', 'private']);
export const setting = pgEnum('school_setting', ['urban', 'suburban', 'rural']);
export const assessmentMode = pgEnum('assessment_mode', ['score', 'comment']);

/**
 * Management tree of any depth. `path` is the materialised path of ids ("/a/b/"), the key every
 * scope check and report aggregation uses.
 */
export const orgUnits = pgTable(
	'org_units',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		parentId: uuid('parent_id'),
		kind: orgUnitKind('kind').notNull(),
		code: text('code').notNull(),
		name: text('name').notNull(),
		/** e.g. the pre-2025 district the unit belonged to (Ba Đình, Thạch Thất). */
		historicalDistrict: text('historical_district'),
		path: text('path').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('org_units_code_uq').on(t.code), index('org_units_path_idx').on(t.path), index('org_units_parent_idx').on(t.parentId)]
);

export const schools = pgTable(
	'schools',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		level: schoolLevel('level').notNull(),
		ownership: ownership('ownership').notNull(),
		setting: setting('setting').notNull(),
		address: text('address').notNull().default(''),
		/** Parent unit's path + this school's id. */
		path: text('path').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('schools_code_uq').on(t.code), index('schools_path_idx').on(t.path), index('schools_unit_idx').on(t.orgUnitId)]
);

export const schoolYears = pgTable(
	'school_years',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		name: text('name').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('school_years_school_name_uq').on(t.schoolId, t.name)]
);

/** Học kỳ I / II. */
export const terms = pgTable(
	'terms',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		schoolYearId: uuid('school_year_id')
			.notNull()
			.references(() => schoolYears.id, { onDelete: 'cascade' }),
		number: smallint('number').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull()
	},
	(t) => [uniqueIndex('terms_year_number_uq').on(t.schoolYearId, t.number)]
);

/** Tổ chuyên môn. */
export const subjectGroups = pgTable(
	'subject_groups',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		name: text('name').notNull(),
		path: text('path').notNull()
	},
	(t) => [uniqueIndex('subject_groups_school_name_uq').on(t.schoolId, t.name)]
);

export const subjects = pgTable(
	'subjects',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		subjectGroupId: uuid('subject_group_id').references(() => subjectGroups.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		assessment: assessmentMode('assessment').notNull().default('score'),
		periodsPerYear: smallint('periods_per_year').notNull().default(70)
	},
	(t) => [uniqueIndex('subjects_school_code_uq').on(t.schoolId, t.code)]
);

export const classes = pgTable(
	'classes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		schoolYearId: uuid('school_year_id')
			.notNull()
			.references(() => schoolYears.id),
		name: text('name').notNull(),
		/** Khối: 0 for preschool groups, 1–12 otherwise. */
		grade: smallint('grade').notNull(),
		homeroomTeacherId: uuid('homeroom_teacher_id'),
		/** School path + class id: class-scoped grants match on it. */
		path: text('path').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('classes_year_name_uq').on(t.schoolYearId, t.name), index('classes_path_idx').on(t.path)]
);

export const enrolments = pgTable(
	'enrolments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		schoolYearId: uuid('school_year_id')
			.notNull()
			.references(() => schoolYears.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id),
		learnerId: uuid('learner_id').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('enrolments_learner_year_uq').on(t.learnerId, t.schoolYearId), index('enrolments_class_idx').on(t.classId)]
);
