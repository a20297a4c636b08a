/**
 * Bảng tổng hợp kết quả: counts and shares of learning and conduct levels, and per subject the
 * distribution of averages in the bands schools report (<3,5; 3,5–<5; 5–<6,5; 6,5–<8; ≥8), for a
 * class, a grade level (khối) or a whole school. Everything is computed by classResults over each
 * class, so a summary never disagrees with the class's own results.
 */
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { NotFoundError, ValidationError } from '../errors';
import { classes, schools, schoolYears } from '../organisations/schema';
import { classResults, type ClassResults, type Period } from './class-results';
import { LEVELS, type Level } from './rules';
import { LEVEL_TEXT, asciiSlug, periodText } from './report-card';
import { m } from '#lib/paraglide/messages.js';

// ── Pure ────────────────────────────────────────────────────────────────────────────────────────

/** The score bands, by their lower bound in tenths. */
export const BANDS = [
	{ key: 'lt35', label: '< 3,5', from: 0 },
	{ key: '35to50', label: '3,5 – < 5', from: 35 },
	{ key: '50to65', label: '5 – < 6,5', from: 50 },
	{ key: '65to80', label: '6,5 – < 8', from: 65 },
	{ key: 'ge80', label: '≥ 8', from: 80 }
] as const;
export type BandKey = (typeof BANDS)[number]['key'];

/** The band of an average (a number with one decimal, e.g. 6.5 → "6,5 – < 8"). Tenths avoid float edges. */
export function bandOf(average: number): BandKey {
	const tenths = Math.round(average * 10);
	let key: BandKey = BANDS[0].key;
	for (const b of BANDS) if (tenths >= b.from) key = b.key;
	return key;
}

export type LevelOrNone = Level | 'none';
export const LEVEL_KEYS: readonly LevelOrNone[] = [...LEVELS, 'none'];

export interface Count {
	count: number;
	/** Percent of the learners counted, one decimal (0 when there are none). */
	share: number;
}
export const share = (count: number, total: number) => (total ? Math.round((count * 1000) / total) / 10 : 0);
const counted = <K extends string>(keys: readonly K[], counts: Record<K, number>, total: number) =>
	Object.fromEntries(keys.map((k) => [k, { count: counts[k], share: share(counts[k], total) }])) as Record<K, Count>;

export interface SubjectSummary {
	id: string;
	code: string;
	name: string;
	kind: 'scored' | 'comment';
	learners: number;
	/** Scored subjects: averages per band. */
	bands: Record<BandKey, Count>;
	/** Comment subjects: Đạt / Chưa đạt. */
	pass: Count;
	fail: Count;
	incomplete: Count;
}

export interface ClassLine {
	id: string;
	name: string;
	grade: number;
	learners: number;
	learning: Record<LevelOrNone, Count>;
	conduct: Record<LevelOrNone, Count>;
}

