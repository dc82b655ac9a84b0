// Cache keys and digests: SHA-1 of a text. node:crypto is imported only by runs with user facts, the
// only ones that hash anything; a look-up in the bundled facts does not pay for loading it.

export type Hash = (text: string) => string;

export async function hasher(): Promise<Hash> {
  const { createHash } = await import('node:crypto');
  return (text) => createHash('sha1').update(text).digest('hex');
}
