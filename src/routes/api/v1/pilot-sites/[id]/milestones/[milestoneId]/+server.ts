import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { milestonePatch, milestoneParams } from '#lib/server/programs/pilot-inputs';
import { setMilestoneStatus } from '#lib/server/programs/pilot-service';

export const PATCH = endpoint({ body: milestonePatch }, ({ db, p, event, body }) => {
	const { id, milestoneId } = parse(milestoneParams, event.params);
	return setMilestoneStatus(db, p, id, milestoneId, body.status);
});
