import { describe, expect, it } from 'vitest';
import { developmentDomains, summariseStageAssessment, type IndicatorResult } from './preschool';

describe('Chương trình giáo dục mầm non: developmental domains by stage', () => {
	it('mẫu giáo has five domains', () => {
		expect(developmentDomains('mau_giao')).toEqual(['the_chat', 'nhan_thuc', 'ngon_ngu', 'tinh_cam_ky_nang_xa_hoi', 'tham_mi']);
	});

	it('nhà trẻ has four, with tình cảm–kĩ năng xã hội and thẩm mĩ combined', () => {
		expect(developmentDomains('nha_tre')).toEqual(['the_chat', 'nhan_thuc', 'ngon_ngu', 'tinh_cam_ky_nang_xa_hoi_tham_mi']);
	});
});

describe('Chương trình giáo dục mầm non: stage assessment summary per domain (no scores)', () => {
	const results: IndicatorResult[] = [
		{ indicator: 'bat_bong', domain: 'the_chat', reached: true },
		{ indicator: 'di_thang_bang', domain: 'the_chat', reached: false },
		{ indicator: 'dem_den_10', domain: 'nhan_thuc', reached: true },
		{ indicator: 'ke_chuyen', domain: 'ngon_ngu', reached: null }
	];

	it('counts reached, not yet and not observed, lists the indicators not yet reached, and keeps every domain', () => {
		expect(summariseStageAssessment('mau_giao', results)).toEqual([
			{ domain: 'the_chat', total: 2, reached: 1, notYet: 1, notObserved: 0, notYetIndicators: ['di_thang_bang'] },
			{ domain: 'nhan_thuc', total: 1, reached: 1, notYet: 0, notObserved: 0, notYetIndicators: [] },
			{ domain: 'ngon_ngu', total: 1, reached: 0, notYet: 0, notObserved: 1, notYetIndicators: [] },
			{ domain: 'tinh_cam_ky_nang_xa_hoi', total: 0, reached: 0, notYet: 0, notObserved: 0, notYetIndicators: [] },
			{ domain: 'tham_mi', total: 0, reached: 0, notYet: 0, notObserved: 0, notYetIndicators: [] }
		]);
	});

	it('refuses an indicator in a domain the stage does not have (thẩm mĩ alone is not a nhà trẻ domain)', () => {
		expect(() => summariseStageAssessment('nha_tre', [{ indicator: 'hat', domain: 'tham_mi', reached: true }])).toThrow(RangeError);
	});
});
