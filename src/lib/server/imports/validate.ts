/**
 * The rules a list must pass before anything is written, as pure functions over the parsed table
 * and a snapshot of what the database already holds (classes, codes, guardians). Every problem is
 * reported with the row number the spreadsheet shows and the column, in the user's language.
 */
import { columnsOf, type Field, type ImportKind } from './columns';
import { cellText, classKey, normalisePhone, parseDate, parseEmail, parseGender, parseRelation, parseRoles, schoolRolesFor, type Relation, type StaffRole, type Table } from './parse';
import { splitFullName } from '../people/names';
import type { Role } from '../auth/principal';
import { m } from '#lib/paraglide/messages.js';

export interface ImportError {
	/** Spreadsheet row number (0 for a problem with the file as a whole). */
	row: number;
	/** The column's name as the user reads it ('' for the whole row or file). */
	column: string;
	field: Field | null;
	message: string;
}

interface NameFields {
	fullName: string;
	familyName: string;
	middleName: string;
	givenName: string;
}

export interface LearnerRow extends NameFields {
	row: number;
	code: string;
	dateOfBirth: string | null;
	gender: 'male' | 'female' | null;
	className: string;
	classId: string | null;
	guardian: (NameFields & { relation: Relation; phone: string | null; email: string | null; existingId: string | null }) | null;
}

export interface StaffRow extends NameFields {
	row: number;
	code: string | null;
	dateOfBirth: string | null;
	gender: 'male' | 'female' | null;
	email: string | null;
	phone: string | null;
	roles: StaffRole[];
	/** Grants at school scope that the roles imply. */
	schoolRoles: Role[];
	homeroomClassName: string | null;
	homeroomClassId: string | null;
}

export interface ClassInfo {
	id: string;
	name: string;
	hasHomeroomTeacher: boolean;
}

/** What the database holds that the rules compare against. */
export interface ImportContext {
	yearName: string | null;
	/** classKey(name) → class of the chosen school year. */
	classes: Map<string, ClassInfo>;
	/** Codes from the file that some person already has. */
	existingCodes: Set<string>;
	/** Normalised phone → id of a guardian of the school. */
	existingGuardians: Map<string, string>;
}

export interface Validated<R> {
	rows: R[];
	errors: ImportError[];
}

/** The default row limit; the city may change it with the `imports.maxRows` setting. */
export const MAX_ROWS = 10_000;
const MAX_NAME = 80;
const MAX_CODE = 40;

function reporter(kind: ImportKind, errors: ImportError[]) {
	const label = new Map(columnsOf(kind).map((c) => [c.field, c.label]));
	return (row: number, field: Field | null, message: string) => errors.push({ row, column: field ? (label.get(field)?.() ?? '') : '', field, message });
}

/** Problems with the table as a whole: no header, missing columns, no rows, too many rows. */
export function tableErrors(kind: ImportKind, table: Table | null, maxRows = MAX_ROWS): ImportError[] {
	const errors: ImportError[] = [];
	const report = reporter(kind, errors);
	if (!table) {
		const required = columnsOf(kind)
			.filter((c) => c.required)
			.map((c) => c.header)
			.join(', ');
		report(0, null, m.import_err_no_header({ columns: required }));
		return errors;
	}
	for (const f of table.missing) {
		const col = columnsOf(kind).find((c) => c.field === f)!;
		report(table.headerRow, f, m.import_err_missing_column({ column: col.header }));
	}
	if (!table.records.length) report(0, null, m.import_err_no_rows());
	if (table.records.length > maxRows) report(0, null, m.import_err_too_many_rows({ max: String(maxRows) }));
	return errors;
}

type Report = ReturnType<typeof reporter>;

