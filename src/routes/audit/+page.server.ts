import type { PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { requirePrincipal } from '#lib/server/http/pages';
import { auditQuery } from '#lib/server/http/queries';
import { authorizeList } from '#lib/server/auth/authorize';
import { listAudit } from '#lib/server/audit/service';
import { orErrorPage } from '#lib/server/organisations/views';
import { actorNames } from '#lib/server/people/views';

const PAGE_SIZE = 50;
/** Bookkeeping columns that change with every write and say nothing to a reader. */
const NOISE = new Set(['id', 'path', 'createdAt', 'updatedAt', 'passwordChangedAt', 'scopePath']);

export interface Change {
	field: string;
	before: string;
	after: string;
}

const MAX_VALUE = 120;
function show(v: unknown): string {
	const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
	return text.length > MAX_VALUE ? text.slice(0, MAX_VALUE - 1) + '…' : text;
}

/** The fields whose values differ between the before and after images, in a stable order. */
function changes(before: unknown, after: unknown): Change[] {
	const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
	const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
	return [...new Set([...Object.keys(b), ...Object.keys(a)])]
		.filter((k) => !NOISE.has(k) && show(b[k]) !== show(a[k]))
		.map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	await orErrorPage(async () => authorizeList(p, 'audit'));
	const raw = Object.fromEntries([...event.url.searchParams].filter(([k, v]) => v !== '' && k !== 'limit'));
	const parsed = auditQuery.safeParse({ ...raw, limit: PAGE_SIZE });
	const query = parsed.success ? parsed.data : auditQuery.parse({ limit: PAGE_SIZE });
	const rows = await listAudit(db, p, query);
	const names = await actorNames(db, rows.map((r) => r.actorId));
	return {
		entityType: query.entityType ?? '',
		isFirstPage: !query.before,
		older: rows.length === PAGE_SIZE ? rows[rows.length - 1].id : null,
		rows: rows.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			actor: r.actorId ? (names.get(r.actorId) ?? '') : null,
			action: r.action,
			entityType: r.entityType,
			entityId: r.entityId,
			changes: changes(r.before, r.after)
		}))
	};
};
