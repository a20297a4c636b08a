import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { BACKGROUND_CHECKS, ENGAGEMENT_STATUSES, MEMBER_KINDS, MEMBER_STATUSES, OFFERS, VETTING_DECISIONS } from './rules';

const id = z.uuid();
const text = (max: number) => z.string().trim().max(max).default('');
const offers = z.array(z.enum(OFFERS)).max(OFFERS.length).default([]);

/** The profile a member writes (registration, invitation, their own edits). */
const profile = {
	organisation: text(300),
	title: text(300),
	bio: text(5000),
	offers,
	areas: text(1000),
	consentContact: z.boolean().default(false)
};

/** Registering (public /network/join, or an invitation's link): the code of conduct must be agreed. */
export const registrationInput = z.object({
	fullName: z.string().trim().min(2).max(200),
	email: z.email().max(320),
	phone: z.string().trim().max(30).default(''),
	kind: z.enum(MEMBER_KINDS),
	...profile,
	codeOfConduct: z.literal(true, { error: () => m.net_coc_required() }),
	password: z.string().min(1).max(200)
});
export const invitationAcceptInput = registrationInput.omit({ email: true, kind: true });

export const profilePatch = z.object({
	organisation: z.string().trim().max(300).optional(),
	title: z.string().trim().max(300).optional(),
	bio: z.string().trim().max(5000).optional(),
	offers: z.array(z.enum(OFFERS)).max(OFFERS.length).optional(),
	areas: z.string().trim().max(1000).optional(),
	consentContact: z.boolean().optional(),
	phone: z.string().trim().max(30).optional()
});

export const invitationInput = z.object({ email: z.email().max(320), kind: z.enum(MEMBER_KINDS) });

export const vettingInput = z.object({
	identityChecked: z.boolean(),
	identityNote: text(1000),
	backgroundCheck: z.enum(BACKGROUND_CHECKS),
	backgroundCheckedOn: z.iso.date().nullable().optional(),
	codeOfConductConfirmed: z.boolean(),
	decision: z.enum(VETTING_DECISIONS),
	note: text(2000)
});
export const suspensionInput = z.object({ note: z.string().trim().min(1).max(2000) });

export const membersQuery = z.object({
	q: z.string().trim().max(200).optional(),
	offer: z.enum(OFFERS).optional(),
	kind: z.enum(MEMBER_KINDS).optional(),
	status: z.enum(MEMBER_STATUSES).optional()
});

export const engagementInput = z.object({
	memberId: id,
	kind: z.enum(OFFERS),
	/** The requesting school; by default the caller's own (from their class or school role). */
	schoolId: id.optional(),
	classId: id.nullable().optional(),
	clubId: id.nullable().optional(),
	forLabel: text(200),
	projectId: id.nullable().optional(),
	message: text(5000),
	proposedOn: z.iso.date().nullable().optional()
});
export const engagementAnswer = z.object({ decision: z.enum(['accepted', 'declined']), response: text(2000) });
export const engagementOutcome = z.object({ status: z.enum(['done', 'cancelled']), outcome: text(5000), rating: z.number().int().min(1).max(5).nullable().optional() });
export const engagementsQuery = z.object({ memberId: id.optional(), schoolId: id.optional(), status: z.enum(ENGAGEMENT_STATUSES).optional() });
