// Where rif finds its own files. Kept at the top of src/ so that the same relative
// URLs hold in src/ (tests) and in the one-file build in dist/.
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file's folder, as a path (parsing a URL costs a run 0.2 ms); Node before 20.11 has only the URL. */
const here: string | undefined = import.meta.dirname;

/** The package's own folder: bin/, dist/, facts/ and package.json. */
export const PACKAGE_DIR = join(here ?? dirname(fileURLToPath(import.meta.url)), '..', sep);

/** A folder under the package, ending in a separator as PACKAGE_DIR does. */
const under = (...names: string[]): string => join(PACKAGE_DIR, ...names) + sep;

/** The bundled fact files (facts/ in the package). */
export const BUNDLED_DIR = under('facts');

/** The JSON Schemas of a fact file and of a record, written by the build (rif schema prints them). */
export const SCHEMA_DIR = under('dist', 'schema');

/** The bundled facts compiled at build time (npm run build). */
export const BUNDLED_STORE_DIR = under('dist', 'bundled');
