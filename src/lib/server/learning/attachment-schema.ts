/** Files attached to lesson plans (images, worksheets, slides): who may read one is who may read the plan. */
import { pgTable, uuid, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
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
