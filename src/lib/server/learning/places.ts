/**
 * Learning places (địa điểm học tập trải nghiệm): the directory, searchable ignoring diacritics,
 * and the links from lessons. Where a place lives decides who sees it (policy kind
 * `learning_place`, scope `alongPath`): a school's place within the school, a unit's or the
 * city's everywhere below. Every write is audited in its transaction.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize, authorizeCreate, authorizeList } from '../auth/authorize';
import { can, scopeCondition } from '../auth/policy';
import { writeAudit } from '../audit/service';
import { ForbiddenError, ValidationError } from '../errors';
import { orgUnits, schools } from '../organisations/schema';
import { lessons } from './lesson-schema';
import { learningPlaces, lessonPlaces } from './place-schema';
import { coordinateProblems, type PlaceKind, type PlaceLevel } from './place-rules';
import { m } from '#lib/paraglide/messages.js';
import { escapeLike } from '../db/like';

type Place = typeof learningPlaces.$inferSelect;

export interface PlaceInput {
	name: string;
	kind: PlaceKind;
	wardId?: string | null;
	address: string;
	latitude?: number | null;
	longitude?: number | null;
	contact: string;
	learning: string;
	levels: PlaceLevel[];
}

export interface PlaceFilter {
	q?: string;
	kind?: PlaceKind;
	level?: PlaceLevel;
}

const placeScope = (p: Principal, action: 'read' | 'update' = 'read') => scopeCondition(p, action, 'learning_place', { path: learningPlaces.path, authorId: learningPlaces.createdBy });
const placeResource = (r: Place) => ({ path: r.path, authorId: r.createdBy });

/** Checks coordinates and the ward; the messages say how to fix them. */
async function checkInput(db: Executor, input: PlaceInput) {
	const text = { latitude_range: m.plc_latitude_range(), longitude_range: m.plc_longitude_range(), both_or_neither: m.plc_both_or_neither() };
	const issues: { path: string; message: string }[] = coordinateProblems(input.latitude, input.longitude).map((c) => ({ path: c.path, message: text[c.problem] }));
	if (input.wardId) {
		const [ward] = await db.select({ kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, input.wardId));
		if (ward?.kind !== 'commune_ward') issues.push({ path: 'wardId', message: m.plc_ward_unknown() });
	}
	if (issues.length) throw new ValidationError(m.error_invalid_input(), issues);
}

/**
 * Where the caller's new place goes: the broadest scope they may add places in — a unit's or the
 * city's for officers, the school's for its staff (a teacher's class grant counts for its school).
 */
async function placeHome(db: Executor, p: Principal): Promise<{ path: string; schoolId: string | null } | null> {
	const candidates: { path: string; schoolId: string | null }[] = [];
	for (const g of p.grants) {
		if (g.schoolId) {
			const [s] = await db.select({ path: schools.path }).from(schools).where(eq(schools.id, g.schoolId));
			if (s) candidates.push({ path: s.path, schoolId: g.schoolId });
		} else candidates.push({ path: g.scopePath, schoolId: null });
	}
	const allowed = candidates.filter((c) => can(p, 'create', 'learning_place', { path: c.path }));
	return allowed.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
}

const values = (input: PlaceInput) => ({
	name: input.name,
	kind: input.kind,
	wardId: input.wardId ?? null,
	address: input.address,
	latitude: input.latitude ?? null,
	longitude: input.longitude ?? null,
	contact: input.contact,
	learning: input.learning,
	levels: [...new Set(input.levels)]
});

export async function createPlace(db: Executor, p: Principal, input: PlaceInput) {
	const home = await placeHome(db, p);
	if (!home) throw new ForbiddenError(m.error_forbidden());
	authorizeCreate(p, 'learning_place', { path: home.path, authorId: p.personId });
	await checkInput(db, input);
	return db.transaction(async (tx) => {
		const [place] = await tx.insert(learningPlaces).values({ ...values(input), schoolId: home.schoolId, path: home.path, createdBy: p.personId }).returning();
		await writeAudit(tx, p, { action: 'create', entityType: 'learning_place', entityId: place.id, scopePath: place.path, schoolId: place.schoolId, after: place });
		return place;
	});
}

export async function updatePlace(db: Executor, p: Principal, id: string, input: PlaceInput) {
	const [before] = await db.select().from(learningPlaces).where(eq(learningPlaces.id, id));
	authorize(p, 'update', 'learning_place', before ? placeResource(before) : undefined);
	await checkInput(db, input);
	return db.transaction(async (tx) => {
		const [place] = await tx.update(learningPlaces).set({ ...values(input), updatedAt: new Date() }).where(eq(learningPlaces.id, id)).returning();
		await writeAudit(tx, p, { action: 'update', entityType: 'learning_place', entityId: id, scopePath: place.path, schoolId: place.schoolId, before, after: place });
		return place;
	});
}

