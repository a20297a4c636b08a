/**
 * The downloadable .xlsx templates: the school's list layout with a styled header row, column
 * widths, one example row, and a second sheet "Hướng dẫn" explaining each column.
 */
import ExcelJS from 'exceljs';
import { columnsOf, type ImportKind } from './columns';

const HELP: Record<ImportKind, [string, string][]> = {
	learners: [
		['STT', 'Số thứ tự (không bắt buộc).'],
		['Mã học sinh', 'Bắt buộc. Mã định danh của học sinh, không trùng với học sinh khác.'],
		['Họ và tên', 'Bắt buộc. Họ, tên đệm và tên, ví dụ: Nguyễn Thị Minh Anh.'],
		['Ngày sinh', 'Bắt buộc. Ngày/tháng/năm, ví dụ 05/09/2014 hoặc 5/9/2014; có thể để ô kiểu ngày của Excel.'],
		['Giới tính', 'Nam hoặc Nữ (có thể để trống).'],
		['Lớp', 'Bắt buộc. Tên lớp đã có trong năm học hiện tại của trường, ví dụ 6A1.'],
		['Họ tên cha/mẹ/người giám hộ', 'Không bắt buộc. Phụ huynh có cùng số điện thoại chỉ được tạo một lần (anh chị em dùng chung).'],
		['Quan hệ', 'Cha, Mẹ hoặc Người giám hộ.'],
		['Số điện thoại phụ huynh', '10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678). Nên định dạng ô là Văn bản để Excel giữ số 0 đầu.'],
		['Email phụ huynh', 'Không bắt buộc.']
	],
	staff: [
		['STT', 'Số thứ tự (không bắt buộc).'],
		['Mã cán bộ', 'Không bắt buộc; nếu có thì không trùng với cán bộ khác.'],
		['Họ và tên', 'Bắt buộc. Họ, tên đệm và tên, ví dụ: Trần Thu Hà.'],
		['Ngày sinh', 'Ngày/tháng/năm, ví dụ 12/03/1988 (không bắt buộc).'],
		['Giới tính', 'Nam hoặc Nữ (có thể để trống).'],
		['Email', 'Không bắt buộc.'],
		['Số điện thoại', '10 chữ số, bắt đầu bằng 0 (không bắt buộc).'],
		['Vai trò', 'Bắt buộc. Giáo viên, Tổ trưởng chuyên môn, Hiệu trưởng, Tư vấn viên hoặc Giáo viên chủ nhiệm; nhiều vai trò cách nhau bằng dấu phẩy.'],
		['Lớp chủ nhiệm', 'Tên lớp trong năm học hiện tại; bắt buộc với Giáo viên chủ nhiệm. Lớp chưa có giáo viên chủ nhiệm.']
	]
};

const TITLE: Record<ImportKind, string> = { learners: 'DANH SÁCH HỌC SINH', staff: 'DANH SÁCH CÁN BỘ, GIÁO VIÊN' };
export const templateFileName = (kind: ImportKind) => (kind === 'learners' ? 'mau-nhap-hoc-sinh.xlsx' : 'mau-nhap-can-bo.xlsx');

export async function buildTemplate(kind: ImportKind): Promise<Uint8Array> {
	const cols = columnsOf(kind);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Sen';
	const ws = wb.addWorksheet(kind === 'learners' ? 'Học sinh' : 'Cán bộ', { views: [{ state: 'frozen', ySplit: 2 }] });
	ws.columns = cols.map((c) => ({ key: c.field, width: c.width }));
	// A title row above the header, as school lists have; the import finds the header below it.
	ws.getRow(1).getCell(1).value = TITLE[kind];
	ws.getRow(1).font = { bold: true, size: 14 };
	const header = ws.getRow(2);
	cols.forEach((c, i) => (header.getCell(i + 1).value = c.header));
	header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
	header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
	header.height = 32;
	cols.forEach((_, i) => {
		const cell = header.getCell(i + 1);
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF8A2452' } };
		cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
	});
	const example = ws.getRow(3);
	cols.forEach((c, i) => {
		const cell = example.getCell(i + 1);
		cell.value = c.example;
		// Codes, dates and phones as text so Excel keeps leading zeros and the day-first order.
		cell.numFmt = '@';
	});
	for (let r = 4; r <= 200; r++) for (const i of cols.keys()) ws.getRow(r).getCell(i + 1).numFmt = '@';

	const help = wb.addWorksheet('Hướng dẫn');
	help.columns = [
		{ header: 'Cột', key: 'column', width: 30 },
		{ header: 'Cách điền', key: 'help', width: 90 }
	];
	help.getRow(1).font = { bold: true };
	for (const [column, text] of HELP[kind]) help.addRow({ column, help: text });
	help.addRow({});
	help.addRow({ column: 'Lưu ý', help: 'Điền từ dòng 3 của trang đầu (xoá dòng ví dụ). Có thể giữ dòng tiêu đề phía trên. Tệp .csv (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy) cũng được nhận.' });
	help.addRow({ column: '', help: 'Việc nhập là "tất cả hoặc không": nếu còn một dòng lỗi thì chưa dòng nào được ghi. Hãy bấm "Kiểm tra" trước khi "Nhập".' });
	help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

	return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
