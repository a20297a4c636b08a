import { pgTable, uuid, text, timestamp, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import { persons } from '../people/schema';

/**
 * A setting's value at one scope: the city (root unit), a unit or a school, named by its org path.
 * The effective value at a scope is the one set nearest up its path, else the registry's default
 * (see registry.ts, service.ts). Keys and values are checked by the registry, not the database.
 */
export const settings = pgTable(
	'settings',
	{
		scopePath: text('scope_path').notNull(),
		key: text('key').notNull(),
		value: jsonb('value').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: uuid('updated_by').references(() => persons.id, { onDelete: 'set null' })
	},
	(t) => [primaryKey({ columns: [t.scopePath, t.key] })]
);
