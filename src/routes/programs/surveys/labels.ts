import { m } from '#lib/paraglide/messages.js';

export const responseStatusLabel = (s: string) => ({ not_started: m.prgsrv_status_not_started(), draft: m.prgsrv_status_draft(), submitted: m.prgsrv_status_submitted(), returned: m.prgsrv_status_returned() })[s] ?? s;
export const questionTypeLabel = (t: string) =>
	({ choice: m.prgsrv_type_choice(), multiple: m.prgsrv_type_multiple(), number: m.prgsrv_type_number(), text: m.prgsrv_type_text(), scale: m.prgsrv_type_scale(), grid: m.prgsrv_type_grid(), file: m.prgsrv_type_file() })[t] ?? t;
export const levelLabel = (l: string) =>
	({ preschool: m.prgsrv_level_preschool(), primary: m.prgsrv_level_primary(), lower_secondary: m.prgsrv_level_lower_secondary(), upper_secondary: m.prgsrv_level_upper_secondary(), multi_level: m.prgsrv_level_multi_level() })[l] ?? l;
