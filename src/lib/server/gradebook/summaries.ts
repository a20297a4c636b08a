/**
 * Bảng tổng hợp kết quả: counts and shares of learning and conduct levels, and per subject the
 * distribution of averages in the bands schools report (<3,5; 3,5–<5; 5–<6,5; 6,5–<8; ≥8), for a
 * class, a grade level (khối) or a whole school. Primary classes (TT27) are counted apart: per
 * subject the levels T/H/C, and for the year the results of Điều 9; a multi-level school's summary
 * has both parts. Everything is computed by classResults over each class, so a summary never
 * disagrees with the class's own results.
 */
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/authorize';
import { NotFoundError, ValidationError } from '../errors';
import { classes, schools, schoolYears } from '../organisations/schema';
import { classResults, type ClassResults, type Period } from './class-results';
import { LEVELS, SUBJECT_LEVELS, type Level, type PrimaryYearResult, type SubjectLevel } from './rules';
import { LEVEL_TEXT, PRIMARY_LEVEL_TEXT, PRIMARY_RESULT_TEXT, asciiSlug, periodText } from './report-card';
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

/** Primary subject levels (TT27 Điều 7 khoản 1), 'none' while not given. */
export const PRIMARY_LEVEL_KEYS = [...SUBJECT_LEVELS, 'none'] as const;
export type PrimaryLevelOrNone = (typeof PRIMARY_LEVEL_KEYS)[number];
/** Primary year-end results (TT27 Điều 9), 'none' while incomplete. */
export const PRIMARY_RESULT_KEYS = ['htxs', 'htt', 'ht', 'cht', 'none'] as const satisfies readonly (PrimaryYearResult | 'none')[];
export type PrimaryResultOrNone = (typeof PRIMARY_RESULT_KEYS)[number];

export interface ClassLine {
	id: string;
	name: string;
	grade: number;
	stage: 'primary' | 'secondary';
	learners: number;
	/** Secondary classes; all 'none' for a primary class. */
	learning: Record<LevelOrNone, Count>;
	conduct: Record<LevelOrNone, Count>;
	/** Primary classes, year only: the results of Điều 9. */
	primaryResults: Record<PrimaryResultOrNone, Count> | null;
}

export interface PrimarySubjectSummary {
	id: string;
	code: string;
	name: string;
	learners: number;
	/** The level at the end of the term (cuối HK I) or the year (cuối năm). */
	levels: Record<PrimaryLevelOrNone, Count>;
}

/** The primary classes' part: shares are of their pupils only. */
export interface PrimarySummary {
	learners: number;
	/** Year only (TT27 Điều 9 assigns the result at year end); null for a term. */
	results: Record<PrimaryResultOrNone, Count> | null;
	subjects: PrimarySubjectSummary[];
}

