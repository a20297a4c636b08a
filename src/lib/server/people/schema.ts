import { pgTable, uuid, text, date, timestamp, index, uniqueIndex, pgEnum, integer, boolean, primaryKey } from 'drizzle-orm/pg-core';
import { ROLES, SCOPE_TYPES } from '../auth/principal';

export const gender = pgEnum('gender', ['female', 'male', 'other']);
/** The person's main relation to schools; decides how widely their record may be seen. */
export const personKind = pgEnum('person_kind', ['learner', 'staff', 'guardian', 'community']);

export const persons = pgTable(
	'persons',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: personKind('kind').notNull(),
		familyName: text('family_name').notNull(),
		middleName: text('middle_name').notNull().default(''),
		givenName: text('given_name').notNull(),
		/** Lower-cased, unaccented full name kept by a trigger for diacritics-insensitive search. */
		searchName: text('search_name').notNull().default(''),
		dateOfBirth: date('date_of_birth'),
		gender: gender('gender'),
		email: text('email'),
		phone: text('phone'),
		learnerCode: text('learner_code'),
		staffCode: text('staff_code'),
		/** Home school (null for city/unit staff and community members). */
		schoolId: uuid('school_id'),
		/** Org path of the home school or unit: the scope the record lives in. */
		path: text('path').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('persons_learner_code_uq').on(t.learnerCode),
		uniqueIndex('persons_staff_code_uq').on(t.staffCode),
		index('persons_path_idx').on(t.path),
		index('persons_school_idx').on(t.schoolId)
	]
);

export const guardianships = pgTable(
	'guardianships',
	{
		guardianId: uuid('guardian_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		learnerId: uuid('learner_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		relation: text('relation').notNull().default('guardian')
	},
	(t) => [primaryKey({ columns: [t.guardianId, t.learnerId] }), index('guardianships_learner_idx').on(t.learnerId)]
);

export const roleName = pgEnum('role_name', ROLES);
export const scopeType = pgEnum('scope_type', SCOPE_TYPES);

/** A role granted on a scope. `scopePath` is the org path of the scope (learner scopes use the learner id). */
export const roleGrants = pgTable(
	'role_grants',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		role: roleName('role').notNull(),
		scopeType: scopeType('scope_type').notNull(),
		scopeId: uuid('scope_id'),
		scopePath: text('scope_path').notNull(),
		schoolId: uuid('school_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('role_grants_uq').on(t.personId, t.role, t.scopeType, t.scopePath), index('role_grants_person_idx').on(t.personId)]
);

export const accounts = pgTable(
	'accounts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		username: text('username').notNull(),
		email: text('email'),
		passwordHash: text('password_hash').notNull(),
		failedAttempts: integer('failed_attempts').notNull().default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		disabled: boolean('disabled').notNull().default(false),
		passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('accounts_username_uq').on(t.username), uniqueIndex('accounts_email_uq').on(t.email), uniqueIndex('accounts_person_uq').on(t.personId)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** sha-256 of the cookie token; the token itself is never stored. */
		id: text('id').primaryKey(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_account_idx').on(t.accountId)]
);

/**
 * The days an account used Sen (docs/decisions/012): one row per account and day in Vietnam's
 * time on which it signed in or was served a request with a session or an API token, written
 * `on conflict do nothing` through auth/activity.ts — normally once per account, day and process.
 * The exact source of the "using Sen" counts (dashboards, reports), pruned after
 * ACTIVITY_RETENTION_DAYS. The person's kind and home school of that day are carried, so the
 * dashboards' job groups the rows without joining accounts and persons; the key leads with the
 * day because every reader asks for a range of days.
 */
export const accountActivityDays = pgTable(
	'account_activity_days',
	{
		day: date('day').notNull(),
		/**
		 * No foreign key: a deleted account's days stay as history (it did use Sen then) until pruned,
		 * and deleting a person never scans this table, whose key leads with the day.
		 */
		accountId: uuid('account_id').notNull(),
		/** persons.kind and persons.school_id on that day. */
		kind: personKind('kind').notNull(),
		schoolId: uuid('school_id')
	},
	(t) => [primaryKey({ columns: [t.day, t.accountId] })]
);

export const apiTokens = pgTable('api_tokens', {
	id: uuid('id').primaryKey().defaultRandom(),
	accountId: uuid('account_id')
		.notNull()
		.references(() => accounts.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
	revokedAt: timestamp('revoked_at', { withTimezone: true })
});

export const passwordResets = pgTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	accountId: uuid('account_id')
		.notNull()
		.references(() => accounts.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true })
});
