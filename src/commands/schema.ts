// rif schema: the JSON Schemas of a fact file and of the JSON record, generated from the zod schemas.
import { join } from 'node:path';
import { Argument, Command } from 'commander';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { packageVersion } from '../package.js';
import { SCHEMA_DIR } from '../paths.js';

/** The names, here as well as in facts/json-schema.ts: the command is built without loading zod. */
const NAMES = Object.freeze(['fact', 'record'] as const);
type Name = (typeof NAMES)[number];

export function schemaCommand(io: Io, done: (code: number) => void): Command {
  return new Command('schema')
    .description('the JSON Schema of a fact file (fact) or of the JSON record rif prints (record), for editors and validators')
    .addArgument(new Argument('<name>', 'fact or record').choices(NAMES))
    .option('--path', 'print where the package keeps the schema file instead (for a $schema line)')
    .addHelpText(
      'after',
      `
Both are generated from the zod schemas rif checks with, for this version of rif, and ship in the
package (dist/schema/). An editor with the YAML language server (VS Code's YAML extension, Neovim,
Helix, Emacs) checks a fact file as you type when its first line names the schema:

  # yaml-language-server: $schema=/path/to/dist/schema/fact.schema.json

rif validate checks more than a schema can say: real dates, date order, topics, ids across files.

Examples:
  rif schema fact > fact.schema.json
  rif schema record > record.schema.json
  echo "# yaml-language-server: \\$schema=$(rif schema fact --path)" > notes/new-fact.yaml`,
    )
    .action(async (name: Name, options: { readonly path?: boolean }) => {
      if (options.path) {
        io.stdout(`${join(SCHEMA_DIR, `${name}.schema.json`)}\n`);
        return done(EXIT.ok);
      }
      // zod loads only here
      const [{ jsonSchema }, { renderJson }] = await Promise.all([import('../facts/json-schema.js'), import('../render/json.js')]);
      io.stdout(renderJson(jsonSchema(name, packageVersion())));
      done(EXIT.ok);
    });
}
