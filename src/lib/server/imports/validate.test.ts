import { describe, expect, it } from 'vitest';
import { locateTable, parseCsv } from './parse';
import { tableErrors, validateLearners, validateStaff, type ImportContext } from './validate';
import { classKey } from './parse';

const TODAY = '2026-11-25';
const LEARNER_HEADER = 'STT,Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Lớp,Họ tên cha/mẹ/người giám hộ,Quan hệ,Số điện thoại phụ huynh,Email phụ huynh';
const STAFF_HEADER = 'STT,Mã cán bộ,Họ và tên,Ngày sinh,Giới tính,Email,Số điện thoại,Vai trò,Lớp chủ nhiệm';

function ctx(over: Partial<ImportContext> = {}): ImportContext {
	const classes = new Map(
		[
			{ id: 'c1', name: '6A1', hasHomeroomTeacher: true },
			{ id: 'c2', name: '6A2', hasHomeroomTeacher: false },
			{ id: 'c3', name: '7A1', hasHomeroomTeacher: false }
		].map((c) => [classKey(c.name), c])
	);
	return { yearName: '2026-2027', classes, existingCodes: new Set(), existingGuardians: new Map(), ...over };
}

const learners = (lines: string[], c = ctx()) => validateLearners(locateTable('learners', parseCsv([LEARNER_HEADER, ...lines].join('\n')))!, c, TODAY);
const staff = (lines: string[], c = ctx()) => validateStaff(locateTable('staff', parseCsv([STAFF_HEADER, ...lines].join('\n')))!, c, TODAY);

describe('learner rows', () => {
	it('normalises a good row: name split, ISO date, gender, class id and guardian', () => {
		const r = learners(['1,HS001,Nguyễn Thị Minh Anh,05/09/2014,Nữ,6a1,Nguyễn Văn Bình,Cha,912345678,Binh@Example.com']);
		expect(r.errors).toEqual([]);
		expect(r.rows[0]).toMatchObject({
			row: 2,
			code: 'HS001',
			familyName: 'Nguyễn',
			middleName: 'Thị Minh',
			givenName: 'Anh',
			dateOfBirth: '2014-09-05',
			gender: 'female',
			className: '6A1',
			classId: 'c1',
			guardian: { familyName: 'Nguyễn', givenName: 'Bình', relation: 'father', phone: '0912345678', email: 'binh@example.com', existingId: null }
		});
	});

	it('reports each problem with the spreadsheet row and the column, in Vietnamese', () => {
		const r = learners([
			'1,HS001,,05/09/2014,Nam,6A1,,,,',
			'2,HS002,Lê Văn Cường,31/02/2014,Nam,6A1,,,,',
			'3,HS003,Phạm Thu Dung,05/09/2014,Không rõ,6A1,,,,',
			'4,HS004,Đỗ Minh Đức,05/09/2014,Nam,9Z9,,,,',
			'5,HS005,Vũ Hà,05/09/2014,Nữ,6A1,Vũ Văn Em,Cha,0912345678,khong-phai-email',
			'6,HS006,Hoàng Lan,05/09/2014,Nữ,6A1,Hoàng Văn Giang,Hàng xóm,0912,'
		]);
		expect(r.rows).toEqual([]);
		expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
			[2, 'Họ và tên', 'Thiếu họ tên.'],
			[3, 'Ngày sinh', 'Ngày sinh không hợp lệ: "31/02/2014". Ghi theo ngày/tháng/năm, ví dụ 05/09/2014.'],
			[4, 'Giới tính', 'Giới tính không hợp lệ: "Không rõ". Ghi Nam hoặc Nữ.'],
			[5, 'Lớp', 'Lớp 9Z9 không tồn tại trong năm học 2026-2027.'],
			[6, 'Email phụ huynh', 'Email không hợp lệ: "khong-phai-email".'],
			[7, 'Số điện thoại phụ huynh', 'Số điện thoại không hợp lệ: "0912". Ghi 10 chữ số, bắt đầu bằng 0.'],
			[7, 'Quan hệ', 'Quan hệ không hợp lệ: "Hàng xóm". Ghi Cha, Mẹ hoặc Người giám hộ.']
		]);
	});

	it('finds a learner code repeated within the file, naming the first row', () => {
		const r = learners(['1,HS001,Nguyễn Văn An,05/09/2014,Nam,6A1,,,,', '2,HS001,Lê Văn Bình,05/09/2014,Nam,6A1,,,,']);
		expect(r.errors).toEqual([expect.objectContaining({ row: 3, field: 'code', message: 'Mã học sinh HS001 bị trùng với dòng 2.' })]);
		expect(r.rows).toHaveLength(1);
	});

	it('finds a learner code that an existing person already has', () => {
		const r = learners(['1,HS001,Nguyễn Văn An,05/09/2014,Nam,6A1,,,,'], ctx({ existingCodes: new Set(['HS001']) }));
		expect(r.errors[0]).toMatchObject({ row: 2, field: 'code', message: 'Mã học sinh HS001 đã có trong hệ thống.' });
	});

	it('requires the code, the date of birth and the class', () => {
		const r = learners(['1,,Nguyễn Văn An,,Nam,,,,,']);
		expect(r.errors.map((e) => e.field)).toEqual(['code', 'dateOfBirth', 'className']);
	});

	it('refuses a date of birth in the future', () => {
		expect(learners(['1,HS1,Nguyễn Văn An,01/01/2027,Nam,6A1,,,,']).errors[0].field).toBe('dateOfBirth');
	});

	it('requires the parent name when parent details are given', () => {
		const r = learners(['1,HS1,Nguyễn Văn An,05/09/2014,Nam,6A1,,Mẹ,0912345678,']);
		expect(r.errors[0]).toMatchObject({ field: 'guardianName', message: 'Có thông tin phụ huynh nhưng thiếu họ tên cha/mẹ/người giám hộ.' });
	});

	it('links a parent to an existing guardian of the school by phone', () => {
		const r = learners(['1,HS1,Nguyễn Văn An,05/09/2014,Nam,6A1,Trần Thị Hoa,Mẹ,+84 912 345 678,'], ctx({ existingGuardians: new Map([['0912345678', 'g-1']]) }));
		expect(r.rows[0].guardian).toMatchObject({ existingId: 'g-1', relation: 'mother' });
	});

	it('treats a missing relation as guardian', () => {
		expect(learners(['1,HS1,Nguyễn Văn An,05/09/2014,Nam,6A1,Trần Thị Hoa,,,']).rows[0].guardian?.relation).toBe('guardian');
	});

	it('reports every row of a school without a school year', () => {
		const r = learners(['1,HS1,Nguyễn Văn An,05/09/2014,Nam,6A1,,,,'], ctx({ yearName: null, classes: new Map() }));
		expect(r.errors[0]).toMatchObject({ row: 0, message: 'Trường chưa có năm học: hãy tạo năm học và các lớp trước khi nhập.' });
	});
});

