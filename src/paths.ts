// Where rif finds its own files. Kept at the top of src/ so that the same relative
// URLs hold in src/ (tests) and in the one-file build in dist/.
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder: bin/, dist/, facts/ and package.json. */
export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** A folder under the package, ending in a separator as PACKAGE_DIR does (one URL parsed at load, not four). */
const under = (...names: string[]): string => join(PACKAGE_DIR, ...names) + sep;

/** The bundled fact files (facts/ in the package). */
export const BUNDLED_DIR = under('facts');

/** The JSON Schemas of a fact file and of a record, written by the build (rif schema prints them). */
export const SCHEMA_DIR = under('dist', 'schema');

/** The bundled facts compiled at build time (npm run build). */
export const BUNDLED_STORE_DIR = under('dist', 'bundled');
