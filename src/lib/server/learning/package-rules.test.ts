import { describe, expect, it } from 'vitest';
import { checkH5P, h5pEntryPage, H5P_ENTRY, planPackage, safePackagePath, typeOf } from './package-rules';

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
		expect(planPackage([{ name: 'index.html', size: 10 }, { name: 'app.js', size: 5 }])).toMatchObject({ kind: 'html5', entry: 'index.html' });
		const nested = planPackage([{ name: 'mo-phong/', size: 0 }, { name: 'mo-phong/index.html', size: 10 }, { name: 'mo-phong/js/app.js', size: 5 }, { name: '__MACOSX/mo-phong/._index.html', size: 1 }]);
		expect(nested).toEqual({ kind: 'html5', entry: 'index.html', files: [expect.objectContaining({ path: 'index.html' }), expect.objectContaining({ path: 'js/app.js', contentType: 'text/javascript; charset=utf-8' })] });
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

describe('H5P packages', () => {
	const h5pFiles = [
		{ name: 'h5p.json', size: 200 },
		{ name: 'content/', size: 0 },
		{ name: 'content/content.json', size: 20 },
		{ name: 'H5P.SenTest-1.0/library.json', size: 150 },
		{ name: 'H5P.SenTest-1.0/sentest.js', size: 120 },
		{ name: 'FontAwesome-4.5/fonts/fa.eot', size: 10 }
	];
	const manifest = { title: 'Chào', mainLibrary: 'H5P.SenTest', preloadedDependencies: [{ machineName: 'H5P.SenTest', majorVersion: 1, minorVersion: 0 }] };
	const paths = ['h5p.json', 'content/content.json', 'H5P.SenTest-1.0/library.json', 'H5P.SenTest-1.0/sentest.js'];

	it('are found by h5p.json at the root (or in the one folder), and start at the page Sen writes', () => {
		const plan = planPackage(h5pFiles);
		expect(plan).toMatchObject({ kind: 'h5p', entry: H5P_ENTRY });
		expect('files' in plan && plan.files.map((f) => f.path)).toContain('FontAwesome-4.5/fonts/fa.eot');
		expect(planPackage(h5pFiles.map((f) => ({ ...f, name: `bai/${f.name}` })))).toMatchObject({ kind: 'h5p', entry: H5P_ENTRY });
		expect(typeOf('content/content.json')).toBe('application/json');
		// Nothing executable outside the sandbox joins the list, and nothing may take the start page's name.
		expect(planPackage([...h5pFiles, { name: 'H5P.SenTest-1.0/build.sh', size: 1 }])).toEqual({ problem: 'type_not_allowed', name: 'H5P.SenTest-1.0/build.sh' });
		expect(planPackage([...h5pFiles, { name: 'H5P.SenTest-1.0/x.php', size: 1 }])).toEqual({ problem: 'type_not_allowed', name: 'H5P.SenTest-1.0/x.php' });
		expect(planPackage([...h5pFiles, { name: H5P_ENTRY, size: 1 }])).toEqual({ problem: 'unsafe_path', name: H5P_ENTRY });
		expect(planPackage([...h5pFiles, { name: 'H5P.SenTest-1.0/../../x.js', size: 1 }])).toEqual({ problem: 'unsafe_path', name: 'H5P.SenTest-1.0/../../x.js' });
	});

	it('need a main library, every preloaded dependency’s folder with its library.json, and content.json', () => {
		expect(checkH5P(manifest, paths)).toEqual({ mainLibrary: 'H5P.SenTest', title: 'Chào' });
		// A library folder without its version is what h5p-standalone also reads.
		expect(checkH5P(manifest, ['h5p.json', 'content/content.json', 'H5P.SenTest/library.json'])).toMatchObject({ mainLibrary: 'H5P.SenTest' });
		expect(checkH5P(null, paths)).toEqual({ problem: 'h5p_unreadable' });
		expect(checkH5P([], paths)).toEqual({ problem: 'h5p_unreadable' });
		expect(checkH5P({ ...manifest, mainLibrary: undefined }, paths)).toEqual({ problem: 'h5p_no_main_library' });
		expect(checkH5P({ ...manifest, mainLibrary: '../x' }, paths)).toEqual({ problem: 'h5p_no_main_library' });
		expect(checkH5P({ ...manifest, mainLibrary: 'H5P.Other' }, paths)).toEqual({ problem: 'h5p_missing_library', name: 'H5P.Other' });
		const twoDeps = { ...manifest, preloadedDependencies: [...manifest.preloadedDependencies, { machineName: 'H5P.JoubelUI', majorVersion: 1, minorVersion: 3 }] };
		expect(checkH5P(twoDeps, paths)).toEqual({ problem: 'h5p_missing_library', name: 'H5P.JoubelUI-1.3' });
		expect(checkH5P({ ...manifest, preloadedDependencies: [...manifest.preloadedDependencies, { machineName: 'H5P.X', majorVersion: '1' }] }, paths)).toEqual({ problem: 'h5p_unreadable' });
		expect(checkH5P(manifest, paths.filter((p) => p !== 'content/content.json'))).toEqual({ problem: 'h5p_no_content' });
	});

	it('start at a page that loads Sen’s player and plays the package from its own folder', () => {
		const page = h5pEntryPage('/h5p-player/3.8.2');
		expect(page).toContain('<script src="/h5p-player/3.8.2/main.bundle.js"></script>');
		expect(page).toContain("h5pJsonPath: '.'");
		expect(page).toContain("embedType: 'div'");
		expect(page).toContain("frameJs: '/h5p-player/3.8.2/frame.bundle.js'");
		expect(page).toContain("frameCss: '/h5p-player/3.8.2/styles/h5p.css'");
		expect(() => h5pEntryPage("/x'</script>")).toThrow();
	});
});
