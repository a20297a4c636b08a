/**
 * Demo budget of the programme 1217/CTr-ĐHTĐHN: its yearly totals are the programme's own
 * (Phần II, mục 5: 2023 — 1.950, 2024 — 7.550, 2025 — 190 triệu đồng; total 9.690 triệu).
 * THE SPLIT ACROSS TASKS IS ILLUSTRATIVE: the programme does not publish it; the amounts below
 * are a plausible split that sums exactly to each year's total. A few commitments and payments
 * of 2023 and 2024 (one with a reversal) make the report non-trivial.
 */
import type { Executor } from '../db/client';
import { budgetCommitments, budgetPlans, budgetSpending, budgetTasks } from './budget-schema';

const M = 1_000_000n; // one million đồng

/** [code, name, parent code, plan 2023, 2024, 2025 in millions] — sub-tasks carry the plans. */
export const DEMO_TASKS: [string, string, string | null, number, number, number][] = [
	['1', 'Nghiên cứu, xây dựng mô hình hệ sinh thái giáo dục', null, 0, 0, 0],
	['1.1', 'Khảo sát thực trạng, nhu cầu tại các trường', '1', 300, 100, 0],
	['1.2', 'Xây dựng mô hình, tài liệu hướng dẫn', '1', 750, 400, 0],
	['2', 'Thí điểm ít nhất 7 mô hình tại 25 trường', null, 0, 0, 0],
	['2.1', 'Triển khai thí điểm tại các trường', '2', 0, 3500, 0],
	['2.2', 'Đánh giá, tổng kết thí điểm', '2', 0, 500, 60],
	['3', 'Bồi dưỡng, tập huấn', null, 0, 0, 0],
	['3.1', 'Bồi dưỡng cán bộ quản lý', '3', 150, 400, 0],
	['3.2', 'Bồi dưỡng giáo viên cốt cán', '3', 200, 900, 0],
	['3.3', 'Tập huấn nhân viên, sinh viên sư phạm', '3', 0, 300, 0],
	['3.4', 'Tập huấn trực tuyến cho học sinh, cha mẹ học sinh', '3', 0, 350, 0],
	['4', 'Truyền thông, ấn phẩm', null, 150, 500, 40],
	['5', 'Hội nghị, hội thảo', null, 250, 400, 50],
	['6', 'Quản lý, kiểm tra, báo cáo', null, 150, 200, 40]
];
export const DEMO_YEAR_TOTALS = { 2023: 1950n * M, 2024: 7550n * M, 2025: 190n * M } as const;

export async function seedBudgetDemo(tx: Executor, ids: { cityPath: string; officerId: string }) {
	const id = new Map<string, string>();
	for (const [i, [code, name, parent]] of DEMO_TASKS.entries()) {
		const [t] = await tx
			.insert(budgetTasks)
			.values({ path: ids.cityPath, code, name, parentId: parent ? id.get(parent)! : null, position: i, createdBy: ids.officerId })
			.returning();
		id.set(code, t.id);
	}
	const plans = DEMO_TASKS.flatMap(([code, , , a, b, c]) =>
		([[2023, a], [2024, b], [2025, c]] as const).filter(([, v]) => v > 0).map(([year, v]) => ({ taskId: id.get(code)!, year, path: ids.cityPath, amount: BigInt(v) * M, updatedBy: ids.officerId }))
	);
	await tx.insert(budgetPlans).values(plans);

	const by = { path: ids.cityPath, createdBy: ids.officerId };
	const [survey] = await tx
		.insert(budgetCommitments)
		.values({ ...by, taskId: id.get('1.1')!, year: 2023, amount: 280n * M, counterparty: 'Viện Nghiên cứu Giáo dục, Trường Đại học Thủ đô Hà Nội', signedOn: '2023-03-15', document: 'Hợp đồng số 12/2023/HĐ-KS' })
		.returning();
	const [model] = await tx
		.insert(budgetCommitments)
		.values({ ...by, taskId: id.get('1.2')!, year: 2023, amount: 700n * M, counterparty: 'Nhóm chuyên gia xây dựng mô hình', signedOn: '2023-05-10', document: 'Hợp đồng số 18/2023/HĐ-CG' })
		.returning();
	const [pilot] = await tx
		.insert(budgetCommitments)
		.values({ ...by, taskId: id.get('2.1')!, year: 2024, amount: 3_200n * M, counterparty: 'Các trường thí điểm (25 trường)', signedOn: '2024-02-20', document: 'Quyết định số 245/QĐ-SGDĐT giao kinh phí thí điểm' })
		.returning();
	const pay = (taskCode: string, year: number, millions: bigint, spentOn: string, description: string, voucherNo: string, commitmentId: string | null = null) => ({ ...by, taskId: id.get(taskCode)!, year, amount: millions * M, spentOn, description, voucherNo, commitmentId });
	const [wrong] = await tx
		.insert(budgetSpending)
		.values([
			pay('1.1', 2023, 140n, '2023-05-05', 'Tạm ứng 50% hợp đồng khảo sát', 'PC-2023-014', survey.id),
			pay('1.1', 2023, 140n, '2023-09-28', 'Thanh toán nốt hợp đồng khảo sát', 'PC-2023-051', survey.id),
			pay('1.2', 2023, 350n, '2023-08-15', 'Tạm ứng hợp đồng xây dựng mô hình', 'PC-2023-040', model.id),
			pay('3.1', 2023, 120n, '2023-11-20', 'Lớp bồi dưỡng cán bộ quản lý đợt 1', 'PC-2023-066'),
			pay('5', 2023, 230n, '2023-12-08', 'Hội thảo khởi động chương trình', 'PC-2023-071'),
			pay('2.1', 2024, 1_600n, '2024-04-10', 'Cấp kinh phí thí điểm đợt 1', 'PC-2024-021', pilot.id),
			pay('3.2', 2024, 450n, '2024-06-25', 'Bồi dưỡng giáo viên cốt cán đợt 1', 'PC-2024-037')
		])
		.returning();
	// A correction kept in the record: 10 triệu of the first advance entered twice, taken back.
	await tx.insert(budgetSpending).values({ ...by, taskId: wrong.taskId, year: 2023, amount: -10n * M, spentOn: '2023-05-12', description: wrong.description, voucherNo: wrong.voucherNo, commitmentId: survey.id, reversesId: wrong.id, reason: 'Nhập trùng 10 triệu đồng, điều chỉnh giảm' });
	await tx.insert(budgetSpending).values(pay('1.1', 2023, 10n, '2023-10-02', 'Chi phí in phiếu khảo sát', 'PC-2023-055', survey.id));
}
