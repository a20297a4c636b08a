/** Labels of learning places and projects, shared by the pages. */
import { m } from '#lib/paraglide/messages.js';

export const PLACE_KIND_ORDER = ['heritage', 'craft_village', 'museum', 'business', 'nature', 'local_culture', 'other'] as const;
export const PLACE_LEVEL_ORDER = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as const;

export function placeKindLabel(k: string): string {
	const f = { heritage: m.plc_kind_heritage, craft_village: m.plc_kind_craft_village, museum: m.plc_kind_museum, business: m.plc_kind_business, nature: m.plc_kind_nature, local_culture: m.plc_kind_local_culture, other: m.plc_kind_other }[k as (typeof PLACE_KIND_ORDER)[number]];
	return f ? f() : k;
}

export function placeLevelLabel(l: string): string {
	const f = { preschool: m.plc_level_preschool, primary: m.plc_level_primary, lower_secondary: m.plc_level_lower_secondary, upper_secondary: m.plc_level_upper_secondary }[l as (typeof PLACE_LEVEL_ORDER)[number]];
	return f ? f() : l;
}

export function milestoneStatusLabel(s: string): string {
	const f = { not_started: m.prj_status_not_started, submitted: m.prj_status_submitted, reviewed: m.prj_status_reviewed }[s as 'submitted'];
	return f ? f() : s;
}