export interface Summary {
	/** Every class's learners. */
	learners: number;
	/** Which parts the scope has: secondary (TT22; also any class that is not primary) and primary (TT27). */
	sections: { secondary: boolean; primary: boolean };
	/** The secondary part: shares are of the secondary classes' learners. */
	learning: Record<LevelOrNone, Count>;
	conduct: Record<LevelOrNone, Count>;
	subjects: SubjectSummary[];
	classes: ClassLine[];
	primary: PrimarySummary | null;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const BAND_KEYS = BANDS.map((b) => b.key);

type SubjectRef = { id: string; code: string; name: string; assessment: string };

/**
 * Sums the results of one or more classes (pure). Subjects are merged by id, in name order.
 * Primary classes (class.stage 'primary') go to the primary part, every other class to the secondary one.
 */
export function summarize(list: Pick<ClassResults, 'class' | 'subjects' | 'rows'>[], period: Period = 1): Summary {
	const learning = zeros(LEVEL_KEYS);
	const conduct = zeros(LEVEL_KEYS);
	const subjects = new Map<string, { s: SubjectRef; bands: Record<BandKey, number>; pass: number; fail: number; incomplete: number; learners: number }>();
	const primarySubjects = new Map<string, { s: SubjectRef; levels: Record<PrimaryLevelOrNone, number>; learners: number }>();
	const primaryResults = zeros(PRIMARY_RESULT_KEYS);
	const lines: ClassLine[] = [];
	let learners = 0;
	let secondaryLearners = 0;
	let primaryLearners = 0;
	let secondaryClasses = 0;
	let primaryClasses = 0;
	const isYear = period === 'year';
	for (const r of list) {
		learners += r.rows.length;
		if (r.class.stage === 'primary') {
			primaryClasses++;
			primaryLearners += r.rows.length;
			const results = zeros(PRIMARY_RESULT_KEYS);
			for (const row of r.rows) {
				const outcome = row.primaryResult;
				results[outcome?.status === 'complete' ? outcome.result : 'none']++;
				for (const s of r.subjects) {
					const acc = primarySubjects.get(s.id) ?? { s, levels: zeros(PRIMARY_LEVEL_KEYS), learners: 0 };
					primarySubjects.set(s.id, acc);
					acc.learners++;
					const level = row.primarySubjects?.[s.id]?.level;
					acc.levels[level && (SUBJECT_LEVELS as readonly string[]).includes(level) ? (level as SubjectLevel) : 'none']++;
				}
			}
			for (const k of PRIMARY_RESULT_KEYS) primaryResults[k] += results[k];
			const none = counted(LEVEL_KEYS, { ...zeros(LEVEL_KEYS), none: r.rows.length }, r.rows.length);
			lines.push({ id: r.class.id, name: r.class.name, grade: r.class.grade, stage: 'primary', learners: r.rows.length, learning: none, conduct: none, primaryResults: isYear ? counted(PRIMARY_RESULT_KEYS, results, r.rows.length) : null });
			continue;
		}
		secondaryClasses++;
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
		secondaryLearners += r.rows.length;
		lines.push({
			id: r.class.id,
			name: r.class.name,
			grade: r.class.grade,
			stage: 'secondary',
			learners: r.rows.length,
			learning: counted(LEVEL_KEYS, cl, r.rows.length),
			conduct: counted(LEVEL_KEYS, cc, r.rows.length),
			primaryResults: null
		});
	}
	const collator = new Intl.Collator('vi');
	const byName = (a: { s: SubjectRef }, b: { s: SubjectRef }) => collator.compare(a.s.name, b.s.name);
	return {
		learners,
		sections: { secondary: secondaryClasses > 0 || primaryClasses === 0, primary: primaryClasses > 0 },
		primary: primaryClasses
			? {
					learners: primaryLearners,
					results: isYear ? counted(PRIMARY_RESULT_KEYS, primaryResults, primaryLearners) : null,
					subjects: [...primarySubjects.values()].sort(byName).map((a) => ({ id: a.s.id, code: a.s.code, name: a.s.name, learners: a.learners, levels: counted(PRIMARY_LEVEL_KEYS, a.levels, a.learners) }))
				}
			: null,
		learning: counted(LEVEL_KEYS, learning, secondaryLearners),
		conduct: counted(LEVEL_KEYS, conduct, secondaryLearners),
		classes: lines.sort((a, b) => a.grade - b.grade || collator.compare(a.name, b.name)),
		subjects: [...subjects.values()]
			.sort(byName)
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
		...summarize(results, q.period)
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

export const PRIMARY_LEVEL_LABEL: Record<PrimaryLevelOrNone, string> = { ...PRIMARY_LEVEL_TEXT, none: 'Chưa đánh giá' };
export const PRIMARY_RESULT_LABEL: Record<PrimaryResultOrNone, string> = { ...PRIMARY_RESULT_TEXT, none: 'Chưa đủ kết quả' };

/**
 * The summary as a workbook with Vietnamese headers: levels, classes, and subjects by band; for
 * primary classes the results of Điều 9 and subjects by level, on sheets of their own ("Tiểu học - …"
 * when the scope also has secondary classes).
 */
export async function summaryXlsx(s: GradebookSummary): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Sen';
	const bold = (row: ExcelJS.Row) => (row.font = { bold: true });
	const pct = '0.0"%"';
	const { secondary } = s.sections;
	const primary = s.primary;

	const ws = wb.addWorksheet('Tổng hợp');
	ws.columns = [{ width: 26 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 12 }];
	ws.addRow([s.scope.schoolName.toUpperCase()]).font = { bold: true };
	const heading = !primary ? 'BẢNG TỔNG HỢP KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN' : secondary ? 'BẢNG TỔNG HỢP KẾT QUẢ GIÁO DỤC' : 'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC';
	ws.addRow([heading]).font = { bold: true, size: 14 };
	ws.addRow([summaryTitle(s)]);
	ws.addRow([`Số học sinh: ${s.learners}`]);
	if (secondary) {
		ws.addRow([]);
		if (primary) bold(ws.addRow([`Trung học: ${s.learners - primary.learners} học sinh`]));
		bold(ws.addRow(['Mức đánh giá', 'Học tập: số HS', 'Học tập: tỉ lệ', 'Rèn luyện: số HS', 'Rèn luyện: tỉ lệ']));
		for (const k of LEVEL_KEYS) {
			const row = ws.addRow([k === 'none' ? 'Chưa đủ điểm / chưa đánh giá' : LEVEL_LABEL[k], s.learning[k].count, s.learning[k].share, s.conduct[k].count, s.conduct[k].share]);
			row.getCell(3).numFmt = pct;
			row.getCell(5).numFmt = pct;
		}
	}
	if (primary) {
		ws.addRow([]);
		if (secondary) bold(ws.addRow([`Tiểu học: ${primary.learners} học sinh`]));
		if (primary.results) {
			bold(ws.addRow(['Kết quả giáo dục', 'Số HS', 'Tỉ lệ']));
			for (const k of PRIMARY_RESULT_KEYS) ws.addRow([PRIMARY_RESULT_LABEL[k], primary.results[k].count, primary.results[k].share]).getCell(3).numFmt = pct;
		} else ws.addRow(['Kết quả giáo dục được đánh giá vào cuối năm học.']);
	}

	if (secondary) {
		const wc = wb.addWorksheet('Theo lớp');
		wc.columns = [{ width: 10 }, { width: 8 }, { width: 10 }, ...LEVEL_KEYS.map(() => ({ width: 14 }))];
		bold(wc.addRow(['Lớp', 'Khối', 'Sĩ số', ...LEVEL_KEYS.map((k) => `Học tập ${LEVEL_LABEL[k]}`), ...LEVEL_KEYS.map((k) => `Rèn luyện ${CONDUCT_LABEL[k]}`)]));
		for (const c of s.classes.filter((x) => x.stage !== 'primary')) wc.addRow([c.name, c.grade, c.learners, ...LEVEL_KEYS.map((k) => c.learning[k].count), ...LEVEL_KEYS.map((k) => c.conduct[k].count)]);

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
	}

	if (primary) {
		const prefix = secondary ? 'Tiểu học - ' : '';
		const results = primary.results;
		const wc = wb.addWorksheet(`${prefix}Theo lớp`);
		wc.columns = [{ width: 10 }, { width: 8 }, { width: 10 }, ...(results ? PRIMARY_RESULT_KEYS.map(() => ({ width: 18 })) : [])];
		bold(wc.addRow(['Lớp', 'Khối', 'Sĩ số', ...(results ? PRIMARY_RESULT_KEYS.map((k) => PRIMARY_RESULT_LABEL[k]) : [])]));
		for (const c of s.classes.filter((x) => x.stage === 'primary')) wc.addRow([c.name, c.grade, c.learners, ...(c.primaryResults ? PRIMARY_RESULT_KEYS.map((k) => c.primaryResults![k].count) : [])]);

		const wsub = wb.addWorksheet(`${prefix}Theo môn`);
		wsub.columns = [{ width: 30 }, { width: 10 }, ...PRIMARY_LEVEL_KEYS.flatMap(() => [{ width: 12 }, { width: 10 }])];
		bold(wsub.addRow(['Môn học', 'Số HS', ...PRIMARY_LEVEL_KEYS.flatMap((k) => [`${PRIMARY_LEVEL_LABEL[k]}: SL`, `${PRIMARY_LEVEL_LABEL[k]}: %`])]));
		for (const sub of primary.subjects) {
			const row = wsub.addRow([sub.name, sub.learners, ...PRIMARY_LEVEL_KEYS.flatMap((k) => [sub.levels[k].count, sub.levels[k].share])]);
			PRIMARY_LEVEL_KEYS.forEach((_, i) => (row.getCell(4 + 2 * i).numFmt = pct));
		}
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
