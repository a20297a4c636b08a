import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { engagementAnswer } from '#lib/server/network/inputs';
import { answerEngagement } from '#lib/server/network/service';

export const POST = endpoint({ body: engagementAnswer }, ({ db, p, event, body }) => answerEngagement(db, p, parse(idParam, event.params).id, body));
