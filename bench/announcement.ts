/**
 * Announcement fan-out benchmark (issue 6: "2,000 parents of a school receiving an announcement:
 * fan-out time and the ratio to a bare insert of the same rows").
 *
 *   npm run bench:announcement          (PARENTS=2000 ROUNDS=5 EMAILS=0 by default)
 *
 * In an in-memory PGlite with the demo seeded: a class of PARENTS learners, each with one parent.
 * The service path is `createAnnouncement` — policy, the conversation, the owner, the recipients
 * by one `insert … select` from guardianships × enrolments, the message, one `notify()` for every
 * parent (in-app rows; with EMAILS=1 each parent has an email address and gets an outbox row
 * too) and the audit record, in one transaction. The baseline writes the same rows with bare
 * multi-row INSERTs of precomputed values (conversation, members, message, notifications, and
 * the outbox rows with EMAILS=1) and no policy, selection or audit. Prints the median time of each
 * and the ratio. Known: with EMAILS=1 the ratio is several times higher (3.5× on a shared 2-core
 * machine), as notify() queues each email with its own INSERT (notifications/service.ts →
 * platform/outbox.ts `enqueue`), not one multi-row insert.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { migrate, openPglite } from '#lib/server/db/client';
import { seedDemoIfEmpty } from '#lib/server/seed/demo';
import { classes, enrolments, schools, schoolYears } from '#lib/server/organisations/schema';
import { guardianships, persons } from '#lib/server/people/schema';
import { notifications } from '#lib/server/notifications/schema';
import { outbox } from '#lib/server/platform/schema';
import { conversationMembers, conversations, messages } from '#lib/server/messaging/schema';
import { createAnnouncement } from '#lib/server/messaging/service';
import type { Principal } from '#lib/server/auth/principal';

const PARENTS = Number(process.env.PARENTS ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const EMAILS = process.env.EMAILS === '1';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
const chunks = <T>(xs: T[], n = 500) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

async function main() {
	const handle = await openPglite();
	await migrate(handle, resolve(import.meta.dirname, '../drizzle'));
	await seedDemoIfEmpty(handle.db, 2026);
	const db = handle.db;
	const [school] = await db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const [year] = await db.select().from(schoolYears).where(eq(schoolYears.schoolId, school.id));
	const classId = crypto.randomUUID();
	const path = `${school.path}${classId}/`;
	await db.insert(classes).values({ id: classId, schoolId: school.id, schoolYearId: year.id, name: 'B2000', grade: 6, path });
	for (const part of chunks(Array.from({ length: PARENTS }, (_, i) => i))) {
		const learners = await db
			.insert(persons)
			.values(part.map((i) => ({ kind: 'learner' as const, familyName: 'Nguyễn', middleName: 'Văn', givenName: `Học ${i + 1}`, schoolId: school.id, path })))
			.returning({ id: persons.id });
		await db.insert(enrolments).values(learners.map((l) => ({ schoolId: school.id, schoolYearId: year.id, classId, learnerId: l.id })));
		const parents = await db
			.insert(persons)
			.values(part.map((i) => ({ kind: 'guardian' as const, familyName: 'Trần', middleName: 'Thị', givenName: `Mẹ ${i + 1}`, schoolId: school.id, path: school.path, email: EMAILS ? `me${i + 1}@bench.test` : null })))
			.returning({ id: persons.id });
		await db.insert(guardianships).values(parents.map((g, j) => ({ guardianId: g.id, learnerId: learners[j].id, relation: 'mother' })));
	}
	const [teacherRow] = await db.insert(persons).values({ kind: 'staff', familyName: 'Lê', middleName: 'Thị', givenName: 'Bench', schoolId: school.id, path: school.path }).returning();
	const teacher: Principal = {
		personId: teacherRow.id,
		accountId: crypto.randomUUID(),
		username: 'bench-teacher',
		displayName: 'Lê Thị Bench',
		childIds: [],
		via: 'session',
		grants: [{ role: 'homeroom_teacher', scopeType: 'class', scopeId: classId, scopePath: path, schoolId: school.id }]
	};
	const parentIds = (await db.select({ id: guardianships.guardianId }).from(guardianships).innerJoin(enrolments, eq(enrolments.learnerId, guardianships.learnerId)).where(eq(enrolments.classId, classId))).map((r) => r.id);

	console.log(`an announcement to the ${PARENTS} parents of one class${EMAILS ? ' (each with an email address)' : ' (in-app notifications; no email addresses)'}; median of ${ROUNDS} rounds\n`);
	const serviceTimes: number[] = [];
	const rawTimes: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const t0 = performance.now();
		const r = await createAnnouncement(db, teacher, { classId, title: `Thông báo ${round}`, body: 'Họp phụ huynh lúc 8 giờ thứ Bảy.', repliesAllowed: true });
		serviceTimes.push(performance.now() - t0);
		if (r.recipients !== PARENTS) throw new Error(`expected ${PARENTS} recipients, got ${r.recipients}`);

		// Baseline: the same rows, precomputed, in bare multi-row inserts in one transaction.
		const t1 = performance.now();
		await db.transaction(async (tx) => {
			const [c] = await tx.insert(conversations).values({ schoolId: school.id, path, kind: 'class_announcement', classId, title: `Raw ${round}`, createdBy: teacher.personId }).returning({ id: conversations.id });
			await tx.insert(conversationMembers).values([{ conversationId: c.id, personId: teacher.personId, role: 'owner' }, ...parentIds.map((personId) => ({ conversationId: c.id, personId, role: 'recipient' as const }))]);
			await tx.insert(messages).values({ conversationId: c.id, authorId: teacher.personId, body: 'Họp phụ huynh lúc 8 giờ thứ Bảy.' });
			await tx.insert(notifications).values(parentIds.map((personId) => ({ personId, schoolId: school.id, kind: 'messaging.announcement', title: 'Thông báo', body: '', link: `/messages/${c.id}`, key: `raw:${c.id}` })));
			if (EMAILS) await tx.insert(outbox).values(parentIds.map((_, i) => ({ channel: 'email' as const, recipient: `me${i + 1}@bench.test`, subject: 'Thông báo', body: '' })));
		});
		rawTimes.push(performance.now() - t1);
	}
	const service = median(serviceTimes);
	const raw = median(rawTimes);
	console.log(`fan-out to ${PARENTS} parents   service ${ms(service)}   bare insert ${ms(raw)}   ratio ${(service / raw).toFixed(1)}×   per parent ${((service / PARENTS) * 1000).toFixed(0)} µs`);
	await handle.close();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
