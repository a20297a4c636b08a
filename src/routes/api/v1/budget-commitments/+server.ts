import { endpoint } from '#lib/server/http/api';
import { commitmentInput, entriesQuery } from '#lib/server/programs/budget-inputs';
import { createCommitment, listCommitments, plain } from '#lib/server/programs/budget-service';

export const GET = endpoint({ query: entriesQuery }, async ({ db, p, query }) => plain({ items: await listCommitments(db, p, query) }));
export const POST = endpoint({ body: commitmentInput, status: 201 }, async ({ db, p, body }) => plain(await createCommitment(db, p, body)));
