import { unaccent } from '../../text';

/**
 * Stable subject codes. The database `subjects.code` holds these; names are for display only and
 * may vary between schools, so rules never look at names.
 */

/** Subjects named by the primary test rule (TT27/2020 Điều 7 khoản 1). */
export const PRIMARY_SUBJECTS = {
	tiengViet: 'tieng_viet',
	toan: 'toan',
	ngoaiNgu1: 'ngoai_ngu_1',
	tinHocCongNghe: 'tin_hoc_cong_nghe',
	lichSuDiaLi: 'lich_su_dia_li',
	khoaHoc: 'khoa_hoc'
} as const;
export type PrimaryTestedSubject = (typeof PRIMARY_SUBJECTS)[keyof typeof PRIMARY_SUBJECTS];

/**
 * Secondary subjects assessed by comment only, Đạt / Chưa đạt (TT22/2021 Điều 5): Giáo dục thể
 * chất, Nghệ thuật (THCS), Âm nhạc and Mĩ thuật (THPT), Nội dung giáo dục của địa phương, Hoạt
 * động trải nghiệm, hướng nghiệp.
 */
export const SECONDARY_COMMENT_SUBJECTS = [
	'giao_duc_the_chat',
	'nghe_thuat',
	'am_nhac',
	'mi_thuat',
	'giao_duc_dia_phuong',
	'hoat_dong_trai_nghiem'
] as const;
export type SecondaryCommentSubject = (typeof SECONDARY_COMMENT_SUBJECTS)[number];

/** Letters and digits only, no diacritics, lower case: "HĐTN" → "hdtn", "am_nhac" → "amnhac". */
const key = (s: string) => unaccent(s).toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The codes and names schools give these subjects, read as the stable codes above: the usual short
 * codes (the demo's GDTC, NT, HDTN) and the subjects' names as TT22 Điều 5 writes them.
 */
const SECONDARY_COMMENT_SUBJECT_KEYS: Record<string, SecondaryCommentSubject> = {
	...Object.fromEntries(SECONDARY_COMMENT_SUBJECTS.map((c) => [key(c), c])),
	gdtc: 'giao_duc_the_chat',
	nt: 'nghe_thuat',
	mt: 'mi_thuat',
	mythuat: 'mi_thuat',
	gddp: 'giao_duc_dia_phuong',
	ndgddp: 'giao_duc_dia_phuong',
	noidunggiaoduccuadiaphuong: 'giao_duc_dia_phuong',
	noidunggiaoducdiaphuong: 'giao_duc_dia_phuong',
	hdtn: 'hoat_dong_trai_nghiem',
	hdtnhn: 'hoat_dong_trai_nghiem',
	hoatdongtrainghiemhuongnghiep: 'hoat_dong_trai_nghiem'
};

/** The comment-only subject a school's subject code (or, failing that, its name) stands for, if any. */
export function secondaryCommentSubjectOf(code: string, name?: string): SecondaryCommentSubject | null {
	return SECONDARY_COMMENT_SUBJECT_KEYS[key(code)] ?? (name ? (SECONDARY_COMMENT_SUBJECT_KEYS[key(name)] ?? null) : null);
}

export function isSecondaryCommentSubject(code: string, name?: string): boolean {
	return secondaryCommentSubjectOf(code, name) !== null;
}
