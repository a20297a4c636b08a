import * as i from './budget-inputs';

/** The budget routes as /api/v1/openapi.json lists them. Amounts are whole đồng: sent as an integer or a digit string, answered as digit strings (exact). Only the program office (city officer); anyone else gets 404. */
export const budgetRouteDocs = [
	{ method: 'get', path: '/budget-tasks', summary: 'The budget’s tasks (nhiệm vụ) in reading order, two levels', tag: 'budget' },
	{ method: 'post', path: '/budget-tasks', summary: 'Add a task or a sub-task (its parent a top-level task); the code is unique. Audited.', tag: 'budget', body: i.taskInput, status: 201 },
	{ method: 'get', path: '/budget-tasks/{id}', summary: 'One task: sub-tasks, figures per year (with its sub-tasks’), commitments and spending with their reversals and documents', tag: 'budget' },
	{ method: 'patch', path: '/budget-tasks/{id}', summary: 'Rename, recode or reorder a task (its parent, plans and entries stay). Audited with before and after.', tag: 'budget', body: i.taskPatch },
	{ method: 'get', path: '/budget-plans', summary: 'The plan of a year (default: the current year): every task with its planned amount (null = none set)', tag: 'budget', query: i.yearQuery },
	{ method: 'put', path: '/budget-plans', summary: 'Set the plan of a year for tasks without sub-tasks: all rows or none, errors by row (rows.N.amount). Each changed row audited with before and after.', tag: 'budget', body: i.plansInput },
	{ method: 'post', path: '/budget-plans.xlsx', summary: 'Import the plan of a year (query year) from an .xlsx in the export’s layout (multipart field file; the columns Mã and Kế hoạch): rows of tasks with sub-tasks are skipped; all rows or none, errors by sheet row (row.N). Audited as a plan change.', tag: 'budget', query: i.yearQuery, multipart: true },
	{ method: 'get', path: '/budget-commitments', summary: 'Commitments (cam kết chi, hợp đồng) with net amount and what was paid against each; reversals are rows with reversesId', tag: 'budget', query: i.entriesQuery },
	{ method: 'post', path: '/budget-commitments', summary: 'Record a commitment on a task without sub-tasks; over the task’s plan for the year it is accepted with warnings ["over_plan"]. Audited.', tag: 'budget', body: i.commitmentInput, status: 201 },
	{ method: 'post', path: '/budget-commitments/{id}/reversal', summary: 'Correct a commitment: a negative entry with a reason, at most its net amount and not below what was paid against it (entries are never edited). Audited.', tag: 'budget', body: i.reversalInput, status: 201 },
	{ method: 'get', path: '/budget-spending', summary: 'Spending entries (chi, thanh toán) with their documents; reversals are rows with reversesId', tag: 'budget', query: i.entriesQuery },
	{ method: 'post', path: '/budget-spending', summary: 'Record spending, as JSON or as multipart/form-data with the same fields and files (chứng từ, up to 5). Paying a commitment it may not exceed what remains of it (400); over the task’s plan it is accepted with warnings ["over_plan"]. Audited.', tag: 'budget', body: i.spendingInput, multipart: true, status: 201 },
	{ method: 'post', path: '/budget-spending/{id}/reversal', summary: 'Correct a spending entry: a negative entry with a reason, at most its net amount. Audited.', tag: 'budget', body: i.reversalInput, status: 201 },
	{ method: 'get', path: '/budget-spending/{id}/files/{fileId}', summary: 'Download a document of a spending entry', tag: 'budget' },
	{ method: 'get', path: '/budget-report', summary: 'The report of a year (or, without year, of all years): per task plan, committed, spent, remaining (plan − spent), uncommitted (plan − committed) and % executed; parents include their sub-tasks; the grand total; and the totals of every year', tag: 'budget', query: i.yearQuery },
	{ method: 'get', path: '/budget-report.xlsx', summary: 'The report as .xlsx: without year a summary sheet and a sheet per year; with year that year’s sheet. Amounts as numbers in the VND format, a totals row.', tag: 'budget', query: i.yearQuery }
] as const;
