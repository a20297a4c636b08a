/** Form fields of the network's pages as the service's inputs (parsed with the same zod schemas as the API). */
import { parse } from '../http/validate';
import { engagementAnswer, engagementInput, engagementOutcome, invitationAcceptInput, profilePatch, registrationInput, vettingInput } from './inputs';

type Fields = Record<string, string | undefined>;
const offers = (form: FormData) => form.getAll('offers').map(String);
const ticked = (v: string | undefined) => v === 'on' || v === 'true';

const profileFields = (form: FormData, v: Fields) => ({
	organisation: v.organisation ?? '',
	title: v.title ?? '',
	bio: v.bio ?? '',
	offers: offers(form),
	areas: v.areas ?? '',
	consentContact: ticked(v.consentContact)
});

export const registrationFromForm = (form: FormData, v: Fields) =>
	parse(registrationInput, { fullName: v.fullName, email: v.email, phone: v.phone ?? '', kind: v.kind, ...profileFields(form, v), codeOfConduct: ticked(v.codeOfConduct), password: form.get('password') ?? '' });

export const invitationFromForm = (form: FormData, v: Fields) =>
	parse(invitationAcceptInput, { fullName: v.fullName, phone: v.phone ?? '', ...profileFields(form, v), codeOfConduct: ticked(v.codeOfConduct), password: form.get('password') ?? '' });

export const profileFromForm = (form: FormData, v: Fields) => parse(profilePatch, { ...profileFields(form, v), phone: v.phone ?? '' });

export const vettingFromForm = (v: Fields) =>
	parse(vettingInput, {
		identityChecked: ticked(v.identityChecked),
		identityNote: v.identityNote ?? '',
		backgroundCheck: v.backgroundCheck,
		backgroundCheckedOn: v.backgroundCheckedOn ?? null,
		codeOfConductConfirmed: ticked(v.codeOfConductConfirmed),
		decision: v.decision,
		note: v.note ?? ''
	});

export const engagementFromForm = (memberId: string, v: Fields) =>
	parse(engagementInput, { memberId, kind: v.kind, classId: v.classId ?? null, forLabel: v.forLabel ?? '', message: v.message ?? '', proposedOn: v.proposedOn ?? null });

export const answerFromForm = (v: Fields) => parse(engagementAnswer, { decision: v.decision, response: v.response ?? '' });
export const outcomeFromForm = (v: Fields) => parse(engagementOutcome, { status: v.status, outcome: v.outcome ?? '', rating: v.rating ? Number(v.rating) : null });