function nameOf(v: Table['records'][number]['values'][Field], row: number, field: Field, report: Report): NameFields | null {
	const fullName = cellText(v);
	if (!fullName) {
		report(row, field, m.import_err_name_missing());
		return null;
	}
	const parts = splitFullName(fullName);
	if (!parts.familyName || !parts.givenName) {
		report(row, field, m.import_err_name_incomplete());
		return null;
	}
	if (fullName.length > MAX_NAME * 2 || parts.familyName.length > MAX_NAME || (parts.middleName ?? '').length > MAX_NAME || parts.givenName.length > MAX_NAME) {
		report(row, field, m.import_err_too_long({ max: String(MAX_NAME) }));
		return null;
	}
	return { fullName, familyName: parts.familyName, middleName: parts.middleName ?? '', givenName: parts.givenName };
}

function dateOf(v: Table['records'][number]['values'][Field], row: number, required: boolean, today: string, report: Report): string | null {
	const d = parseDate(v);
	if (d === null) {
		if (required) report(row, 'dateOfBirth', m.import_err_dob_missing());
		return null;
	}
	if (d === 'invalid' || d > today || d < '1900-01-01') {
		report(row, 'dateOfBirth', m.import_err_dob_invalid({ value: cellText(v) }));
		return null;
	}
	return d;
}

function genderOf(v: Table['records'][number]['values'][Field], row: number, report: Report) {
	const g = parseGender(v);
	if (g === 'invalid') {
		report(row, 'gender', m.import_err_gender({ value: cellText(v) }));
		return null;
	}
	return g;
}

function codeOf(v: Table['records'][number]['values'][Field], row: number, field: Field, report: Report, seen: Map<string, number>, existing: Set<string>, label: string) {
	const code = cellText(v);
	if (!code) return null;
	if (code.length > MAX_CODE) {
		report(row, field, m.import_err_too_long({ max: String(MAX_CODE) }));
		return null;
	}
	const first = seen.get(code);
	if (first !== undefined) report(row, field, m.import_err_code_duplicate({ column: label, code, row: String(first) }));
	else seen.set(code, row);
	if (existing.has(code)) report(row, field, m.import_err_code_exists({ column: label, code }));
	return code;
}

/** Learners with class and guardian. */
export function validateLearners(table: Table, ctx: ImportContext, today: string): Validated<LearnerRow> {
	const errors: ImportError[] = [];
	const report = reporter('learners', errors);
	const rows: LearnerRow[] = [];
	const seenCodes = new Map<string, number>();
	if (!ctx.yearName) report(0, null, m.import_err_no_year());
	for (const { row, values: v } of table.records) {
		const before = errors.length;
		const code = codeOf(v.code, row, 'code', report, seenCodes, ctx.existingCodes, m.import_col_learner_code());
		if (!code && !cellText(v.code)) report(row, 'code', m.import_err_code_missing());
		const name = nameOf(v.fullName, row, 'fullName', report);
		const dateOfBirth = dateOf(v.dateOfBirth, row, true, today, report);
		const gender = genderOf(v.gender, row, report);
		const className = cellText(v.className);
		const cls = className ? ctx.classes.get(classKey(className)) : undefined;
		if (!className) report(row, 'className', m.import_err_class_missing());
		else if (!cls && ctx.yearName) report(row, 'className', m.import_err_class_unknown({ name: className, year: ctx.yearName }));

		let guardian: LearnerRow['guardian'] = null;
		const gName = cellText(v.guardianName);
		const phone = normalisePhone(v.guardianPhone);
		const email = parseEmail(v.guardianEmail);
		const relation = parseRelation(v.relation);
		if (phone === 'invalid') report(row, 'guardianPhone', m.import_err_phone({ value: cellText(v.guardianPhone) }));
		if (email === 'invalid') report(row, 'guardianEmail', m.import_err_email({ value: cellText(v.guardianEmail) }));
		if (relation === 'invalid') report(row, 'relation', m.import_err_relation({ value: cellText(v.relation) }));
		if (gName) {
			const gParts = nameOf(v.guardianName, row, 'guardianName', report);
			if (gParts && phone !== 'invalid' && email !== 'invalid' && relation !== 'invalid') {
				guardian = { ...gParts, relation: relation ?? 'guardian', phone, email, existingId: phone ? (ctx.existingGuardians.get(phone) ?? null) : null };
			}
		} else if ((phone && phone !== 'invalid') || (email && email !== 'invalid') || (relation && relation !== 'invalid')) {
			report(row, 'guardianName', m.import_err_guardian_name_missing());
		}

		if (errors.length === before && code && name && cls) {
			rows.push({ row, code, ...name, dateOfBirth, gender, className: cls.name, classId: cls.id, guardian });
		}
	}
	return { rows, errors };
}

