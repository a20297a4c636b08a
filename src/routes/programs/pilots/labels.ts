import { m } from '#lib/paraglide/messages.js';

type Msg = () => string;
const pick = (table: Record<string, Msg>, k: string) => table[k]?.() ?? k;

export const levelLabel = (k: string) => pick({ preschool: m.prgpil_level_preschool, primary: m.prgpil_level_primary, lower_secondary: m.prgpil_level_lower_secondary, upper_secondary: m.prgpil_level_upper_secondary }, k);
export const componentLabel = (k: string) => pick({ people: m.prgpil_component_people, content: m.prgpil_component_content, technology: m.prgpil_component_technology, context: m.prgpil_component_context }, k);
export const modelStatusLabel = (k: string) => pick({ draft: m.prgpil_model_draft, piloting: m.prgpil_model_piloting, completed: m.prgpil_model_completed }, k);
export const phaseLabel = (k: string) => pick({ theory: m.prgpil_phase_theory, practice: m.prgpil_phase_practice }, k);
export const milestoneStatusLabel = (k: string) => pick({ planned: m.prgpil_ms_planned, in_progress: m.prgpil_ms_in_progress, done: m.prgpil_ms_done, late: m.prgpil_ms_late }, k);
