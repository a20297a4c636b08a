/**
 * The column layout of the lists Vietnamese schools already keep (danh sách học sinh, danh sách
 * cán bộ): one definition serves header matching, the downloadable template and error messages.
 */
import { m } from '#lib/paraglide/messages.js';

export type ImportKind = 'learners' | 'staff';
export const IMPORT_KINDS = ['learners', 'staff'] as const;

export type LearnerField = 'seq' | 'code' | 'fullName' | 'dateOfBirth' | 'gender' | 'className' | 'guardianName' | 'relation' | 'guardianPhone' | 'guardianEmail';
export type StaffField = 'seq' | 'code' | 'fullName' | 'dateOfBirth' | 'gender' | 'email' | 'phone' | 'role' | 'homeroomClass';
export type Field = LearnerField | StaffField;

export interface ColumnDef {
	field: Field;
	/** The header as printed in the template. */
	header: string;
	/** Other headers schools use for the same column (matched without case or diacritics). */
	aliases?: string[];
	/** The file must have this column (a cell may still be empty when the rules allow). */
	required: boolean;
	width: number;
	example: string;
	/** The column's name in the user's language, for error messages. */
	label: () => string;
}

export const LEARNER_COLUMNS: ColumnDef[] = [
	{ field: 'seq', header: 'STT', aliases: ['so thu tu', 'tt'], required: false, width: 6, example: '1', label: () => 'STT' },
	{ field: 'code', header: 'Mã học sinh', aliases: ['ma hs', 'ma dinh danh', 'ma dinh danh hoc sinh'], required: true, width: 16, example: 'HS2026001', label: () => m.import_col_learner_code() },
	{ field: 'fullName', header: 'Họ và tên', aliases: ['ho ten', 'ho va ten hoc sinh', 'ho ten hoc sinh'], required: true, width: 28, example: 'Nguyễn Thị Minh Anh', label: () => m.import_col_full_name() },
	{ field: 'dateOfBirth', header: 'Ngày sinh', aliases: ['ngay thang nam sinh'], required: true, width: 14, example: '05/09/2014', label: () => m.import_col_dob() },
	{ field: 'gender', header: 'Giới tính', aliases: ['gioi'], required: false, width: 10, example: 'Nữ', label: () => m.import_col_gender() },
	{ field: 'className', header: 'Lớp', aliases: ['ten lop'], required: true, width: 10, example: '6A1', label: () => m.import_col_class() },
	{ field: 'guardianName', header: 'Họ tên cha/mẹ/người giám hộ', aliases: ['ho ten phu huynh', 'phu huynh', 'ho va ten phu huynh', 'ho va ten cha me nguoi giam ho'], required: false, width: 28, example: 'Nguyễn Văn Bình', label: () => m.import_col_guardian_name() },
	{ field: 'relation', header: 'Quan hệ', aliases: ['quan he voi hoc sinh'], required: false, width: 16, example: 'Cha', label: () => m.import_col_relation() },
	{ field: 'guardianPhone', header: 'Số điện thoại phụ huynh', aliases: ['sdt phu huynh', 'dien thoai phu huynh', 'so dt phu huynh'], required: false, width: 18, example: '0912345678', label: () => m.import_col_guardian_phone() },
	{ field: 'guardianEmail', header: 'Email phụ huynh', aliases: ['thu dien tu phu huynh'], required: false, width: 26, example: 'binh.nguyen@example.com', label: () => m.import_col_guardian_email() }
];

export const STAFF_COLUMNS: ColumnDef[] = [
	{ field: 'seq', header: 'STT', aliases: ['so thu tu', 'tt'], required: false, width: 6, example: '1', label: () => 'STT' },
	{ field: 'code', header: 'Mã cán bộ', aliases: ['ma cb', 'ma giao vien', 'ma gv', 'ma can bo giao vien'], required: false, width: 14, example: 'GV-001', label: () => m.import_col_staff_code() },
	{ field: 'fullName', header: 'Họ và tên', aliases: ['ho ten'], required: true, width: 28, example: 'Trần Thu Hà', label: () => m.import_col_full_name() },
	{ field: 'dateOfBirth', header: 'Ngày sinh', aliases: ['ngay thang nam sinh'], required: false, width: 14, example: '12/03/1988', label: () => m.import_col_dob() },
	{ field: 'gender', header: 'Giới tính', aliases: ['gioi'], required: false, width: 10, example: 'Nữ', label: () => m.import_col_gender() },
	{ field: 'email', header: 'Email', aliases: ['thu dien tu', 'e mail'], required: false, width: 26, example: 'ha.tran@example.com', label: () => m.import_col_email() },
	{ field: 'phone', header: 'Số điện thoại', aliases: ['sdt', 'dien thoai', 'so dt'], required: false, width: 16, example: '0987654321', label: () => m.import_col_phone() },
	{ field: 'role', header: 'Vai trò', aliases: ['chuc vu', 'chuc danh'], required: true, width: 24, example: 'Giáo viên chủ nhiệm', label: () => m.import_col_role() },
	{ field: 'homeroomClass', header: 'Lớp chủ nhiệm', aliases: ['chu nhiem lop', 'lop cn'], required: false, width: 14, example: '6A1', label: () => m.import_col_homeroom_class() }
];

export const columnsOf = (kind: ImportKind): ColumnDef[] => (kind === 'learners' ? LEARNER_COLUMNS : STAFF_COLUMNS);

/** Lower-case, no diacritics, only letters and digits separated by single spaces. */
export function headerKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Which field a header cell names, if any. */
export function fieldOfHeader(kind: ImportKind, header: string): Field | undefined {
	const key = headerKey(header);
	if (!key) return undefined;
	for (const c of columnsOf(kind)) {
		if (headerKey(c.header) === key || (c.aliases ?? []).includes(key)) return c.field;
	}
	return undefined;
}
