// Where rif finds its own files. Kept at the top of src/ so that the same relative
// URLs hold in src/ (tests) and in the one-file build in dist/.
import { fileURLToPath } from 'node:url';

/** The package's own folder: bin/, dist/, facts/ and package.json. */
export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** The bundled fact files (facts/ in the package). */
export const BUNDLED_DIR = fileURLToPath(new URL('../facts/', import.meta.url));

/** The JSON Schemas of a fact file and of a record, written by the build (rif schema prints them). */
export const SCHEMA_DIR = fileURLToPath(new URL('../dist/schema/', import.meta.url));

/** The bundled facts compiled at build time (npm run build). */
export const BUNDLED_STORE_DIR = fileURLToPath(new URL('../dist/bundled/', import.meta.url));
