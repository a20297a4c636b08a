/**
 * Every setting Sen knows: its value's schema, default, the levels where it may be set and its
 * label. A key missing here cannot be read or written. Add a setting by adding an entry; the REST
 * API, the settings pages and `getSetting()` pick it up.
 */
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { ValidationError } from '../errors';

/** The city (the root unit, Sở GD&ĐT), a management unit below it, or a school. */
export const SCOPE_LEVELS = ['city', 'unit', 'school'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** How the settings page asks for a value; the REST API takes the JSON value itself. */
export type Control =
	| { type: 'choice'; options: readonly { value: string; label: () => string }[] }
	| { type: 'integer'; min: number; max: number }
	| { type: 'timeRange' };

export interface SettingDefinition<T = unknown> {
	schema: z.ZodType<T>;
	default: T;
	levels: readonly ScopeLevel[];
	label: () => string;
	description: () => string;
	control: Control;
}

/** The value's type comes from the schema alone (a default of 'immediate' must not widen it to string). */
const define = <S extends z.ZodType>(d: Omit<SettingDefinition<z.output<S>>, 'schema' | 'default'> & { schema: S; default: NoInfer<z.output<S>> }) => d;
/** 20.000 in Vietnamese, 20,000 in English. */
export const formatNumber = (n: number) => n.toLocaleString(getLocale() === 'en' ? 'en-GB' : 'vi-VN');

/** A whole number in [min, max], with one plain message for every way of getting it wrong. */
function integer(min: number, max: number) {
	const error = () => m.settings_error_integer({ min: formatNumber(min), max: formatNumber(max) });
	return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

function choice<const V extends readonly [string, ...string[]]>(values: V) {
	return z.enum(values, { error: () => m.settings_error_choice({ values: values.join(', ') }) });
}

const time = z.string({ error: () => m.settings_error_time() }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.settings_error_time() });

export const registry = {
	/** Parents and learners see a score as soon as it is entered, or once the teacher publishes it. */
	'gradebook.scoreVisibility': define({
		schema: choice(['immediate', 'after_publish']),
		default: 'immediate',
		levels: ['city', 'unit', 'school'],
		label: m.settings_score_visibility_label,
		description: m.settings_score_visibility_description,
		control: {
			type: 'choice',
			options: [
				{ value: 'immediate', label: m.settings_score_visibility_immediate },
				{ value: 'after_publish', label: m.settings_score_visibility_after_publish }
			]
		}
	}),
	/** Circular 22/2021: regular assessments per term of a comment-only subject (2 unconfirmed). */
	'gradebook.regularCountCommentSubjects': define({
		schema: integer(1, 4),
		default: 2,
		levels: ['city', 'unit', 'school'],
		label: m.settings_comment_regular_count_label,
		description: m.settings_comment_regular_count_description,
		control: { type: 'integer', min: 1, max: 4 }
	}),
	/** TT22/2021 Điều 7 (wording unconfirmed): a missed assessment without force majeure counts 0 / Chưa đạt, or stays open. */
	'gradebook.missedWithoutForceMajeure': define({
		schema: choice(['fail', 'pending']),
		default: 'fail',
		levels: ['city', 'unit', 'school'],
		label: m.settings_missed_label,
		description: m.settings_missed_description,
		control: {
			type: 'choice',
			options: [
				{ value: 'fail', label: m.settings_missed_fail },
				{ value: 'pending', label: m.settings_missed_pending }
			]
		}
	}),
	/** TT22/2021 Điều 9 (unconfirmed): how "at least 6 scored subjects" reads for a learner with fewer (exemptions). */
	'gradebook.fewerThanSixScoredSubjects': define({
		schema: choice(['literal', 'all_scored']),
		default: 'literal',
		levels: ['city', 'unit', 'school'],
		label: m.settings_fewer_six_label,
		description: m.settings_fewer_six_description,
		control: {
			type: 'choice',
			options: [
				{ value: 'literal', label: m.settings_fewer_six_literal },
				{ value: 'all_scored', label: m.settings_fewer_six_all }
			]
		}
	}),
	/** No message notifications between start and end (Asia/Ho_Chi_Minh); may cross midnight. */
	'messaging.quietHours': define({
		schema: z
			.object({ start: time, end: time }, { error: () => m.settings_error_time_range() })
			.strict()
			.refine((v) => v.start !== v.end, { path: ['end'], error: () => m.settings_error_time_same() }),
		default: { start: '21:00', end: '06:30' },
		levels: ['city', 'unit', 'school'],
		label: m.settings_quiet_hours_label,
		description: m.settings_quiet_hours_description,
		control: { type: 'timeRange' }
	}),
	/** Messages older than this many days are deleted (a reported one stays until reviewed). */
	'messaging.retentionDays': define({
		schema: integer(30, 3650),
		default: 730,
		levels: ['city', 'unit', 'school'],
		label: m.msg_setting_retention_label,
		description: m.msg_setting_retention_description,
		control: { type: 'integer', min: 30, max: 3650 }
	}),
	'imports.maxRows': define({
		schema: integer(100, 20_000),
		default: 10_000,
		levels: ['city'],
		label: m.settings_import_max_rows_label,
		description: m.settings_import_max_rows_description,
		control: { type: 'integer', min: 100, max: 20_000 }
	})
};

export type Registry = typeof registry;
export type SettingKey = keyof Registry;
export type SettingValue<K extends SettingKey> = z.output<Registry[K]['schema']>;

export const SETTING_KEYS = Object.keys(registry) as SettingKey[];

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(registry, key);

/** The definition of a key, or a 400 naming the unknown key. */
export function definitionOf(key: string): SettingDefinition {
	if (!isSettingKey(key)) {
		const message = m.settings_error_unknown_key({ key });
		throw new ValidationError(message, [{ path: 'key', message }]);
	}
	return registry[key] as SettingDefinition;
}

export const levelLabel = (level: ScopeLevel) => ({ city: m.settings_level_city, unit: m.settings_level_unit, school: m.settings_level_school })[level]();

/** A 400 unless the key may be set at this level (e.g. imports.maxRows only for the whole city). */
export function checkLevel(key: string, def: SettingDefinition, level: ScopeLevel): void {
	if (def.levels.includes(level)) return;
	const message = m.settings_error_level({ label: def.label(), level: levelLabel(level), levels: def.levels.map(levelLabel).join(', ') });
	throw new ValidationError(message, [{ path: 'key', message }], { key, level, levels: def.levels });
}

/** The value checked against the key's schema; issues are named `value` or `value.<field>`. */
export function validateValue(def: SettingDefinition, value: unknown): unknown {
	const r = def.schema.safeParse(value);
	if (r.success) return r.data;
	const issues = r.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: i.message }));
	throw new ValidationError(m.error_invalid_input(), issues);
}
