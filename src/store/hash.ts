// Cache keys and digests: SHA-1 of a text or of bytes. node:crypto is required, not imported: it loads
// only in runs with user facts, the only ones that hash anything, and without the ESM wrapper that copies
// every one of its exports (which costs a look-up in the bundled facts more than the hashing does).
import { createRequire } from 'node:module';

export type Hash = (data: string | Uint8Array) => string;

export function hasher(): Hash {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return (data) => createHash('sha1').update(data).digest('hex');
}
