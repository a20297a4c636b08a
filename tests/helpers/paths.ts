import { resolve } from 'node:path';

/** Where the test databases' templates live, per build (SEN_BUILD_DIR), under node_modules/.cache. */
const CACHE = resolve('node_modules/.cache/sen-test', process.env.SEN_BUILD_DIR ?? 'build');
/** A migrated PGlite data dir written once by global-setup; each test file starts from a copy. */
export const TEMPLATE_PATH = resolve(CACHE, 'template.tar.gz');
/** A PGlite data dir migrated and seeded with the demo (year 2026) by global-setup, copied by the browser tests' Sen. */
export const SEEDED_DATA_DIR = resolve(CACHE, 'seeded-data');
