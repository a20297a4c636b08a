import { defineConfig } from 'vitest/config';

// Plain Vitest (no SvelteKit plugin): unit tests import src directly, integration tests drive the
// built server in-process (see tests/helpers/app.ts). `npm test` builds first.
export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		pool: 'forks',
		maxWorkers: 2,
		fileParallelism: true,
		testTimeout: 30_000,
		hookTimeout: 120_000,
		globalSetup: ['tests/helpers/global-setup.ts'],
		env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' }
	}
});