export interface Summary {
	learners: number;
	learning: Record<LevelOrNone, Count>;
	conduct: Record<LevelOrNone, Count>;
	subjects: SubjectSummary[];
	classes: ClassLine[];
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const BAND_KEYS = BANDS.map((b) => b.key);

/** Sums the results of one or more classes (pure). Subjects are merged by id, in name order. */
export function summarize(list: Pick<ClassResults, 'class' | 'subjects' | 'rows'>[]): Summary {
	const learning = zeros(LEVEL_KEYS);
	const conduct = zeros(LEVEL_KEYS);
	const subjects = new Map<string, { s: { id: string; code: string; name: string; assessment: string }; bands: Record<BandKey, number>; pass: number; fail: number; incomplete: number; learners: number }>();
	const lines: ClassLine[] = [];
	let learners = 0;
	for (const r of list) {
		const cl = zeros(LEVEL_KEYS);
		const cc = zeros(LEVEL_KEYS);
		for (const row of r.rows) {
			cl[row.learning?.level ?? 'none']++;
			cc[row.conduct ?? 'none']++;
			for (const s of r.subjects) {
				const acc = subjects.get(s.id) ?? { s, bands: zeros(BAND_KEYS), pass: 0, fail: 0, incomplete: 0, learners: 0 };
				subjects.set(s.id, acc);
				acc.learners++;
				const o = row.subjects[s.id];
				if (!o || o.status !== 'complete') acc.incomplete++;
				else if (o.kind === 'scored') acc.bands[bandOf(o.average)]++;
				else if (o.result === 'dat') acc.pass++;
				else acc.fail++;
			}
		}
		for (const k of LEVEL_KEYS) {
			learning[k] += cl[k];
			conduct[k] += cc[k];
		}
		learners += r.rows.length;
		lines.push({ id: r.class.id, name: r.class.name, grade: r.class.grade, learners: r.rows.length, learning: counted(LEVEL_KEYS, cl, r.rows.length), conduct: counted(LEVEL_KEYS, cc, r.rows.length) });
	}
	const collator = new Intl.Collator('vi');
	return {
		learners,
		learning: counted(LEVEL_KEYS, learning, learners),
		conduct: counted(LEVEL_KEYS, conduct, learners),
		classes: lines.sort((a, b) => a.grade - b.grade || collator.compare(a.name, b.name)),
		subjects: [...subjects.values()]
			.sort((a, b) => collator.compare(a.s.name, b.s.name))
			.map((a) => ({
				id: a.s.id,
				code: a.s.code,
				name: a.s.name,
				kind: a.s.assessment === 'comment' ? 'comment' : 'scored',
				learners: a.learners,
				bands: counted(BAND_KEYS, a.bands, a.learners),
				pass: { count: a.pass, share: share(a.pass, a.learners) },
				fail: { count: a.fail, share: share(a.fail, a.learners) },
				incomplete: { count: a.incomplete, share: share(a.incomplete, a.learners) }
			}))
	};
}

// ── Service ─────────────────────────────────────────────────────────────────────────────────────

export interface SummaryQuery {
	schoolId: string;
	schoolYearId: string;
	period: Period;
	grade?: number;
	classId?: string;
}

/**
 * A school's, a grade level's or a class's summary. A school or a grade needs the right to read
 * the whole school's grades (the school leader); a class, the right to read that class's (its GVCN too).
 */
export async function gradebookSummary(db: Executor, p: Principal, q: SummaryQuery) {
	const [school] = await db.select().from(schools).where(eq(schools.id, q.schoolId));
	const [year] = school ? await db.select().from(schoolYears).where(and(eq(schoolYears.id, q.schoolYearId), eq(schoolYears.schoolId, school.id))) : [];
	if (!school || !year) throw new NotFoundError(m.error_not_found());
	let list;
	if (q.classId) {
		const [cls] = await db.select().from(classes).where(eq(classes.id, q.classId));
		if (!cls || cls.schoolYearId !== year.id) throw new NotFoundError(m.error_not_found());
		if (q.grade !== undefined && cls.grade !== q.grade) throw new ValidationError(m.gbr_class_not_in_grade(), [{ path: 'classId', message: m.gbr_class_not_in_grade() }]);
		list = [cls];
	} else {
		authorize(p, 'read', 'grade', { path: school.path });
		list = await db
			.select()
			.from(classes)
			.where(and(eq(classes.schoolYearId, year.id), ...(q.grade !== undefined ? [eq(classes.grade, q.grade)] : [])))
			.orderBy(asc(classes.grade), asc(classes.name));
	}
	const results: ClassResults[] = [];
	for (const c of list) results.push(await classResults(db, p, { classId: c.id, period: q.period }));
	const only = q.classId ? list[0] : undefined;
	return {
		scope: {
			level: only ? ('class' as const) : q.grade !== undefined ? ('grade' as const) : ('school' as const),
			schoolId: school.id,
			schoolName: school.name,
			schoolYearId: year.id,
			schoolYearName: year.name,
			grade: only ? only.grade : (q.grade ?? null),
			classId: only?.id ?? null,
			className: only?.name ?? null
		},
		period: q.period,
		...summarize(results)
	};
}
export type GradebookSummary = Awaited<ReturnType<typeof gradebookSummary>>;

// ── .xlsx ───────────────────────────────────────────────────────────────────────────────────────

export const LEVEL_LABEL: Record<LevelOrNone, string> = { ...LEVEL_TEXT, none: 'Chưa đủ điểm' };
const CONDUCT_LABEL: Record<LevelOrNone, string> = { ...LEVEL_TEXT, none: 'Chưa đánh giá' };

export function summaryTitle(s: GradebookSummary): string {
	const where = s.scope.level === 'class' ? `Lớp ${s.scope.className}` : s.scope.level === 'grade' ? `Khối ${s.scope.grade}` : 'Toàn trường';
	return `${where} - ${periodText(s.period)} - Năm học ${s.scope.schoolYearName}`;
}

export const summaryFileName = (s: GradebookSummary) =>
	`tong-hop-${asciiSlug(s.scope.level === 'class' ? `lop ${s.scope.className}` : s.scope.level === 'grade' ? `khoi ${s.scope.grade}` : 'toan truong')}-${s.period === 'year' ? 'ca-nam' : `hk${s.period}`}.xlsx`;

/** The summary as a workbook with Vietnamese headers: levels, classes, and subjects by band. */
export async function summaryXlsx(s: GradebookSummary): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Sen';
	const bold = (row: ExcelJS.Row) => (row.font = { bold: true });
	const pct = '0.0"%"';

