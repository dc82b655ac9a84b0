// The yaml package, the parser that keeps positions, loaded the first time a run needs it: a fact file
// that is clean is read by js-yaml (parse-file.ts), so an edit of such a file never loads it (~10 ms).
// The build ships it as dist/yaml.cjs, which require() loads at once where an import() would make every
// caller wait; from the sources (tests), the package itself is required.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/** Defined by scripts/build.mjs as the path of the bundle beside the chunk that requires it. */
declare const RIF_YAML_BUNDLE: string | undefined;

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)(typeof RIF_YAML_BUNDLE === 'string' ? RIF_YAML_BUNDLE : 'yaml') as typeof Yaml);
}
