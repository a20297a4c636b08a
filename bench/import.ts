/**
 * Import benchmark: 5,000 learner rows (with class and parent) as an .xlsx, checked and imported
 * into a fresh in-memory PGlite with the demo seed, phase by phase, against a baseline measured in
 * the same run: one multi-row INSERT per 1,000 of the same 5,000 persons, in one transaction.
 *
 *   npm run bench:import        (or: node --experimental-transform-types --import ./bench/ts-hooks.js bench/import.ts)
 *
 * ROWS=20000 changes the size. Needs the compiled messages (src/lib/paraglide), which the npm
 * script and every build produce.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { and, count, eq, like, sql } from 'drizzle-orm';
import { migrate, openPglite } from '#lib/server/db/client';
import { seedDemoIfEmpty } from '#lib/server/seed/demo';
import { classes, schools } from '#lib/server/organisations/schema';
import { persons } from '#lib/server/people/schema';
import { auditLog } from '#lib/server/audit/schema';
import type { Principal } from '#lib/server/auth/principal';
import { locateTable, readRows } from '#lib/server/imports/parse';
import { commitImport, previewImport } from '#lib/server/imports/service';
import { LEARNER_COLUMNS } from '#lib/server/imports/columns';

const ROWS = Number(process.env.ROWS ?? 5000);
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Ngọc', 'Đức', 'Gia', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Khánh', 'Linh', 'Mai', 'Nam', 'Phương', 'Quân', 'Trang'];

async function time<T>(label: string, phases: [string, number][], fn: () => Promise<T>): Promise<T> {
	const t0 = performance.now();
	const result = await fn();
	phases.push([label, performance.now() - t0]);
	return result;
}

async function main() {
	const phases: [string, number][] = [];
	const handle = await time('open + migrate + seed', phases, async () => {
		const h = await openPglite();
		await migrate(h, resolve(import.meta.dirname, '../drizzle'));
		await seedDemoIfEmpty(h.db, 2026);
		return h;
	});
	const db = handle.db;
	const [school] = await db.select().from(schools).where(eq(schools.code, 'THCS-BINHYEN'));
	const classNames = (await db.select({ name: classes.name }).from(classes).where(eq(classes.schoolId, school.id))).map((c) => c.name);
	const leader: Principal = {
		personId: crypto.randomUUID(),
		accountId: crypto.randomUUID(),
		username: 'bench',
		displayName: 'Bench',
		grants: [{ role: 'school_leader', scopeType: 'school', scopeId: school.id, scopePath: school.path, schoolId: school.id }],
		childIds: [],
		via: 'session'
	};

	// Every third learner shares a parent with the one before (siblings), as real lists do.
	const rows = Array.from({ length: ROWS }, (_, i) => {
		const name = `${FAMILY[i % 10]} ${MIDDLE[i % 8]} ${GIVEN[i % 12]}`;
		const family = i % 3 === 2 ? i - 1 : i;
		return [i + 1, `B${String(i).padStart(7, '0')}`, name, `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2013`, i % 2 ? 'Nữ' : 'Nam', classNames[i % classNames.length], `${FAMILY[family % 10]} Văn Phụ`, i % 2 ? 'Mẹ' : 'Cha', `09${String(10_000_000 + family).padStart(8, '0')}`, ''];
	});
	const bytes = await time('generate .xlsx', phases, async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Học sinh');
		ws.addRow(['DANH SÁCH HỌC SINH']);
		ws.addRow(LEARNER_COLUMNS.map((c) => c.header));
		for (const r of rows) ws.addRow(r);
		return new Uint8Array(await wb.xlsx.writeBuffer());
	});
	const upload = { name: 'bench.xlsx', bytes };
	const fields = { schoolId: school.id };

	await time('parse (.xlsx → rows)', phases, async () => locateTable('learners', await readRows(bytes, upload.name)));
	const preview = await time('preview (parse + validate)', phases, () => previewImport(db, leader, 'learners', fields, upload));
	if (preview.errors.length) throw new Error(`the generated file has errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
	const before = Number((await db.select({ n: count() }).from(persons))[0].n);
	const result = await time('commit (parse + validate + write)', phases, () => commitImport(db, leader, 'learners', fields, upload));
	const after = Number((await db.select({ n: count() }).from(persons))[0].n);
	const audits = Number((await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, 'person')))[0].n);
	const { guardians } = result.created as { guardians: number };
	if (after - before !== ROWS + guardians) throw new Error('not every row was written');

	// Baseline: the same learners as raw multi-row INSERTs (no validation, enrolment, parent or audit).
	await time('baseline: raw INSERT of the persons', phases, () =>
		db.transaction(async (tx) => {
			for (let i = 0; i < rows.length; i += 1000) {
				const values = rows.slice(i, i + 1000).map((r) => {
					const [family, ...rest] = String(r[2]).split(' ');
					return sql`('learner', ${family}, ${rest.slice(0, -1).join(' ')}, ${rest[rest.length - 1]}, ${'R' + String(r[1])}, ${school.id}::uuid, ${school.path})`;
				});
				await tx.execute(sql`insert into persons (kind, family_name, middle_name, given_name, learner_code, school_id, path) values ${sql.join(values, sql`, `)}`);
			}
		})
	);
	const raw = Number((await db.select({ n: count() }).from(persons).where(and(eq(persons.kind, 'learner'), like(persons.learnerCode, 'RB%'))))[0].n);
	if (raw !== ROWS) throw new Error('baseline did not insert every row');
	await handle.close();

	const ms = Object.fromEntries(phases);
	const width = Math.max(...phases.map(([l]) => l.length));
	for (const [label, t] of phases) console.log(`${label.padEnd(width)}  ${(t / 1000).toFixed(2).padStart(7)} s`);
	const write = ms['commit (parse + validate + write)'] - ms['preview (parse + validate)'];
	console.log(`${'≈ write alone (commit − preview)'.padEnd(width)}  ${(write / 1000).toFixed(2).padStart(7)} s`);
	console.log(`created: ${JSON.stringify(result.created)}, person audit rows: ${audits}`);
	const commit = ms['commit (parse + validate + write)'];
	const baseline = ms['baseline: raw INSERT of the persons'];
	console.log(`import ${ROWS} rows: ${(commit / 1000).toFixed(1)} s (ratio ${(commit / baseline).toFixed(1)}× raw insert)`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
