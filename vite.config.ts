import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		}),
		// SEN_BUILD_DIR / SEN_KIT_DIR let parallel checkouts or CI jobs build side by side.
		sveltekit({ adapter: adapter({ out: process.env.SEN_BUILD_DIR ?? 'build' }), outDir: process.env.SEN_KIT_DIR ?? '.svelte-kit' })
	],
	build: { chunkSizeWarningLimit: 2000 }
});
