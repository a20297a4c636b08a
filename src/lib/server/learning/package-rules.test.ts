import { describe, expect, it } from 'vitest';
import { planPackage, safePackagePath, typeOf } from './package-rules';

describe('HTML5 packages', () => {
	it('keep only safe relative paths', () => {
		expect(safePackagePath('js/app.js')).toBe('js/app.js');
		expect(safePackagePath('a//b.css')).toBe('a/b.css');
		for (const bad of ['../secret', '/etc/passwd', 'a/../../b', 'a\\b.js', './x', '']) expect(safePackagePath(bad)).toBeNull();
	});
	it('serve each file as the type of its extension, and refuse the rest', () => {
		expect(typeOf('index.HTML')).toBe('text/html; charset=utf-8');
		expect(typeOf('sound.mp3')).toBe('audio/mpeg');
		expect(typeOf('run.exe')).toBeNull();
		expect(typeOf('Makefile')).toBeNull();
	});
	it('find index.html at the root or inside the one folder everything is in', () => {
		expect(planPackage([{ name: 'index.html', size: 10 }, { name: 'app.js', size: 5 }])).toMatchObject({ entry: 'index.html' });
		const nested = planPackage([{ name: 'mo-phong/', size: 0 }, { name: 'mo-phong/index.html', size: 10 }, { name: 'mo-phong/js/app.js', size: 5 }, { name: '__MACOSX/mo-phong/._index.html', size: 1 }]);
		expect(nested).toEqual({ entry: 'index.html', files: [expect.objectContaining({ path: 'index.html' }), expect.objectContaining({ path: 'js/app.js', contentType: 'text/javascript; charset=utf-8' })] });
	});
	it('refuse a package with a dangerous path, a forbidden type, no start page, or too much', () => {
		expect(planPackage([{ name: 'index.html', size: 1 }, { name: '../x.js', size: 1 }])).toEqual({ problem: 'unsafe_path', name: '../x.js' });
		expect(planPackage([{ name: 'index.html', size: 1 }, { name: 'virus.exe', size: 1 }])).toEqual({ problem: 'type_not_allowed', name: 'virus.exe' });
		expect(planPackage([{ name: 'main.html', size: 1 }])).toEqual({ problem: 'no_index' });
		expect(planPackage([{ name: 'a/index.html', size: 1 }, { name: 'b/x.js', size: 1 }])).toEqual({ problem: 'no_index' });
		expect(planPackage([])).toEqual({ problem: 'empty' });
		expect(planPackage([{ name: 'index.html', size: 300 * 1024 * 1024 }])).toEqual({ problem: 'too_large' });
		expect(planPackage(Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}.js`, size: 1 })))).toEqual({ problem: 'too_many_files' });
	});
});
