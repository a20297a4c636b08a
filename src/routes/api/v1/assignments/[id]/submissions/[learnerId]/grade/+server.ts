import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { gradeInput, learnerParams } from '#lib/server/learning/assignment-inputs';
import { gradeSubmission } from '#lib/server/learning/assignments';

export const PUT = endpoint({ body: gradeInput }, ({ db, p, event, body }) => {
	const { id, learnerId } = parse(learnerParams, event.params);
	return gradeSubmission(db, p, id, learnerId, body);
});
