/** Files attached to lesson plans (images, worksheets, slides): who may read one is who may read the plan. */
import { pgTable, uuid, text, integer, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { files } from '../files/schema';
import { lessonPlans } from './schema';
import { lessons } from './lesson-schema';

export const lessonPlanAttachments = pgTable(
	'lesson_plan_attachments',
	{
		planId: uuid('plan_id')
			.notNull()
			.references(() => lessonPlans.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.planId, t.fileId] }), index('lesson_plan_attachments_file_idx').on(t.fileId)]
);

/** Files of e-learning lessons (a document, slides, a video file) shown as a lesson's file block. */
export const lessonFiles = pgTable(
	'lesson_files',
	{
		lessonId: uuid('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.fileId] }), index('lesson_files_file_idx').on(t.fileId)]
);

/**
 * An HTML5 package of a lesson (a .zip with an index.html) or an H5P package (a .h5p; its `entry`
 * is then `sen-h5p.html`, the start page Sen writes), served to readers of the lesson under
 * `/packages/{id}/{secret}/…`: a capability URL, because a sandboxed frame sends no cookies.
 */
export const lessonPackages = pgTable(
	'lesson_packages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		lessonId: uuid('lesson_id')
			.notNull()
			.references(() => lessons.id, { onDelete: 'cascade' }),
		schoolId: uuid('school_id').notNull(),
		secret: text('secret').notNull(),
		name: text('name').notNull(),
		entry: text('entry').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('lesson_packages_lesson_idx').on(t.lessonId)]
);

/** The files of a package: its relative path, the store key of the bytes, the type served. */
export const lessonPackageFiles = pgTable(
	'lesson_package_files',
	{
		packageId: uuid('package_id')
			.notNull()
			.references(() => lessonPackages.id, { onDelete: 'cascade' }),
		path: text('path').notNull(),
		storeKey: uuid('store_key').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull()
	},
	(t) => [primaryKey({ columns: [t.packageId, t.path] })]
);
