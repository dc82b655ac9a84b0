// The checksum that tells damage from data, in cache entries, the bundled store and the code cache:
// FNV-1a over the bytes taken as little-endian 32-bit words (then the last bytes one by one), in plain
// JavaScript. zlib's CRC-32 would cost a run more to load (node:zlib brings Node's streams) than the
// hashing of everything a look-up reads. A change that stays within one word always changes the sum.

export type Checksum = (data: Uint8Array) => number;

const PRIME = 0x01000193;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The words of data as 32-bit integers, read in place where the platform and alignment allow. */
function words(data: Uint8Array): Int32Array | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  const count = data.length >>> 2;
  if (data.byteOffset % 4 === 0) return new Int32Array(data.buffer, data.byteOffset, count);
  // a copy (a Buffer's slice() would share the memory, at the same offset)
  const aligned = new Uint8Array(count * 4);
  aligned.set(data.subarray(0, count * 4));
  return new Int32Array(aligned.buffer);
}

export const checksum: Checksum = (data) => {
  const count = data.length >>> 2;
  const view = words(data);
  let hash = 0x811c9dc5 | 0;
  if (view) {
    let i = 0;
    // four words a turn: the loop runs interpreted at first, and its overhead is most of the cost then
    for (; i + 4 <= count; i += 4) {
      hash = Math.imul(hash ^ view[i]!, PRIME);
      hash = Math.imul(hash ^ view[i + 1]!, PRIME);
      hash = Math.imul(hash ^ view[i + 2]!, PRIME);
      hash = Math.imul(hash ^ view[i + 3]!, PRIME);
    }
    for (; i < count; i++) hash = Math.imul(hash ^ view[i]!, PRIME);
  } else {
    const bytes = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < count; i++) hash = Math.imul(hash ^ bytes.getInt32(i * 4, true), PRIME);
  }
  for (let i = count * 4; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, PRIME);
  return hash >>> 0;
};
