import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkLevel, definitionOf, registry, SETTING_KEYS, validateValue, type SettingValue } from './registry';
import { ValidationError } from '../errors';

/** The ValidationError a call throws, for looking at its message and issues. */
function refusal(fn: () => unknown): ValidationError {
	try {
		fn();
	} catch (e) {
		if (e instanceof ValidationError) return e;
		throw e;
	}
	throw new Error('expected a ValidationError');
}

describe('the registry', () => {
	it('knows the settings later modules read, each default valid under its own schema', () => {
		expect(SETTING_KEYS.sort()).toEqual([
			'gradebook.fewerThanSixScoredSubjects',
			'gradebook.missedWithoutForceMajeure',
			'gradebook.regularCountCommentSubjects',
			'gradebook.scoreVisibility',
			'imports.maxRows',
			'messaging.quietHours',
			'messaging.retentionDays'
		]);
		for (const key of SETTING_KEYS) expect(registry[key].schema.safeParse(registry[key].default).success, key).toBe(true);
		expect(registry['gradebook.scoreVisibility'].default).toBe('immediate');
		expect(registry['gradebook.regularCountCommentSubjects'].default).toBe(2);
		expect(registry['messaging.quietHours'].default).toEqual({ start: '21:00', end: '06:30' });
		expect(registry['imports.maxRows'].default).toBe(10_000);
		// The unconfirmed TT22 readings default to the text as written.
		expect(registry['gradebook.missedWithoutForceMajeure'].default).toBe('fail');
		expect(registry['gradebook.fewerThanSixScoredSubjects'].default).toBe('literal');
	});

	it('types each value by its key', () => {
		expectTypeOf<SettingValue<'gradebook.scoreVisibility'>>().toEqualTypeOf<'immediate' | 'after_publish'>();
		expectTypeOf<SettingValue<'imports.maxRows'>>().toEqualTypeOf<number>();
		expectTypeOf<SettingValue<'messaging.quietHours'>>().toEqualTypeOf<{ start: string; end: string }>();
	});

	it('refuses an unknown key in Vietnamese, naming it', () => {
		const e = refusal(() => definitionOf('gradebook.roundingMode'));
		expect(e.status).toBe(400);
		expect(e.message).toBe('Không có cài đặt “gradebook.roundingMode”. Hãy kiểm tra lại tên cài đặt.');
		expect(e.issues).toEqual([{ path: 'key', message: e.message }]);
		expect(() => definitionOf('constructor')).toThrow(ValidationError);
	});

	it('allows the import row limit for the whole city only', () => {
		const def = definitionOf('imports.maxRows');
		expect(() => checkLevel('imports.maxRows', def, 'city')).not.toThrow();
		expect(refusal(() => checkLevel('imports.maxRows', def, 'school')).message).toBe(
			'Cài đặt “Số dòng tối đa mỗi lần nhập danh sách” không đặt được ở cấp trường; chỉ đặt được ở cấp: Sở GD&ĐT.'
		);
		for (const level of ['city', 'unit', 'school'] as const) expect(() => checkLevel('gradebook.scoreVisibility', definitionOf('gradebook.scoreVisibility'), level)).not.toThrow();
	});
});

describe('validateValue', () => {
	const check = (key: string, value: unknown) => validateValue(definitionOf(key), value);
	const issues = (key: string, value: unknown) => refusal(() => check(key, value)).issues;

	it.each([
		['gradebook.scoreVisibility', 'after_publish'],
		['gradebook.regularCountCommentSubjects', 1],
		['gradebook.regularCountCommentSubjects', 4],
		['messaging.quietHours', { start: '22:00', end: '05:45' }],
		['messaging.quietHours', { start: '00:00', end: '23:59' }],
		['imports.maxRows', 100],
		['imports.maxRows', 20000]
	])('accepts %s = %j', (key, value) => expect(check(key, value)).toEqual(value));

	it.each([
		['gradebook.scoreVisibility', 'sometimes', 'value', 'Hãy chọn một trong các giá trị: immediate, after_publish.'],
		['gradebook.regularCountCommentSubjects', 5, 'value', 'Hãy nhập một số nguyên từ 1 đến 4.'],
		['gradebook.regularCountCommentSubjects', 0, 'value', 'Hãy nhập một số nguyên từ 1 đến 4.'],
		['gradebook.regularCountCommentSubjects', 2.5, 'value', 'Hãy nhập một số nguyên từ 1 đến 4.'],
		['gradebook.regularCountCommentSubjects', '2', 'value', 'Hãy nhập một số nguyên từ 1 đến 4.'],
		['imports.maxRows', 20001, 'value', 'Hãy nhập một số nguyên từ 100 đến 20.000.'],
		['messaging.quietHours', { start: '24:00', end: '06:00' }, 'value.start', 'Hãy nhập giờ theo dạng HH:MM (24 giờ), ví dụ 21:00.'],
		['messaging.quietHours', { start: '21:00' }, 'value.end', 'Hãy nhập giờ theo dạng HH:MM (24 giờ), ví dụ 21:00.'],
		['messaging.quietHours', { start: '21:00', end: '21:00' }, 'value.end', 'Giờ bắt đầu và giờ kết thúc phải khác nhau.'],
		['messaging.quietHours', '21:00-06:30', 'value', 'Hãy nhập giờ bắt đầu và giờ kết thúc dạng HH:MM.']
	])('refuses %s = %j at %s: %s', (key, value, path, message) => {
		expect(issues(key, value)).toContainEqual({ path, message });
	});

	it('refuses fields a time range does not have', () => {
		expect(issues('messaging.quietHours', { start: '21:00', end: '06:30', days: 'all' })[0].path).toBe('value');
	});
});
