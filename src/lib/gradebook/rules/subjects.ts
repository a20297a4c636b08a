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

export function isSecondaryCommentSubject(code: string): code is SecondaryCommentSubject {
	return (SECONDARY_COMMENT_SUBJECTS as readonly string[]).includes(code);
}
