import { defineConfig } from 'vitest/config';

// Plain Vitest (no SvelteKit plugin): unit tests import src directly, integration tests drive the
// built server in-process (see tests/helpers/app.ts). `npm test` builds first.
export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		pool: 'forks',
		maxWorkers: 2,
		fileParallelism: true,
		// Test files share their worker's module cache: each file still starts its own app on its own
		// database (tests/helpers/app.ts), but the built server and Sen's modules load once per worker
		// instead of once per file (docs/decisions/010).
		isolate: false,
		testTimeout: 30_000,
		hookTimeout: 120_000,
		globalSetup: ['tests/helpers/global-setup.ts'],
		env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' }
	}
});
