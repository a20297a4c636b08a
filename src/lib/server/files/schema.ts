/**
 * Uploaded files. The bytes live in a FileStore (local disk by default, see ./store); this row
 * says whose they are, what they are (the type sniffed from the first bytes, never the browser's
 * claim) and where in the org tree they belong. Who may read one follows what it is attached to.
 */
import { pgTable, uuid, text, integer, timestamp, index } from 'drizzle-orm/pg-core';
import { schools } from '../organisations/schema';
import { persons } from '../people/schema';

export const files = pgTable(
	'files',
	{
		/** Also the key in the store. */
		id: uuid('id').primaryKey().defaultRandom(),
		/** Null for a file of a unit or the city (the program budget's documents). */
		schoolId: uuid('school_id').references(() => schools.id),
		/** The org path of what it was uploaded to (a class, a subject group). */
		path: text('path').notNull(),
		ownerId: uuid('owner_id')
			.notNull()
			.references(() => persons.id),
		/** The name the uploader gave it, shown and offered on download. */
		name: text('name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('files_school_idx').on(t.schoolId), index('files_owner_idx').on(t.ownerId)]
);
