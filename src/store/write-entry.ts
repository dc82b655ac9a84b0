// Writes a plan as a store entry. A new entry is written whole into a folder beside it and renamed into
// place; an entry that is updated gets the new records appended to its growing files, new versions of the
// small files that changed, and then its manifest, whole: until that rename, readers see the old version.
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { headOf } from '../facts/head.js';
import { closeDoc } from '../search/doc.js';
import { dateOrder } from '../sort.js';
import type { Issue } from '../facts/issues.js';
import type { Fact } from '../facts/types.js';
import { blockSums } from './blocks.js';
import type { Checksum } from './checksum.js';
import { bodyOf, growingFile, SMALL, writeManifest, writeSmall, type GrowingName, type Manifest, type SmallName, type Sum } from './entry.js';
import { encodeIds } from './ids-file.js';
import { appendItems, encodeIndex, type ItemIndex } from './items.js';
import { compileListing } from './listing.js';
import type { Plan } from './plan.js';
import { encodeChecks, encodeSources } from './sources-file.js';
import { encodeWordIndex } from './word-index-file.js';

export interface WriteOptions {
  /** the fingerprint of the user's paths taken before the walk the plan comes from */
  readonly fingerprint?: string | undefined;
  /** paths in the entry are relative to this folder (the bundled facts) */
  readonly fileBase?: string | undefined;
  /** also write each fact's JSON record as listings print it (the bundled store) */
  readonly listing?: boolean | undefined;
}

/** The entry being updated: its manifest and the item indices of its growing files. */
export interface Updating {
  readonly manifest: Manifest;
  readonly recordsAt: ItemIndex;
  readonly headsAt: ItemIndex;
  readonly docsAt: ItemIndex;
}

const NO_ITEMS: ItemIndex = { start: new Float64Array(0), length: new Uint32Array(0), crc: new Uint32Array(0) };

export function writeEntry(dir: string, plan: Plan, updating: Updating | undefined, options: WriteOptions, crc: Checksum): void {
  if (updating && plan.firstNew > 0) return writeVersion(dir, plan, updating, options, crc);
  const temp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(temp, { recursive: true });
  try {
    writeVersion(temp, plan, undefined, options, crc);
    mkdirSync(dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

function writeVersion(dir: string, plan: Plan, updating: Updating | undefined, options: WriteOptions, crc: Checksum): void {
  const relative = (file: string) => (options.fileBase && file.startsWith(options.fileBase) ? file.slice(options.fileBase.length) : file);
  const generation = (updating?.manifest.generation ?? 0) + 1;
  const sums: Partial<Record<SmallName, Sum>> = plan.changed ? {} : { ...updating?.manifest.sums };
  const put = (name: SmallName, bytes: Uint8Array) => (sums[name] = writeSmall(dir, name, generation, bytes, crc));
  const withFile = (issue: Issue): Issue => ({
    ...issue,
    file: relative(issue.file),
    ...(issue.also ? { also: { ...issue.also, file: relative(issue.also.file) } } : {}),
  });

  let grown = updating?.manifest.grown ?? { records: 0, heads: 0, docs: 0 };
  if (plan.changed) {
    const stored = options.fileBase ? plan.appended.map((fact): Fact => ({ ...fact, file: relative(fact.file) })) : plan.appended;
    // each growing file gets an item for each fact appended, and a new index; its new length
    const grow = <T>(name: GrowingName, values: readonly T[], item?: (value: T) => unknown): number => {
      const { index, bytes } = appendItems(growingFile(dir, name), grown[name], updating?.[`${name}At`] ?? NO_ITEMS, values, crc, item);
      put(`${name}At`, encodeIndex(index));
      return bytes;
    };
    grown = { records: grow('records', stored), heads: grow('heads', plan.appended, headOf), docs: grow('docs', plan.appended, closeDoc) };
    put('columns', plan.columns.bytes);
    const ids = encodeIds(plan.ids);
    put('ids', ids.text);
    put('idsAt', ids.at);
    const order = dateOrder(plan.columns.lo, plan.columns.hi, plan.ids);
    put('order', new Uint8Array(order.buffer, order.byteOffset, order.byteLength));
    const index = encodeWordIndex(plan.wordIndex);
    put('words', index.words);
    put('postings', index.postings);
    const sums = blockSums(index.postings, crc);
    put('postingSums', new Uint8Array(sums.buffer, sums.byteOffset, sums.byteLength));
    put('checks', encodeChecks(plan.checks, relative));
    if (options.listing) {
      const listing = compileListing(plan.kept.map((r) => stored[r - plan.firstNew]!));
      put('listing', listing.text);
      put('listingAt', listing.at);
    }
  }
  const { sources } = plan;
  put('files', encodeSources(sources, relative, withFile));
  writeManifest(
    dir,
    {
      key: plan.key,
      generation,
      sums,
      grown,
      facts: plan.kept.length,
      records: plan.firstNew + plan.appended.length,
      dead: plan.dead,
      ...(options.fingerprint === undefined || plan.racy ? {} : { fingerprint: options.fingerprint }),
      factFiles: sources.files.length,
      vocabulary: [...plan.vocabulary],
      issues: plan.issues.map(withFile),
    },
    crc,
  );
  if (updating) removeOldVersions(dir, sums);
}

/** Records in the manifest the fingerprint of a walk that found the files unchanged. */
export function recordFingerprint(dir: string, manifest: Manifest, fingerprint: string, crc: Checksum): void {
  try {
    writeManifest(dir, { ...bodyOf(manifest), fingerprint }, crc);
  } catch {
    // it is only a quicker check next time
  }
}

/** Small files of earlier versions: no reader that opens the entry from now on needs them. */
function removeOldVersions(dir: string, sums: Partial<Record<SmallName, Sum>>): void {
  for (const name of readdirSync(dir)) {
    const match = /^([a-zA-Z]+)\.(\d+)\.\w+$/.exec(name);
    if (!match || !(SMALL as readonly string[]).includes(match[1]!)) continue;
    if (sums[match[1] as SmallName]?.gen !== Number(match[2])) rmSync(join(dir, name), { force: true });
  }
}

/** Paths inside a store are relative to `fileBase` (the bundled facts) or absolute (a user cache). */
export const absoluteIn =
  (fileBase: string | undefined) =>
  (file: string): string =>
    fileBase && !isAbsolute(file) ? join(fileBase, file) : file;
