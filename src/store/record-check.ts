// A record as the checks across files take it (see plan.ts): what the entry stores of it, and its
// positions, found by parsing its file again only when a check reports a problem there.
import type { CheckEntry, CheckedField } from '../facts/check.js';
import { readText, type FactJob } from '../facts/files.js';
import type { Position } from '../facts/locate.js';
import { lazilyLocated } from '../facts/parse-file.js';
import { fieldAt, type Located, type ParseContext } from '../facts/parse.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import type { StoredCheck } from './sources.js';

/** How a record's file is parsed again, should a check need a position in it. */
export interface Reparse {
  readonly vocabulary: Vocabulary;
  readonly maxFileBytes: number | undefined;
}

/**
 * A record as the checks across files take it: what is stored of it, and positions from what is stored
 * or else (for a problem, which is rare) found by parsing its file again, then stored for next time. One
 * object per record, no closures: an edit of one file in 10,000 checks every record again.
 */
export class RecordCheck implements CheckEntry {
  private located: Located | undefined;

  constructor(
    readonly stored: StoredCheck,
    private readonly expect: FactJob['expect'],
    private readonly reparse: Reparse,
  ) {}

  get id(): string {
    return this.stored.id;
  }
  get file(): string {
    return this.stored.file;
  }
  get related(): readonly string[] {
    return this.stored.related;
  }
  get summary(): string {
    return this.stored.summary;
  }

  at(field: CheckedField): Position {
    const known = this.stored.at?.[field];
    if (known) return { line: known[0], col: known[1] };
    const { file, index } = this.stored;
    const ctx: ParseContext = { file, vocabulary: this.reparse.vocabulary, ...(this.expect ? { expect: this.expect } : {}) };
    this.located ??= lazilyLocated({ id: this.stored.id } as Fact, index, ctx, () => readText(file, [], this.reparse.maxFileBytes));
    const at = fieldAt(this.located, field);
    (this.stored as { at?: StoredCheck['at'] }).at = { ...this.stored.at, [field]: [at.line, at.col] };
    return at;
  }
}
