// Reads a PNG as the tests need it: its size, and how many of its pixels are not the background.
// Handles what rsvg-convert and Chromium write: 8-bit RGB or RGBA, not interlaced.
import { inflateSync } from 'node:zlib';

export interface Png {
  readonly width: number;
  readonly height: number;
  /** RGBA, four bytes a pixel */
  readonly pixels: Uint8Array;
}

export function readPng(data: Uint8Array): Png {
  const view = Buffer.from(data);
  if (view.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (at < view.length) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    const body = view.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = ({ 2: 3, 6: 4 } as Record<number, number>)[body[9]!] ?? NaN;
      if (!channels) throw new Error(`colour type ${body[9]} is not RGB or RGBA`);
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      rows[y * stride + x] = (line[x]! + add) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) pixels[i * 4 + k] = rows[i * channels + k]!;
    pixels[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return { width, height, pixels };
}

/** Pixels that are neither white nor transparent. */
export function inkedPixels(png: Png): number {
  let n = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    const [r, g, b, a] = [png.pixels[i]!, png.pixels[i + 1]!, png.pixels[i + 2]!, png.pixels[i + 3]!];
    if (a > 0 && (r < 240 || g < 240 || b < 240)) n++;
  }
  return n;
}

/** Distinct colours among the inked pixels, rounded to 1/8: how many inks a picture uses. */
export function inks(png: Png): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < png.pixels.length; i += 4) {
    const [r, g, b] = [png.pixels[i]! >> 5, png.pixels[i + 1]! >> 5, png.pixels[i + 2]! >> 5];
    seen.add(`${r},${g},${b}`);
  }
  return seen;
}
