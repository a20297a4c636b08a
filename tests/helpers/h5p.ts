/**
 * A minimal but real H5P package, built in the test (no network to fetch real content types):
 * the library H5P.SenTest 1.0 written to the H5P JavaScript API, and content that says "Xin chào".
 * `change` edits the file map before zipping (drop or replace a file) to make bad packages.
 */
import { strToU8, zipSync } from 'fflate';

export const SENTEST_JS = `H5P.SenTest = function (params) {
	this.attach = function ($container) {
		$container.html('<p id="h5p-out">' + params.text + '</p>');
	};
};
`;

export function senTestFiles(): Record<string, string> {
	return {
		'h5p.json': JSON.stringify({ title: 'Lời chào', language: 'vi', mainLibrary: 'H5P.SenTest', embedTypes: ['iframe'], license: 'U', preloadedDependencies: [{ machineName: 'H5P.SenTest', majorVersion: 1, minorVersion: 0 }] }),
		'content/content.json': JSON.stringify({ text: 'Xin chào' }),
		'H5P.SenTest-1.0/library.json': JSON.stringify({ title: 'Sen test', machineName: 'H5P.SenTest', majorVersion: 1, minorVersion: 0, patchVersion: 0, runnable: 1, embedTypes: ['iframe'], preloadedJs: [{ path: 'sentest.js' }] }),
		'H5P.SenTest-1.0/sentest.js': SENTEST_JS
	};
}

export function senTestH5P(change: (files: Record<string, string>) => Record<string, string> = (f) => f): Uint8Array<ArrayBuffer> {
	return zipSync(Object.fromEntries(Object.entries(change(senTestFiles())).map(([k, v]) => [k, strToU8(v)])));
}
