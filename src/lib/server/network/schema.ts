/**
 * The community network (mạng lưới cộng đồng): mentors, alumni, businesses and partner
 * organisations who register or are invited, are vetted by a program officer or school leader,
 * say what they offer, and are asked by schools for talks, mentoring, internships, judging or
 * visits. `path` on a member is where they are registered and vetted (the city's, a unit's or a
 * school's path); an engagement's path is the requesting school's.
 */
import { pgTable, uuid, text, boolean, date, smallint, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { persons } from '../people/schema';
import { schools } from '../organisations/schema';
import { projects } from '../learning/project-schema';

export const networkMembers = pgTable(
	'network_members',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => persons.id, { onDelete: 'cascade' }),
		/** mentor | alumnus | business | partner_org (network-rules.ts MEMBER_KINDS). */
		kind: text('kind').notNull(),
		organisation: text('organisation').notNull().default(''),
		title: text('title').notNull().default(''),
		bio: text('bio').notNull().default(''),
		/** talk | mentoring | internship | judging | hosting_visit (network-rules.ts OFFERS). */
		offers: text('offers').array().notNull().default([]),
		/** Fields and subjects, free text (e.g. "gốm, mỹ thuật, khởi nghiệp"). */
		areas: text('areas').notNull().default(''),
		consentContact: boolean('consent_contact').notNull().default(false),
		consentedAt: timestamp('consented_at', { withTimezone: true }),
		codeOfConductVersion: text('code_of_conduct_version'),
		codeOfConductAgreedAt: timestamp('code_of_conduct_agreed_at', { withTimezone: true }),
		/** pending | vetted | rejected | suspended; the history is network_vetting. */
		status: text('status').notNull().default('pending'),
		path: text('path').notNull(),
		/** lower(unaccent(name, organisation, title, bio, areas)): diacritics-blind search, trigram-indexed. */
		searchText: text('search_text').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('network_members_person_uq').on(t.personId), index('network_members_path_idx').on(t.path), index('network_members_search_idx').using('gin', t.searchText.op('gin_trgm_ops'))]
);

/** Each vetting decision, append-only; the member's current status is on network_members. */
export const networkVetting = pgTable(
	'network_vetting',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		memberId: uuid('member_id')
			.notNull()
			.references(() => networkMembers.id, { onDelete: 'cascade' }),
		identityChecked: boolean('identity_checked').notNull(),
		identityNote: text('identity_note').notNull().default(''),
		/** done | not_done */
		backgroundCheck: text('background_check').notNull(),
		backgroundCheckedOn: date('background_checked_on'),
		codeOfConductConfirmed: boolean('code_of_conduct_confirmed').notNull(),
		/** vetted | rejected | suspended */
		decision: text('decision').notNull(),
		note: text('note').notNull().default(''),
		path: text('path').notNull(),
		decidedBy: uuid('decided_by')
			.notNull()
			.references(() => persons.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('network_vetting_member_idx').on(t.memberId)]
);

/** An emailed invitation: the token itself is never stored, only its sha-256. */
export const networkInvitations = pgTable('network_invitations', {
	id: uuid('id').primaryKey().defaultRandom(),
	tokenHash: text('token_hash').notNull().unique(),
	email: text('email').notNull(),
	kind: text('kind').notNull(),
	path: text('path').notNull(),
	invitedBy: uuid('invited_by')
		.notNull()
		.references(() => persons.id),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	acceptedAt: timestamp('accepted_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A school's request to a member and, once accepted, the engagement itself: who, what, for which
 * class or club (a nullable id and a label, as clubs live in another module), when, and the outcome.
 */
export const networkEngagements = pgTable(
	'network_engagements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		memberId: uuid('member_id')
			.notNull()
			.references(() => networkMembers.id),
		schoolId: uuid('school_id')
			.notNull()
			.references(() => schools.id),
		path: text('path').notNull(),
		requestedBy: uuid('requested_by')
			.notNull()
			.references(() => persons.id),
		/** One of the offers. */
		kind: text('kind').notNull(),
		classId: uuid('class_id'),
		clubId: uuid('club_id'),
		/** Who it is for, as the requester names it ("CLB Khoa học", "6A1"). */
		forLabel: text('for_label').notNull().default(''),
		projectId: uuid('project_id').references(() => projects.id),
		message: text('message').notNull().default(''),
		proposedOn: date('proposed_on'),
		/** requested | accepted | declined | done | cancelled (network-rules.ts). */
		status: text('status').notNull().default('requested'),
		response: text('response').notNull().default(''),
		outcome: text('outcome').notNull().default(''),
		rating: smallint('rating'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('network_engagements_member_idx').on(t.memberId), index('network_engagements_school_idx').on(t.schoolId)]
);
