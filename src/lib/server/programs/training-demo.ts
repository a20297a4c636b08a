/**
 * The demo's training: the city's two-day course for managers (finished: the THCS leader
 * completed it), a four-day course for core teachers with one session online (three held — two
 * teachers of THCS Bình Yên completed it, a third attended two — and the last tomorrow, so the
 * reminder job has something to do), and online materials for parents with one parent's
 * feedback. Quotas for every demo school, and the program's targets for the year.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/client';
import { newRoomName } from '../platform/meeting-link';
import { trainingAttendance, trainingCourses, trainingEnrolments, trainingFeedback, trainingQuotas, trainingSessions, trainingTargets } from './training-schema';
import { PLAN_TARGETS, TARGET_KEYS } from './training-rules';

interface Place {
	id: string;
	path: string;
}

export async function seedTrainingDemo(
	tx: Executor,
	d: { city: Place; schools: Place[]; cityOfficer: string; leader: Place & { schoolId: string }; teachers: (Place & { schoolId: string })[]; parent: Place; year: number }
) {
	const day = (days: number, hourUtc = 1) => {
		const n = new Date();
		return new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate() + days, hourUtc));
	};
	const iso = (x: Date) => x.toISOString().slice(0, 10);
	const course = async (v: Omit<typeof trainingCourses.$inferInsert, 'orgUnitId' | 'path' | 'createdBy' | 'programYear'>) => {
		const [c] = await tx.insert(trainingCourses).values({ ...v, orgUnitId: d.city.id, path: d.city.path, programYear: d.year, createdBy: d.cityOfficer }).returning();
		return c;
	};
	const sessions = async (courseId: string, rows: { at: Date; place?: string; online?: boolean; title: string; trainers: string[] }[]) =>
		tx
			.insert(trainingSessions)
			.values(rows.map((r) => ({ courseId, path: d.city.path, title: r.title, startsAt: r.at, endsAt: new Date(r.at.getTime() + 4 * 3600_000), place: r.place ?? '', room: r.online ? newRoomName() : null, trainerNames: r.trainers })))
			.returning();
	// Enrolled some weeks ago, but within this calendar year so that the year's board counts them.
	const enrolledAt = new Date(Math.max(day(-25).getTime(), Date.UTC(new Date().getUTCFullYear(), 0, 1, 12)));
	const enrol = async (courseId: string, t: Place & { schoolId: string }, extra: Partial<typeof trainingEnrolments.$inferInsert> = {}) => {
		const [e] = await tx.insert(trainingEnrolments).values({ courseId, personId: t.id, schoolId: t.schoolId, path: t.path, enrolledBy: d.cityOfficer, enrolledAt, verificationCode: randomBytes(6).toString('hex').toUpperCase(), ...extra }).returning();
		return e;
	};
	const attend = (sessionIds: string[], enrolmentId: string, present: boolean[]) => tx.insert(trainingAttendance).values(sessionIds.map((sessionId, i) => ({ sessionId, enrolmentId, attended: present[i] ?? false })));
	const quotas = (courseId: string, places: number[]) => tx.insert(trainingQuotas).values(d.schools.map((s, i) => ({ courseId, schoolId: s.id, path: s.path, places: places[i] ?? 1 })));
	const now = new Date();

	const managers = await course({
		title: 'Bồi dưỡng năng lực quản trị trường học trong chuyển đổi số',
		targetGroup: 'managers',
		audience: 'staff',
		description: 'Hai ngày tập trung tại Sở: quản trị dữ liệu, kế hoạch chuyển đổi số của nhà trường, sổ điểm điện tử.',
		startsOn: iso(day(-20)),
		endsOn: iso(day(-19)),
		status: 'finished',
		capacity: 50,
		maxScore: 10,
		passMark: 5,
		requiredShare: 1
	});
	const ms = await sessions(managers.id, [
		{ at: day(-20), place: 'Hội trường Sở GD&ĐT Hà Nội, 23 Quang Trung', title: 'Quản trị dữ liệu trường học', trainers: ['PGS.TS. Nguyễn Văn Hùng'] },
		{ at: day(-19), place: 'Hội trường Sở GD&ĐT Hà Nội, 23 Quang Trung', title: 'Kế hoạch chuyển đổi số', trainers: ['TS. Lê Thị Thu'] }
	]);
	await quotas(managers.id, [2, 2, 2, 2, 2]);
	const leaderE = await enrol(managers.id, d.leader, { preScore: 6, postScore: 8.5, completedAt: now });
	await attend(ms.map((s) => s.id), leaderE.id, [true, true]);

	const core = await course({
		title: 'Bồi dưỡng giáo viên cốt cán: dạy học theo mô hình hệ sinh thái học tập',
		targetGroup: 'core_teachers',
		audience: 'staff',
		description: 'Bốn buổi: thiết kế bài học trải nghiệm, học liệu số, đánh giá theo năng lực; một buổi học trực tuyến.',
		startsOn: iso(day(-10)),
		endsOn: iso(day(1)),
		status: 'in_progress',
		capacity: 150,
		maxScore: 10,
		passMark: 5,
		requiredShare: 0.75
	});
	const cs = await sessions(core.id, [
		{ at: day(-10), place: 'Trường Đại học Thủ đô Hà Nội, 98 Dương Quảng Hàm', title: 'Thiết kế bài học trải nghiệm', trainers: ['TS. Phạm Minh Đức'] },
		{ at: day(-9), place: 'Trường Đại học Thủ đô Hà Nội, 98 Dương Quảng Hàm', title: 'Học liệu số và thư viện học liệu', trainers: ['ThS. Trần Thu Hà'] },
		{ at: day(-8), online: true, title: 'Đánh giá theo năng lực (trực tuyến)', trainers: ['TS. Phạm Minh Đức'] },
		{ at: day(1, 2), place: 'Trường Đại học Thủ đô Hà Nội, 98 Dương Quảng Hàm', title: 'Báo cáo sản phẩm cuối khóa', trainers: ['PGS.TS. Nguyễn Văn Hùng'] }
	]);
	await quotas(core.id, [2, 2, 5, 2, 2]);
	const [t1, t2, t3] = d.teachers;
	for (const [t, present, post] of [
		[t1, [true, true, true], 8],
		[t2, [true, true, true], 7.5],
		[t3, [true, false, true], null]
	] as const) {
		const e = await enrol(core.id, t, { preScore: 5, postScore: post, completedAt: post !== null ? now : null });
		await attend(cs.slice(0, 3).map((s) => s.id), e.id, [...present]);
	}

	const parents = await course({
		title: 'Đồng hành cùng con học tập trong môi trường số',
		targetGroup: 'parents',
		audience: 'parents',
		description: 'Tài liệu trực tuyến cho cha mẹ học sinh: an toàn trên mạng, giúp con tự học, dùng sổ liên lạc điện tử.',
		startsOn: iso(day(-30)),
		endsOn: iso(day(60)),
		status: 'open',
		materials: [
			{ title: 'Giữ an toàn cho con trên mạng', body: 'Thỏa thuận thời gian dùng thiết bị, bật chế độ kiểm soát của cha mẹ, cùng con nhận biết tin giả và lừa đảo trực tuyến.', url: null },
			{ title: 'Giúp con tự học ở nhà', body: 'Một góc học tập yên tĩnh, lịch học cố định, hỏi con đã học được gì thay vì chỉ hỏi điểm số.', url: null },
			{ title: 'Cẩm nang cha mẹ đồng hành cùng con (Bộ GD&ĐT)', body: '', url: 'https://moet.gov.vn' }
		]
	});
	await tx.insert(trainingFeedback).values({ courseId: parents.id, personId: d.parent.id, path: d.parent.path, usefulness: 5, applicability: 4, comment: 'Tài liệu ngắn gọn, dễ áp dụng.' });

	for (const programYear of [d.year, d.year + 1])
		await tx.insert(trainingTargets).values(TARGET_KEYS.map((key) => ({ programYear, path: d.city.path, key, value: PLAN_TARGETS[key], updatedBy: d.cityOfficer })));
}
