/**
 * Community: clubs (câu lạc bộ) at a school, a management unit or the city; forums (diễn đàn) of a
 * school's staff, a club, the city's teachers and a parent committee; parent representative
 * committees (Ban đại diện cha mẹ học sinh, Thông tư 55/2011/TT-BGDĐT) of a class or a school.
 * Every row carries the org `path` of where it lives (the school's, unit's, city's or class's).
 */
import { pgTable, uuid, text, timestamp, boolean, smallint, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { classes, schools } from '../organisations/schema';
import { persons } from '../people/schema';
import { files } from '../files/schema';

export const clubs = pgTable(
	'clubs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Null for a unit's or the city's club. */
		schoolId: uuid('school_id').references(() => schools.id),
		path: text('path').notNull(),
		kind: text('kind', { enum: ['science_tech', 'innovation', 'arts', 'sports', 'language', 'community_service', 'other'] }).notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** The staff member who runs it (giáo viên phụ trách). */
		advisorId: uuid('advisor_id')
			.notNull()
			.references(() => persons.id),
		/** Who may ask to join: learners, staff, parents. */
		openTo: text('open_to').array().notNull(),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('clubs_path_idx').on(t.path), index('clubs_advisor_idx').on(t.advisorId)]
);

export const clubMembers = pgTable(
	'club_members',
	{
		clubId: uuid('club_id')
			.notNull()
			.references(() => clubs.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		role: text('role', { enum: ['member', 'leader'] }).notNull().default('member'),
		status: text('status', { enum: ['requested', 'approved', 'rejected', 'left'] }).notNull(),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: uuid('decided_by').references(() => persons.id),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.clubId, t.personId] }), index('club_members_person_idx').on(t.personId)]
);

export const clubActivities = pgTable(
	'club_activities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clubId: uuid('club_id')
			.notNull()
			.references(() => clubs.id),
		title: text('title').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		place: text('place').notNull().default(''),
		description: text('description').notNull().default(''),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id)
	},
	(t) => [index('club_activities_club_idx').on(t.clubId, t.startsAt)]
);

export const clubAttendance = pgTable(
	'club_attendance',
	{
		activityId: uuid('activity_id')
			.notNull()
			.references(() => clubActivities.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		present: boolean('present').notNull()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.personId] })]
);

/** News of a club (bản tin). */
export const clubPosts = pgTable(
	'club_posts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clubId: uuid('club_id')
			.notNull()
			.references(() => clubs.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		title: text('title').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('club_posts_club_idx').on(t.clubId, t.createdAt)]
);

/** The club's products (sản phẩm): a description, an https link and/or an uploaded file. */
export const clubShowcase = pgTable(
	'club_showcase',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clubId: uuid('club_id')
			.notNull()
			.references(() => clubs.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		url: text('url'),
		/** An uploaded photo or document (files module); school clubs only, as a file belongs to a school. */
		fileId: uuid('file_id').references(() => files.id),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => persons.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('club_showcase_club_idx').on(t.clubId)]
);

export const parentCommittees = pgTable(
	'parent_committees',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		/** Null for the school's committee. */
		classId: uuid('class_id').references(() => classes.id),
		/** The class's path, or the school's. */
		path: text('path').notNull(),
		name: text('name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('parent_committees_path_uq').on(t.path)]
);

export const parentCommitteeMembers = pgTable(
	'parent_committee_members',
	{
		committeeId: uuid('committee_id')
			.notNull()
			.references(() => parentCommittees.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id),
		role: text('role', { enum: ['chair', 'vice_chair', 'member'] }).notNull()
	},
	(t) => [primaryKey({ columns: [t.committeeId, t.personId] })]
);

export const committeeAnnouncements = pgTable(
	'committee_announcements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		committeeId: uuid('committee_id')
			.notNull()
			.references(() => parentCommittees.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		title: text('title').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('committee_announcements_committee_idx').on(t.committeeId, t.createdAt)]
);

export const forumSpaces = pgTable(
	'forum_spaces',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		path: text('path').notNull(),
		schoolId: uuid('school_id').references(() => schools.id),
		kind: text('kind', { enum: ['school', 'club', 'city_teachers', 'committee'] }).notNull(),
		clubId: uuid('club_id').references(() => clubs.id),
		committeeId: uuid('committee_id').references(() => parentCommittees.id),
		name: text('name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_spaces_path_idx').on(t.path), uniqueIndex('forum_spaces_club_uq').on(t.clubId), uniqueIndex('forum_spaces_committee_uq').on(t.committeeId)]
);

export const forumCategories = pgTable(
	'forum_categories',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => forumSpaces.id),
		name: text('name').notNull(),
		position: smallint('position').notNull().default(0)
	},
	(t) => [index('forum_categories_space_idx').on(t.spaceId)]
);

export const forumThreads = pgTable(
	'forum_threads',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => forumSpaces.id),
		categoryId: uuid('category_id').references(() => forumCategories.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		title: text('title').notNull(),
		body: text('body').notNull(),
		/** lower(unaccent(title || body)), trigram-indexed: "phan so" finds "Phân số". */
		searchText: text('search_text').notNull(),
		pinned: boolean('pinned').notNull().default(false),
		locked: boolean('locked').notNull().default(false),
		hidden: boolean('hidden').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_threads_space_idx').on(t.spaceId, t.lastPostAt), index('forum_threads_search_idx').using('gin', t.searchText.op('gin_trgm_ops'))]
);

export const forumPosts = pgTable(
	'forum_posts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		threadId: uuid('thread_id')
			.notNull()
			.references(() => forumThreads.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => persons.id),
		body: text('body').notNull(),
		hidden: boolean('hidden').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('forum_posts_thread_idx').on(t.threadId, t.createdAt)]
);
