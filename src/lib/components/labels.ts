/** Localised names for the domain's enums, shared by every page. */
import { m } from '#lib/paraglide/messages.js';

const roles = {
	learner: m.ui_role_learner,
	parent: m.ui_role_parent,
	teacher: m.ui_role_teacher,
	homeroom_teacher: m.ui_role_homeroom_teacher,
	subject_group_head: m.ui_role_subject_group_head,
	school_leader: m.ui_role_school_leader,
	counsellor: m.ui_role_counsellor,
	unit_officer: m.ui_role_unit_officer,
	city_officer: m.ui_role_city_officer,
	mentor: m.ui_role_mentor,
	alumnus: m.ui_role_alumnus,
	partner_contact: m.ui_role_partner_contact,
	system_admin: m.ui_role_system_admin
} as const;

const levels = {
	preschool: m.ui_level_preschool,
	primary: m.ui_level_primary,
	lower_secondary: m.ui_level_lower_secondary,
	upper_secondary: m.ui_level_upper_secondary,
	multi_level: m.ui_level_multi_level
} as const;

/** "Giáo viên chủ nhiệm" for `homeroom_teacher`; unknown roles show as they are. */
export const roleLabel = (role: string): string => (role in roles ? roles[role as keyof typeof roles]() : role);

/** "Trung học cơ sở" for `lower_secondary`. */
export const levelLabel = (level: string): string => (level in levels ? levels[level as keyof typeof levels]() : level);

/** The order school levels are listed in. */
export const LEVEL_ORDER = Object.keys(levels) as (keyof typeof levels)[];

const unitKinds = {
	department: m.org_kind_department,
	commune_ward: m.org_kind_commune_ward,
	former_district: m.org_kind_former_district,
	cluster: m.org_kind_cluster
} as const;
const ownerships = { public: m.org_ownership_public, private: m.org_ownership_private } as const;
const settings = { urban: m.org_setting_urban, suburban: m.org_setting_suburban, rural: m.org_setting_rural } as const;
const personKinds = { learner: m.people_kind_learner, staff: m.people_kind_staff, guardian: m.people_kind_guardian, community: m.people_kind_community } as const;

const pick = <T extends Record<string, () => string>>(table: T, key: string | null | undefined): string => (key && key in table ? table[key as keyof T]() : (key ?? ''));

/** An organisation unit's kind: "Xã, phường" for `commune_ward`. */
export const kindLabel = (kind: string) => pick(unitKinds, kind);
/** "Công lập" / "Tư thục". */
export const ownershipLabel = (ownership: string) => pick(ownerships, ownership);
/** "Thành thị" / "Ngoại thành" / "Nông thôn". */
export const settingLabel = (setting: string) => pick(settings, setting);
/** A person record's kind: learner, staff, guardian, community. */
export const personKindLabel = (kind: string) => pick(personKinds, kind);

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar date ("2014-03-09" or a Date) as dd/mm/yyyy; empty for none. */
export function formatDate(value: string | Date | null | undefined): string {
	if (!value) return '';
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const [y, mo, d] = value.split('-');
		return `${d}/${mo}/${y}`;
	}
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? String(value) : new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** A moment as "dd/mm/yyyy hh:mm" in Vietnam's time (stored in UTC, shown in Asia/Ho_Chi_Minh). */
export function formatDateTime(value: string | Date | null | undefined): string {
	if (!value) return '';
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return String(value);
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
			.formatToParts(date)
			.map((p) => [p.type, p.value])
	);
	return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
