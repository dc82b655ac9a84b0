// Maps a path inside a parsed YAML document (["sources", 0, "url"]) to a 1-based line and column.
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { yaml } from './yaml-lib.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

export type Path = readonly (string | number)[];

/** Locates a path in the document being parsed. */
export type At = (path: Path, key?: boolean) => Position;

function keyName(pair: Pair): unknown {
  const key = pair.key as { value?: unknown } | null;
  return key && typeof key === 'object' && 'value' in key ? key.value : key;
}

/**
 * The position of the value at `path` or, with `key`, of its key. Where the path does not exist
 * (a missing field), the deepest node that does exist is used.
 */
export function locate(doc: Document, counter: LineCounter, path: Path, key = false): Position {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    const wantKey = key && i === path.length - 1;
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => keyName(p) === segment);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      offset = (wantKey ? keyNode?.range?.[0] : valueNode?.range?.[0] ?? keyNode?.range?.[0]) ?? offset;
      node = valueNode;
    } else if (yaml().isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = counter.linePos(offset);
  return { line, col };
}
