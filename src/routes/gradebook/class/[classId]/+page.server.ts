import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContext } from '#lib/server/context';
import { can } from '#lib/server/auth/policy';
import { formFailure, requirePrincipal } from '#lib/server/http/pages';
import { parse } from '#lib/server/http/validate';
import { ConflictError, ValidationError } from '#lib/server/errors';
import { classContext } from '#lib/server/gradebook/service';
import { classResults, saveConduct, type Period } from '#lib/server/gradebook/class-results';
import { conductInput } from '#lib/server/gradebook/inputs';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { m } from '#lib/paraglide/messages.js';

const periodOf = (url: URL): Period => {
	const v = url.searchParams.get('period');
	return v === '2' ? 2 : v === 'year' ? 'year' : 1;
};

/** "Khoa học tự nhiên" → "KHTN", "Lịch sử và Địa lí" → "LSĐL"; short names stay as they are. */
function subjectShortName(name: string): string {
	if (name.length <= 8) return name;
	const words = name.split(/[\s,]+/).filter((w) => w && w.toLowerCase() !== 'và');
	return words.map((w) => w[0].toUpperCase()).join('');
}

/**
 * Kết quả của lớp: the homeroom teacher's (and the leader's) table of every learner across the
 * subjects for HK I, HK II or the year, and in a term the homeroom teacher's conduct form.
 */
export const load: PageServerLoad = async (event) => {
	const p = requirePrincipal(event);
	const { db } = getContext();
	const classId = idOr404(event.params.classId);
	const period = periodOf(event.url);
	const results = await orErrorPage(() => classResults(db, p, { classId, period }));
	const cls = await classContext(db, classId);
	const canEditConduct = period !== 'year' && results.class.stage !== 'primary' && !!cls && can(p, 'update', 'conduct', { path: cls.path });
	return {
		results,
		period: String(period) as '1' | '2' | 'year',
		subjects: results.subjects.map((s) => ({ id: s.id, name: s.name, short: subjectShortName(s.name), assessment: s.assessment })),
		canEditConduct
	};
};

type Typed = { level: string; comment: string };
export type ConductFailure = {
	form: 'conduct';
	message: string;
	/** Learner id → the problem with that learner's row. */
	rowErrors: Record<string, string>;
	/** Learner id → what someone else saved meanwhile. */
	conflicts: Record<string, Typed>;
	typed: Record<string, Typed>;
	versions: Record<string, number>;
	origs: Record<string, Typed>;
};

export const actions: Actions = {
	/**
	 * Saves the conduct form (works without JavaScript): only the learners whose level or comment
	 * differs from what the page showed are sent, all or nothing; a stale version is a 409 that
	 * keeps what was typed and shows the other person's values.
	 */
	conduct: async (event) => {
		const p = requirePrincipal(event);
		const classId = idOr404(event.params.classId);
		const form = await event.request.formData();
		const str = (k: string) => {
			const v = form.get(k);
			return typeof v === 'string' ? v : '';
		};
		const term = str('term') === '2' ? 2 : 1;
		const failure: ConductFailure = { form: 'conduct', message: '', rowErrors: {}, conflicts: {}, typed: {}, versions: {}, origs: {} };
		const changed: { learnerId: string; level: string | null; comment: string; version: number }[] = [];
		for (const id of form.getAll('learner').filter((v): v is string => typeof v === 'string')) {
			const typed = { level: str(`level:${id}`), comment: str(`comment:${id}`).trim() };
			const orig = { level: str(`origLevel:${id}`), comment: str(`origComment:${id}`).trim() };
			const version = Number(str(`version:${id}`));
			failure.typed[id] = typed;
			failure.origs[id] = orig;
			failure.versions[id] = Number.isInteger(version) && version >= 0 ? version : 0;
			if (typed.level === orig.level && typed.comment === orig.comment) continue;
			changed.push({ learnerId: id, level: typed.level || null, comment: typed.comment, version: failure.versions[id] });
		}
		if (!changed.length) return { done: 'conduct' as const, count: 0 };
		try {
			const input = parse(conductInput, { classId, term, rows: changed });
			const saved = await saveConduct(getContext().db, p, input);
			return { done: 'conduct' as const, count: saved.rows.length };
		} catch (e) {
			if (!(e instanceof ValidationError || e instanceof ConflictError)) return formFailure(e, {}, 'conduct');
			failure.message = e.message;
			if (e instanceof ValidationError) {
				for (const issue of e.issues) {
					const [, index, field] = issue.path.split('.');
					const row = changed[Number(index)];
					if (row) failure.rowErrors[row.learnerId] ??= field === 'level' ? m.gb_conduct_invalid() : issue.message;
				}
				return fail(400, failure);
			}
			const rows = (e.details as { rows?: { learnerId: string; level: string | null; comment: string; version: number }[] } | undefined)?.rows ?? [];
			for (const r of rows) {
				// Save again = a deliberate overwrite: the form now carries the current version.
				failure.conflicts[r.learnerId] = { level: r.level ?? '', comment: r.comment };
				failure.origs[r.learnerId] = { level: r.level ?? '', comment: r.comment };
				failure.versions[r.learnerId] = r.version;
			}
			failure.message = m.gbc_conflict_title({ count: rows.length });
			return fail(409, failure);
		}
	}
};
