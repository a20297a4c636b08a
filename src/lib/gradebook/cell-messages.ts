/** The message for a cell the browser refuses before sending: the same texts the service answers with. */
import { m } from '#lib/paraglide/messages.js';
import type { CellErrorCode } from './cells';

const messages: Record<CellErrorCode, () => string> = {
	score_required: m.gb_score_required,
	score_not_a_number: m.gb_score_not_a_number,
	score_out_of_range: m.gb_score_out_of_range,
	score_too_many_decimals: m.gb_score_too_many_decimals,
	score_not_an_integer: m.gb_score_not_an_integer,
	pass_invalid: m.gb_pass_invalid,
	level_invalid: m.gb_level_invalid
};

export const cellErrorMessage = (code: CellErrorCode): string => messages[code]();