	const ws = wb.addWorksheet('Tổng hợp');
	ws.columns = [{ width: 26 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 12 }];
	ws.addRow([s.scope.schoolName.toUpperCase()]).font = { bold: true };
	ws.addRow(['BẢNG TỔNG HỢP KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN']).font = { bold: true, size: 14 };
	ws.addRow([summaryTitle(s)]);
	ws.addRow([`Số học sinh: ${s.learners}`]);
	ws.addRow([]);
	bold(ws.addRow(['Mức đánh giá', 'Học tập: số HS', 'Học tập: tỉ lệ', 'Rèn luyện: số HS', 'Rèn luyện: tỉ lệ']));
	for (const k of LEVEL_KEYS) {
		const row = ws.addRow([k === 'none' ? 'Chưa đủ điểm / chưa đánh giá' : LEVEL_LABEL[k], s.learning[k].count, s.learning[k].share, s.conduct[k].count, s.conduct[k].share]);
		row.getCell(3).numFmt = pct;
		row.getCell(5).numFmt = pct;
	}

	const wc = wb.addWorksheet('Theo lớp');
	wc.columns = [{ width: 10 }, { width: 8 }, { width: 10 }, ...LEVEL_KEYS.map(() => ({ width: 14 }))];
	bold(wc.addRow(['Lớp', 'Khối', 'Sĩ số', ...LEVEL_KEYS.map((k) => `Học tập ${LEVEL_LABEL[k]}`), ...LEVEL_KEYS.map((k) => `Rèn luyện ${CONDUCT_LABEL[k]}`)]));
	for (const c of s.classes) wc.addRow([c.name, c.grade, c.learners, ...LEVEL_KEYS.map((k) => c.learning[k].count), ...LEVEL_KEYS.map((k) => c.conduct[k].count)]);

	const wsub = wb.addWorksheet('Theo môn');
	wsub.columns = [{ width: 30 }, { width: 10 }, ...BANDS.flatMap(() => [{ width: 10 }, { width: 10 }]), { width: 10 }, { width: 10 }, { width: 14 }];
	bold(wsub.addRow(['Môn học', 'Số HS', ...BANDS.flatMap((b) => [`${b.label}: SL`, `${b.label}: %`]), 'Đạt', 'Chưa đạt', 'Chưa đủ điểm']));
	for (const sub of s.subjects) {
		const scored = sub.kind === 'scored';
		const row = wsub.addRow([
			sub.name,
			sub.learners,
			...BANDS.flatMap((b) => (scored ? [sub.bands[b.key].count, sub.bands[b.key].share] : [null, null])),
			scored ? null : sub.pass.count,
			scored ? null : sub.fail.count,
			sub.incomplete.count
		]);
		BANDS.forEach((_, i) => (row.getCell(4 + 2 * i).numFmt = pct));
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
