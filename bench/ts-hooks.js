/**
 * Lets Node run Sen's TypeScript sources directly (no bundler, no tsx): sources import siblings
 * without an extension ("./schema", "#lib/server/errors"), as Vite resolves them; this hook tries
 * ".ts" and "/index.ts" when plain resolution fails. Use with
 * `node --experimental-transform-types --import ./bench/ts-hooks.js bench/<file>.ts`.
 */
import { registerHooks } from 'node:module';

registerHooks({
	resolve(specifier, context, next) {
		try {
			return next(specifier, context);
		} catch (error) {
			if (!/^(\.|#lib\/)/.test(specifier) || /\.(ts|js|json)$/.test(specifier)) throw error;
			for (const suffix of ['.ts', '/index.ts']) {
				try {
					return next(specifier + suffix, context);
				} catch {
					// try the next suffix
				}
			}
			throw error;
		}
	}
});
