// The files of a store on disk (the bundled store, or a cache entry of the user's facts) and its
// manifest. Nothing is used before it is checked: the manifest carries the checksum of its own text and
// of every file the entry holds, and each item of the two files that grow (records and heads, appended to
// on an edit) has a checksum of its own. Anything that does not hold up is StoreDamaged, and the caller rebuilds.
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../facts/issues.js';
import type { Checksum, Summed } from './checksum.js';

const MAGIC = 'rif-store';
/** Raise when the layout of any file changes: older entries are then foreign and rebuilt. */
const FORMAT = 19;

/** Files rewritten whole when what they hold changes, each named with the generation it was written in. */
export const SMALL = Object.freeze([
  'columns',
  'ids',
  'idsAt',
  'words',
  'postings',
  'postingSums',
  'files',
  'checks',
  'recordsAt',
  'headsAt',
  'docsAt',
  'order',
  'listing',
  'listingAt',
] as const);
export type SmallName = (typeof SMALL)[number];
/** Files that only grow: an edit appends the new items, and the manifest says how much of each is valid. */
export type GrowingName = 'records' | 'heads' | 'docs';

const EXTENSION: Readonly<Record<SmallName, string>> = {
  columns: 'bin',
  ids: 'txt',
  idsAt: 'bin',
  words: 'txt',
  postings: 'bin',
  postingSums: 'bin',
  files: 'bin',
  checks: 'bin',
  recordsAt: 'bin',
  headsAt: 'bin',
  docsAt: 'bin',
  order: 'bin',
  listing: 'json',
  listingAt: 'bin',
};

export class StoreDamaged extends Error {}

export interface Sum {
  readonly bytes: number;
  readonly crc: number;
  /** the generation the file was written in, which its name carries */
  readonly gen: number;
}

export interface Manifest {
  readonly magic: typeof MAGIC;
  readonly format: number;
  /** what the entry is for: the rif version, the paths, the bundled facts' key, --max-file-size */
  readonly key: string;
  /** bumped on every change; names the small files written in it */
  readonly generation: number;
  readonly sums: Readonly<Partial<Record<SmallName, Sum>>>;
  /** how many bytes of each growing file are valid */
  readonly grown: Readonly<Record<GrowingName, number>>;
  /** facts kept (after the checks across files), and records (every fact parsed, by record number) */
  readonly facts: number;
  readonly records: number;
  /** bytes of the growing files that no live record uses: rebuilt whole when they outweigh the rest */
  readonly dead: number;
  /** the fingerprint of the user's paths (fingerprint.ts) taken before the walk the entry agrees with */
  readonly fingerprint?: string;
  /** how many fact files the walk found */
  readonly factFiles: number;
  readonly vocabulary: readonly (readonly [string, string])[];
  readonly issues: readonly Issue[];
}

export type ManifestBody = Omit<Manifest, 'magic' | 'format'>;

/** What a manifest says, without the marks of its format. */
export function bodyOf(manifest: Manifest): ManifestBody {
  const body: { -readonly [K in keyof Manifest]?: Manifest[K] } = { ...manifest };
  delete body.magic;
  delete body.format;
  return body as ManifestBody;
}

const smallFile = (dir: string, name: SmallName, generation: number): string => join(dir, `${name}.${generation}.${EXTENSION[name]}`);
export const growingFile = (dir: string, name: GrowingName): string => join(dir, `${name}.items`);
const manifestFile = (dir: string): string => join(dir, 'manifest.json');

/** Writes the manifest last and whole (a new file renamed over the old): until then, readers see the old version. */
export function writeManifest(dir: string, body: ManifestBody, crc: Checksum): void {
  const json = JSON.stringify({ magic: MAGIC, format: FORMAT, ...body });
  const temp = join(dir, `manifest.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, `${crc(Buffer.from(json))}\n${json}`);
    renameSync(temp, manifestFile(dir));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The manifest of the store in `dir`; undefined when there is none, or it is foreign or damaged. */
export function readManifest(dir: string, crc: Checksum): Manifest | undefined {
  let text: Buffer;
  try {
    text = readFileSync(manifestFile(dir));
  } catch {
    return undefined;
  }
  const newline = text.indexOf(10);
  const json = text.subarray(newline + 1);
  if (newline < 1 || Number(text.toString('latin1', 0, newline)) !== crc(json)) return undefined;
  try {
    const manifest = JSON.parse(json.toString('utf8')) as Manifest;
    return manifest.magic === MAGIC && manifest.format === FORMAT ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** A file of the store that cannot be read is damage. */
const unreadable = (file: string, error: unknown): StoreDamaged =>
  new StoreDamaged(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);

/** Where a small file of the entry is, and how long. */
export function smallPlace(dir: string, manifest: Manifest, name: SmallName): { file: string; bytes: number } {
  const sum = manifest.sums[name];
  if (!sum) throw new StoreDamaged(`the entry has no ${name}`);
  return { file: smallFile(dir, name, sum.gen), bytes: sum.bytes };
}

/** A small file of the entry, whole, checked against its sum: any failure to read it is damage. */
export function readSmall(dir: string, manifest: Manifest, name: SmallName, crc: Checksum): Buffer {
  const sum = manifest.sums[name];
  if (!sum) throw new StoreDamaged(`the entry has no ${name}`);
  const file = smallFile(dir, name, sum.gen);
  let read: Summed;
  try {
    read = crc.file(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (read.bytes.length !== sum.bytes || read.sum !== sum.crc) throw new StoreDamaged(`${name} does not match its checksum`);
  return read.bytes;
}

/** Writes one small file of a generation, and returns its sum for the manifest. */
export function writeSmall(dir: string, name: SmallName, generation: number, bytes: Uint8Array, crc: Checksum): Sum {
  writeFileSync(smallFile(dir, name, generation), bytes);
  return { bytes: bytes.length, crc: crc(bytes), gen: generation };
}

/**
 * Bytes [start, end) of a file, read at an explicit offset into a buffer of their own, or into the start
 * of `into` (at least as long); a short or failed read is damage.
 */
export function readRange(file: string, fd: { current?: number }, start: number, end: number, into?: Buffer): Buffer {
  const buf = into ? into.subarray(0, end - start) : Buffer.allocUnsafe(end - start);
  let read: number;
  try {
    fd.current ??= openSync(file, 'r');
    read = readSync(fd.current, buf, 0, buf.length, start);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (read !== buf.length) throw new StoreDamaged(`${file} is short`);
  return buf;
}

export function closeFd(fd: { current?: number }): void {
  if (fd.current !== undefined) closeSync(fd.current);
  fd.current = undefined;
}

/** Typed views need aligned memory; a small file read into Node's shared pool may not be. */
const aligned = (buf: Buffer, size: number): Buffer => (buf.byteOffset % size === 0 ? buf : Buffer.from(buf));

export function uint32s(buf: Buffer): Uint32Array {
  const b = aligned(buf, 4);
  return new Uint32Array(b.buffer, b.byteOffset, Math.floor(b.length / 4));
}

export function float64s(buf: Buffer): Float64Array {
  const b = aligned(buf, 8);
  return new Float64Array(b.buffer, b.byteOffset, Math.floor(b.length / 8));
}

/** JSON of a small file, damage when it does not parse. */
export function parseSmall(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new StoreDamaged(`${what} does not parse`);
  }
}