/** The places the caller may see, by name (diacritics ignored: "bat trang" finds "Bát Tràng"), kind and level. */
export async function listPlaces(db: Executor, p: Principal, f: PlaceFilter) {
	authorizeList(p, 'learning_place');
	const conds: SQL[] = [placeScope(p)];
	for (const w of (f.q ?? '').trim().split(/\s+/).filter(Boolean)) conds.push(sql`lower(unaccent(${learningPlaces.name})) like '%' || lower(unaccent(${escapeLike(w)})) || '%'`);
	if (f.kind) conds.push(eq(learningPlaces.kind, f.kind));
	if (f.level) conds.push(sql`${learningPlaces.levels} @> ${JSON.stringify([f.level])}::jsonb`);
	const rows = await db
		.select({ place: learningPlaces, wardName: orgUnits.name })
		.from(learningPlaces)
		.leftJoin(orgUnits, eq(orgUnits.id, learningPlaces.wardId))
		.where(and(...conds))
		.orderBy(asc(learningPlaces.name))
		.limit(500);
	const collator = new Intl.Collator('vi');
	return rows.map((r) => ({ ...r.place, wardName: r.wardName })).sort((a, b) => collator.compare(a.name, b.name));
}

/** One place, its ward, whether the caller may edit it, and the lessons using it that they may see. */
export async function getPlace(db: Executor, p: Principal, id: string) {
	const [row] = await db.select({ place: learningPlaces, wardName: orgUnits.name }).from(learningPlaces).leftJoin(orgUnits, eq(orgUnits.id, learningPlaces.wardId)).where(eq(learningPlaces.id, id));
	authorize(p, 'read', 'learning_place', row ? placeResource(row.place) : undefined);
	const linked = await db
		.select({ id: lessons.id, title: lessons.title, path: lessons.path, authorId: lessons.authorId })
		.from(lessonPlaces)
		.innerJoin(lessons, eq(lessons.id, lessonPlaces.lessonId))
		.where(eq(lessonPlaces.placeId, id))
		.orderBy(asc(lessons.title));
	return {
		...row.place,
		wardName: row.wardName,
		canEdit: can(p, 'update', 'learning_place', placeResource(row.place)),
		lessons: linked.filter((l) => can(p, 'read', 'lesson', { path: l.path, authorId: l.authorId })).map((l) => ({ id: l.id, title: l.title }))
	};
}

/** A place the caller may read, or a 400 on the field that named it (never 404: it is an input). */
export async function readablePlace(db: Executor, p: Principal, placeId: string, field = 'placeId') {
	const [place] = await db.select().from(learningPlaces).where(eq(learningPlaces.id, placeId));
	if (!place || !can(p, 'read', 'learning_place', placeResource(place))) throw new ValidationError(m.error_invalid_input(), [{ path: field, message: m.plc_unknown() }]);
	return place;
}

async function editableLesson(db: Executor, p: Principal, lessonId: string) {
	const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
	authorize(p, 'update', 'lesson', lesson ? { path: lesson.path, authorId: lesson.authorId } : undefined);
	return lesson;
}

/** The lesson's author links a place they may see to it (again: nothing changes). Audited. */
export async function linkLessonPlace(db: Executor, p: Principal, lessonId: string, placeId: string) {
	const lesson = await editableLesson(db, p, lessonId);
	const place = await readablePlace(db, p, placeId);
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(lessonPlaces).values({ lessonId, placeId }).onConflictDoNothing().returning();
		if (row) await writeAudit(tx, p, { action: 'link_place', entityType: 'lesson', entityId: lessonId, scopePath: lesson.path, schoolId: lesson.schoolId, after: { placeId, name: place.name } });
		return { lessonId, placeId };
	});
}

export async function unlinkLessonPlace(db: Executor, p: Principal, lessonId: string, placeId: string) {
	const lesson = await editableLesson(db, p, lessonId);
	await db.transaction(async (tx) => {
		const [row] = await tx.delete(lessonPlaces).where(and(eq(lessonPlaces.lessonId, lessonId), eq(lessonPlaces.placeId, placeId))).returning();
		if (row) await writeAudit(tx, p, { action: 'unlink_place', entityType: 'lesson', entityId: lessonId, scopePath: lesson.path, schoolId: lesson.schoolId, before: { placeId } });
	});
}

/** The places linked to a lesson, those of them the caller may see. */
export async function placesOfLesson(db: Executor, p: Principal, lessonId: string) {
	const [lesson] = await db.select({ path: lessons.path, authorId: lessons.authorId }).from(lessons).where(eq(lessons.id, lessonId));
	authorize(p, 'read', 'lesson', lesson);
	const rows = await db
		.select({ id: learningPlaces.id, name: learningPlaces.name, kind: learningPlaces.kind, address: learningPlaces.address })
		.from(lessonPlaces)
		.innerJoin(learningPlaces, eq(learningPlaces.id, lessonPlaces.placeId))
		.where(and(eq(lessonPlaces.lessonId, lessonId), placeScope(p)))
		.orderBy(asc(learningPlaces.name));
	return rows;
}

/** Communes and wards, for the place form's ward choice (the tree's names are not private). */
export async function wardChoices(db: Executor) {
	const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.kind, 'commune_ward'));
	const collator = new Intl.Collator('vi');
	return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** A place from its form (add or edit): coordinates with a decimal comma or point, levels as checkboxes. */
export function placeFromForm(form: FormData) {
	const v = (k: string) => {
		const x = form.get(k);
		return typeof x === 'string' && x.trim() !== '' ? x : undefined;
	};
	const degrees = (s: string | undefined) => (s === undefined ? null : Number(s.trim().replace(',', '.')));
	return {
		name: v('name'),
		kind: v('kind'),
		wardId: v('wardId') ?? null,
		address: v('address') ?? '',
		latitude: degrees(v('latitude')),
		longitude: degrees(v('longitude')),
		contact: v('contact') ?? '',
		learning: v('learning') ?? '',
		levels: form.getAll('levels').map(String)
	};
}