describe('staff rows', () => {
	it('grants the roles and gives a homeroom class without a teacher', () => {
		const r = staff(['1,GV-9,Trần Thu Hà,12/03/1988,Nữ,ha@example.com,0987654321,Giáo viên chủ nhiệm,6A2']);
		expect(r.errors).toEqual([]);
		expect(r.rows[0]).toMatchObject({ code: 'GV-9', roles: ['homeroom_teacher'], schoolRoles: ['teacher'], homeroomClassId: 'c2', email: 'ha@example.com' });
	});

	it('adds the homeroom role when a teacher is given a homeroom class', () => {
		expect(staff(['1,,Trần Thu Hà,,,,,Giáo viên,7A1']).rows[0].roles).toEqual(['teacher', 'homeroom_teacher']);
	});

	it('reports an unknown role, a homeroom teacher without a class, a class that already has one and a class given twice', () => {
		const r = staff(['1,,Trần Thu Hà,,,,,Bảo vệ,', '2,,Lê Văn Tâm,,,,,Giáo viên chủ nhiệm,', '3,,Ngô Thị Lan,,,,,Giáo viên,6A1', '4,,Mai Văn Long,,,,,Giáo viên,7A1', '5,,Đào Thị Mơ,,,,,Giáo viên,7a1']);
		expect(r.errors.map((e) => [e.row, e.field, e.message])).toEqual([
			[2, 'role', expect.stringContaining('Vai trò không hợp lệ: "Bảo vệ"')],
			[3, 'homeroomClass', 'Giáo viên chủ nhiệm cần có lớp chủ nhiệm.'],
			[4, 'homeroomClass', 'Lớp 6A1 đã có giáo viên chủ nhiệm.'],
			[6, 'homeroomClass', 'Lớp 7A1 đã được giao chủ nhiệm ở dòng 5.']
		]);
	});

	it('finds staff codes repeated in the file or already taken', () => {
		const r = staff(['1,GV-1,Trần Thu Hà,,,,,Giáo viên,', '2,GV-1,Lê Văn Tâm,,,,,Giáo viên,', '3,GV-2,Ngô Thị Lan,,,,,Giáo viên,'], ctx({ existingCodes: new Set(['GV-2']) }));
		expect(r.errors.map((e) => e.message)).toEqual(['Mã cán bộ GV-1 bị trùng với dòng 2.', 'Mã cán bộ GV-2 đã có trong hệ thống.']);
	});

	it('reports a bad email and phone', () => {
		const r = staff(['1,,Trần Thu Hà,,,ha@,09876,Giáo viên,']);
		expect(r.errors.map((e) => e.field)).toEqual(['email', 'phone']);
	});
});

describe('the table as a whole', () => {
	it('names the missing columns and the missing header', () => {
		expect(tableErrors('learners', null)[0].message).toMatch(/^Không tìm thấy dòng tiêu đề\. Tệp cần có các cột: Mã học sinh, Họ và tên, Ngày sinh, Lớp\./);
		const t = locateTable('learners', parseCsv('STT,Họ và tên,Lớp\n1,Nguyễn Văn An,6A1'))!;
		expect(tableErrors('learners', t).map((e) => e.message)).toEqual(['Thiếu cột "Mã học sinh".', 'Thiếu cột "Ngày sinh".']);
	});

	it('says when there are no data rows', () => {
		const t = locateTable('learners', parseCsv(LEARNER_HEADER))!;
		expect(tableErrors('learners', t).map((e) => e.message)).toEqual(['Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.']);
	});
});
