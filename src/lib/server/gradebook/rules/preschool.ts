/**
 * Preschool (Mầm non) stage assessment: no scores, only whether each expected outcome (kết quả
 * mong đợi) is reached, summarised per developmental domain. Chương trình giáo dục mầm non
 * (TT17/2009/TT-BGDĐT as amended by TT28/2016 and TT51/2020; the consolidated VBHN text was not
 * retrieved).
 */

export type PreschoolStage = 'nha_tre' | 'mau_giao';

/** Mẫu giáo: thể chất, nhận thức, ngôn ngữ, tình cảm và kĩ năng xã hội, thẩm mĩ. */
export const MAU_GIAO_DOMAINS = ['the_chat', 'nhan_thuc', 'ngon_ngu', 'tinh_cam_ky_nang_xa_hoi', 'tham_mi'] as const;
/** Nhà trẻ: four domains, tình cảm–kĩ năng xã hội and thẩm mĩ combined. */
export const NHA_TRE_DOMAINS = ['the_chat', 'nhan_thuc', 'ngon_ngu', 'tinh_cam_ky_nang_xa_hoi_tham_mi'] as const;
export type DevelopmentDomain = (typeof MAU_GIAO_DOMAINS)[number] | (typeof NHA_TRE_DOMAINS)[number];

/** Nhà trẻ is assessed at the end of each age band, in months. (Mẫu giáo timing: unconfirmed, school's choice.) */
export const NHA_TRE_ASSESSMENT_AGES_MONTHS = [6, 12, 18, 24, 36] as const;

/** The developmental domains assessed for a stage. Chương trình giáo dục mầm non. */
export function developmentDomains(stage: PreschoolStage): readonly DevelopmentDomain[] {
	return stage === 'nha_tre' ? NHA_TRE_DOMAINS : MAU_GIAO_DOMAINS;
}

/**
 * One indicator of one child in a stage. `reached` null = not yet observed. The per-indicator
 * đạt / chưa đạt checklist is school practice (e.g. Bộ chuẩn phát triển trẻ em 5 tuổi), not
 * programme text (unconfirmed).
 */
export interface IndicatorResult {
	indicator: string;
	domain: string;
	reached: boolean | null;
}

export interface DomainSummary {
	domain: DevelopmentDomain;
	total: number;
	reached: number;
	notYet: number;
	notObserved: number;
	/** Indicators not yet reached: what the teacher plans for next. */
	notYetIndicators: string[];
}

/**
 * Per-domain summary of a child's stage assessment, one row for every domain of the stage (in
 * programme order) even when it has no indicators. An indicator in a domain the stage does not
 * have is a caller error. Chương trình giáo dục mầm non, đánh giá theo giai đoạn.
 */
export function summariseStageAssessment(stage: PreschoolStage, results: readonly IndicatorResult[]): DomainSummary[] {
	const domains = developmentDomains(stage);
	const rows = new Map<string, DomainSummary>(domains.map((domain) => [domain, { domain, total: 0, reached: 0, notYet: 0, notObserved: 0, notYetIndicators: [] }]));
	for (const r of results) {
		const row = rows.get(r.domain);
		if (!row) throw new RangeError(`domain ${r.domain} is not assessed at ${stage}`);
		row.total++;
		if (r.reached === true) row.reached++;
		else if (r.reached === false) {
			row.notYet++;
			row.notYetIndicators.push(r.indicator);
		} else row.notObserved++;
	}
	return [...rows.values()];
}