/** Staff with their roles and an optional homeroom class. */
export function validateStaff(table: Table, ctx: ImportContext, today: string): Validated<StaffRow> {
	const errors: ImportError[] = [];
	const report = reporter('staff', errors);
	const rows: StaffRow[] = [];
	const seenCodes = new Map<string, number>();
	const homeroomOf = new Map<string, number>();
	for (const { row, values: v } of table.records) {
		const before = errors.length;
		const code = codeOf(v.code, row, 'code', report, seenCodes, ctx.existingCodes, m.import_col_staff_code());
		const name = nameOf(v.fullName, row, 'fullName', report);
		const dateOfBirth = dateOf(v.dateOfBirth, row, false, today, report);
		const gender = genderOf(v.gender, row, report);
		const email = parseEmail(v.email);
		if (email === 'invalid') report(row, 'email', m.import_err_email({ value: cellText(v.email) }));
		const phone = normalisePhone(v.phone);
		if (phone === 'invalid') report(row, 'phone', m.import_err_phone({ value: cellText(v.phone) }));
		const roles = parseRoles(v.role);
		if (roles === 'invalid') report(row, 'role', m.import_err_role({ value: cellText(v.role) }));
		else if (!roles.length) report(row, 'role', m.import_err_role_missing());

		const homeroomName = cellText(v.homeroomClass);
		let homeroom: ClassInfo | undefined;
		if (homeroomName) {
			homeroom = ctx.classes.get(classKey(homeroomName));
			if (!homeroom) report(row, 'homeroomClass', ctx.yearName ? m.import_err_class_unknown({ name: homeroomName, year: ctx.yearName }) : m.import_err_no_year());
			else if (homeroom.hasHomeroomTeacher) report(row, 'homeroomClass', m.import_err_homeroom_taken({ name: homeroom.name }));
			else if (homeroomOf.has(homeroom.id)) report(row, 'homeroomClass', m.import_err_homeroom_twice({ name: homeroom.name, row: String(homeroomOf.get(homeroom.id)) }));
			else homeroomOf.set(homeroom.id, row);
		} else if (roles !== 'invalid' && roles.includes('homeroom_teacher')) {
			report(row, 'homeroomClass', m.import_err_homeroom_missing());
		}

		if (errors.length === before && name && roles !== 'invalid') {
			const all: StaffRole[] = homeroom && !roles.includes('homeroom_teacher') ? [...roles, 'homeroom_teacher'] : roles;
			rows.push({
				row,
				code,
				...name,
				dateOfBirth,
				gender,
				email: email as string | null,
				phone: phone as string | null,
				roles: all,
				schoolRoles: schoolRolesFor(all),
				homeroomClassName: homeroom?.name ?? null,
				homeroomClassId: homeroom?.id ?? null
			});
		}
	}
	return { rows, errors };
}

/** Errors in reading order: by row, then in the order the columns appear in the template. */
export function sortErrors(kind: ImportKind, errors: ImportError[]): ImportError[] {
	const order = new Map(columnsOf(kind).map((c, i) => [c.field as Field, i]));
	return [...errors].sort((a, b) => a.row - b.row || (order.get(a.field as Field) ?? -1) - (order.get(b.field as Field) ?? -1));
}
