/**
 * The settings pages (/schools/[id]/settings, /org/units/[id]/settings): what each setting shows
 * (value in effect, where it comes from, what a reset would give) and the two form actions.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { Executor } from '../db/client';
import type { Principal } from '../auth/principal';
import { can } from '../auth/policy';
import { ValidationError } from '../errors';
import { formFailure, requirePrincipal } from '../http/pages';
import { formObject } from '../http/validate';
import { getContext } from '../context';
import { idOr404 } from '../organisations/views';
import { definitionOf, formatNumber, registry, type Control } from './registry';
import { clearSetting, effectiveSettings, findScope, setSetting, type EffectiveSetting, type Source } from './service';
import { m } from '#lib/paraglide/messages.js';

export type ControlView = { type: 'choice'; options: { value: string; label: string }[] } | { type: 'integer'; min: number; max: number; hint: string } | { type: 'timeRange' };

export interface SettingView {
	key: string;
	/** For element ids: the key with dots as dashes. */
	slug: string;
	label: string;
	description: string;
	control: ControlView;
	/** The value in effect, as people read it, and where it comes from. */
	current: string;
	source: string;
	/** Set at this very scope (so it can be reset). */
	own: boolean;
	/** What applies after a reset, with its source. */
	ifReset: string;
	/** The form's fields filled with the value in effect. */
	fields: Record<string, string>;
}

const slugOf = (key: string) => key.replace(/\./g, '-');

function controlView(c: Control): ControlView {
	if (c.type === 'choice') return { type: 'choice', options: c.options.map((o) => ({ value: o.value, label: o.label() })) };
	if (c.type === 'integer') return { ...c, hint: m.settings_integer_hint({ min: formatNumber(c.min), max: formatNumber(c.max) }) };
	return c;
}

/** A value as people read it: the option's label, a number, a time range. */
export function displayValue(c: Control, value: unknown): string {
	if (c.type === 'choice') return c.options.find((o) => o.value === value)?.label() ?? String(value);
	if (c.type === 'integer') return typeof value === 'number' ? formatNumber(value) : String(value);
	const v = value as { start: string; end: string };
	return `${v.start}–${v.end}`;
}

function sourceLabel(s: Source, own: boolean): string {
	if (own) return m.settings_source_here();
	return { default: m.settings_source_default, city: m.settings_source_city, unit: m.settings_source_unit, school: m.settings_source_school }[s.level]();
}

/** The form fields that hold a value. */
function fieldsOf(c: Control, value: unknown): Record<string, string> {
	if (c.type === 'timeRange') {
		const v = value as { start: string; end: string };
		return { start: v.start, end: v.end };
	}
	return { value: String(value) };
}

/** The value a form sends, in the type the registry expects (a number stays text if it is not one, so the check says so). */
export function valueFromForm(c: Control, f: Record<string, string | undefined>): unknown {
	if (c.type === 'timeRange') return { start: f.start, end: f.end };
	if (c.type === 'integer') return f.value !== undefined && /^\s*-?\d+\s*$/.test(f.value) ? Number(f.value) : f.value;
	return f.value;
}

function view(item: EffectiveSetting): SettingView {
	const c = registry[item.key].control;
	return {
		key: item.key,
		slug: slugOf(item.key),
		label: item.label,
		description: item.description,
		control: controlView(c),
		current: displayValue(c, item.value),
		source: sourceLabel(item.source, item.own !== null),
		own: item.own !== null,
		ifReset: m.settings_if_reset({ value: displayValue(c, item.inherited.value), source: sourceLabel(item.inherited.source, false) }),
		fields: fieldsOf(c, item.value)
	};
}

/** Everything a settings page shows for a scope (404 for those who may not read its settings). */
export async function settingsPageData(db: Executor, p: Principal, scopePath: string) {
	const { scope, items } = await effectiveSettings(db, p, scopePath);
	return {
		scope: { level: scope.level, id: scope.id, name: scope.name },
		items: items.map(view),
		canEdit: can(p, 'update', 'settings', { path: scope.path })
	};
}

/** Issues named `value.start` belong to the field `start`; `value` and `key` keep their names. */
const fieldOf = (path: string) => path.replace(/^value\./, '');

/** The page's form actions; the scope is the route's `[id]` (a school or an org unit). */
export function settingsActions() {
	const run = async (event: RequestEvent, action: 'set' | 'clear') => {
		const p = requirePrincipal(event);
		const { db } = getContext();
		const values = formObject(await event.request.formData());
		const key = values.key ?? '';
		try {
			const scope = await findScope(db, idOr404(event.params.id ?? ''));
			const def = definitionOf(key);
			if (action === 'set') await setSetting(db, p, scope.path, key, valueFromForm(def.control, values));
			else await clearSetting(db, p, scope.path, key);
			return { done: action, key, label: def.label() };
		} catch (e) {
			const err = e instanceof ValidationError ? new ValidationError(e.message, e.issues.map((i) => ({ ...i, path: fieldOf(i.path) }))) : e;
			return formFailure(err, values, `${action}:${key}`);
		}
	};
	return {
		set: (event: RequestEvent) => run(event, 'set'),
		clear: (event: RequestEvent) => run(event, 'clear')
	};
}
