import { z } from 'zod';
import { PILOT_COMPONENTS, PILOT_LEVELS, PILOT_MODEL_STATUSES, PILOT_PHASES, STORED_MILESTONE_STATUSES } from './pilot-rules';

const id = z.uuid();
const day = z.iso.date();

export const pilotModelInput = z.object({
	name: z.string().trim().min(1).max(300),
	description: z.string().trim().max(10_000).default(''),
	levels: z.array(z.enum(PILOT_LEVELS)).min(1).max(4),
	components: z.array(z.enum(PILOT_COMPONENTS)).min(1).max(4),
	status: z.enum(PILOT_MODEL_STATUSES).default('piloting')
});
export type PilotModelInput = z.infer<typeof pilotModelInput>;
export const pilotModelPatch = pilotModelInput.partial();

const phaseInput = z.object({ phase: z.enum(PILOT_PHASES), startsOn: day, endsOn: day });

/** A school assigned to pilot a model; phases default to the program's dates. */
export const pilotSiteInput = z.object({
	modelId: id,
	schoolId: id,
	responsible: z.string().trim().max(300).default(''),
	phases: z.array(phaseInput).max(2).optional()
});
export type PilotSiteInput = z.infer<typeof pilotSiteInput>;
export const pilotSitePatch = z.object({ responsible: z.string().trim().max(300).optional(), phases: z.array(phaseInput).max(2).optional() });

export const pilotSitesQuery = z.object({ modelId: id.optional(), schoolId: id.optional() });

export const milestoneInput = z.object({
	title: z.string().trim().min(1).max(300),
	dueOn: day,
	phase: z.enum(PILOT_PHASES).nullable().optional(),
	responsible: z.string().trim().max(300).default('')
});
export type MilestoneInput = z.infer<typeof milestoneInput>;
export const milestonePatch = z.object({ status: z.enum(STORED_MILESTONE_STATUSES) });
export const milestoneParams = z.object({ id, milestoneId: id });
export const evidenceParams = z.object({ id, evidenceId: id });

/** A note and/or an https link; a file comes as multipart (field `file`). */
export const evidenceInput = z.object({
	note: z.string().trim().max(10_000).default(''),
	url: z.string().trim().max(2000).nullable().optional()
});
