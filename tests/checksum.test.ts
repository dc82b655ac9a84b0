// The checksum that tells a damaged cache entry: the portable CRC-32 (for a Node without zlib.crc32)
// gives what zlib gives, so an entry written by one Node is read by another.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksum, portableCrc32 } from '../src/store/checksum.js';

describe('CRC-32', () => {
  it.each([0, 1, 7, 64, 1000, 65_537])('of %i random bytes is the same both ways', (n) => {
    const bytes = randomBytes(n);
    expect(portableCrc32(bytes)).toBe(checksum()(bytes));
  });

  it('is the standard one', () => {
    expect(portableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('changes with any one byte', () => {
    const bytes = randomBytes(4096);
    const before = checksum()(bytes);
    bytes[2048] = bytes[2048]! ^ 1;
    expect(checksum()(bytes)).not.toBe(before);
  });
});
