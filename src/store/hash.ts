// Digests of fact files' bytes and of the bundled facts: SHA-1 of a text or of bytes. node:crypto is
// required, not imported: it loads only in runs that read fact files, and without the ESM wrapper that
// copies every one of its exports. Cache keys and the fingerprint, which every run with user facts
// takes, use the checksum's digest (checksum.ts).
import { createRequire } from 'node:module';

export type Hash = (data: string | Uint8Array) => string;

/** SHA-1, with node:crypto loaded at the first call: a run whose cache entry is current hashes nothing. */
export function hasher(): Hash {
  let crypto: typeof import('node:crypto') | undefined;
  return (data) => {
    crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
    return crypto.createHash('sha1').update(data).digest('hex');
  };
}
