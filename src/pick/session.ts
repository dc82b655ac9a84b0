// The picker on the terminal: keys change the query, the list or the marks; each change is drawn at once,
// and the search for a new query runs after the keys already read (a search a later key overtook is
// dropped, its result never drawn). Ends with what the user chose, after the terminal is restored.
import type { ChalkInstance } from 'chalk';
import type { Terminal } from '../io.js';
import type { Found, PickRow } from './find.js';
import { drawFrame, layout, type Scene } from './frame.js';
import { decodeKeys, type Key } from './keys.js';

type Action = 'print' | 'cite' | 'open';

/** What the user chose: an action on facts (store indices, in the order marked), or to leave with nothing. */
export type Outcome = { readonly action: Action; readonly indices: readonly number[] } | { readonly action: 'quit' } | { readonly action: 'none' };

export interface PickSetup {
  readonly query: string;
  readonly find: (query: string) => Promise<Found>;
  /** the fact's card, as lines, `width` columns wide */
  readonly card: (index: number, width: number) => Promise<readonly string[]>;
  readonly chalk: ChalkInstance;
  /** the filters given, as typed, for the status line */
  readonly filters: string;
}

const WHEEL_LINES = 3;
const ACTIONS: Readonly<Record<string, Action>> = { enter: 'print', 'ctrl-y': 'cite', 'ctrl-o': 'open' };
const QUITS = new Set(['escape', 'ctrl-c', 'ctrl-g', 'ctrl-q']);

/** Runs the picker on `term` until a key ends it; the terminal is restored before this resolves, whatever happened. */
export async function pick(term: Terminal, setup: PickSetup): Promise<Outcome> {
  let scene: Scene = {
    query: setup.query,
    cursor: setup.query.length,
    rows: [],
    selected: 0,
    top: 0,
    marked: new Set(),
    preview: [],
    previewTop: 0,
    searching: true,
    note: undefined,
    filters: setup.filters,
  };
  let searchTurn = 0;
  let previewTurn = 0;
  const cards = new Map<string, readonly string[]>();
  let finish: (outcome: Outcome) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  // once a key has ended the picker, a search or card still on its way draws nothing: the screen it
  // would draw on is the shell's again
  let over = false;
  const ended = new Promise<Outcome>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const [resolveEnd, rejectEnd] = [finish, fail];
  finish = (outcome) => {
    over = true;
    resolveEnd(outcome);
  };
  fail = (error) => {
    over = true;
    rejectEnd(error);
  };

  // between Ctrl-Z and fg the terminal is the shell's: nothing is drawn
  let suspended = false;
  const draw = () => {
    if (suspended || over) return;
    const { columns, rows } = term.size();
    term.write(drawFrame(scene, columns, rows, setup.chalk));
  };
  const previewWidth = () => {
    const { columns, rows } = term.size();
    const { preview, wide } = layout(columns, rows);
    return preview.width - (wide ? 1 : 0);
  };
  const listHeight = () => layout(term.size().columns, term.size().rows).list.height;

  /** the card of the selected row, from the cache or rendered; undefined when a later move overtook it */
  async function cardOf(row: PickRow | undefined, turn: number): Promise<readonly string[] | undefined> {
    if (!row) return [];
    const key = `${row.index}:${previewWidth()}`;
    const known = cards.get(key);
    if (known) return known;
    const lines = await setup.card(row.index, previewWidth());
    cards.set(key, lines);
    return turn === previewTurn ? lines : undefined;
  }
  async function showPreview(): Promise<void> {
    const turn = ++previewTurn;
    const lines = await cardOf(scene.rows[scene.selected], turn);
    if (lines === undefined || turn !== previewTurn) return;
    scene = { ...scene, preview: lines, previewTop: 0 };
    draw();
  }
  function search(): void {
    const turn = ++searchTurn;
    scene = { ...scene, searching: true };
    // after the keys already read: a paste or fast typing searches once, for the whole query
    setImmediate(() => {
      if (turn !== searchTurn) return;
      const query = scene.query;
      (async () => {
        const found = await setup.find(query);
        if (turn !== searchTurn) return;
        const first = ++previewTurn;
        // the list and the first fact's card are drawn together
        const preview = (await cardOf(found.rows[0], first)) ?? [];
        if (turn !== searchTurn) return;
        scene = { ...scene, rows: found.rows, note: found.note, selected: 0, top: 0, preview, previewTop: 0, searching: false };
        draw();
      })().catch(fail);
    });
  }
  function select(to: number): void {
    const last = scene.rows.length - 1;
    const selected = Math.max(0, Math.min(last, to));
    if (selected === scene.selected || last < 0) return;
    const height = listHeight();
    const top = Math.min(Math.max(scene.top, selected - height + 1), selected);
    scene = { ...scene, selected, top };
    showPreview().catch(fail);
  }
  function scrollPreview(by: number): void {
    const previewTop = Math.max(0, Math.min(scene.preview.length - 1, scene.previewTop + by));
    scene = { ...scene, previewTop };
  }
  function edit(query: string, cursor: number): void {
    if (query === scene.query) {
      scene = { ...scene, cursor };
      return;
    }
    scene = { ...scene, query, cursor };
    search();
  }
  function toggleMark(): void {
    const row = scene.rows[scene.selected];
    if (!row) return;
    const marked = new Set(scene.marked);
    if (!marked.delete(row.index)) marked.add(row.index);
    scene = { ...scene, marked };
  }
  /** the facts an action takes: the marked ones, else the selected one */
  function chosen(): number[] {
    if (scene.marked.size) return [...scene.marked];
    const row = scene.rows[scene.selected];
    return row ? [row.index] : [];
  }

  function press(key: Key): void {
    const { query, cursor } = scene;
    if (key.type === 'text') return edit(query.slice(0, cursor) + key.text + query.slice(cursor), cursor + key.text.length);
    if (key.type === 'wheel') {
      const { list } = layout(term.size().columns, term.size().rows);
      const inList = key.x - 1 < list.x + list.width && key.y - 1 < list.y + list.height;
      if (inList) return select(scene.selected + (key.up ? -1 : 1));
      return scrollPreview(key.up ? -WHEEL_LINES : WHEEL_LINES);
    }
    const name = key.name;
    const action = ACTIONS[name];
    if (action) {
      const indices = chosen();
      return finish(indices.length ? { action, indices } : { action: 'none' });
    }
    if (QUITS.has(name)) return finish({ action: 'quit' });
    const before = [...query.slice(0, cursor)];
    const after = [...query.slice(cursor)];
    const page = Math.max(1, listHeight() - 1);
    const moves: Record<string, () => void> = {
      up: () => select(scene.selected - 1),
      'ctrl-p': () => select(scene.selected - 1),
      'ctrl-k': () => select(scene.selected - 1),
      down: () => select(scene.selected + 1),
      'ctrl-n': () => select(scene.selected + 1),
      'ctrl-j': () => select(scene.selected + 1),
      pageup: () => select(scene.selected - page),
      pagedown: () => select(scene.selected + page),
      home: () => select(0),
      end: () => select(scene.rows.length - 1),
      'shift-up': () => scrollPreview(-1),
      'shift-down': () => scrollPreview(1),
      tab: () => (toggleMark(), select(scene.selected + 1)),
      'shift-tab': () => (toggleMark(), select(scene.selected - 1)),
      left: () => edit(query, cursor - (before.at(-1)?.length ?? 0)),
      right: () => edit(query, cursor + (after[0]?.length ?? 0)),
      'ctrl-a': () => edit(query, 0),
      'ctrl-e': () => edit(query, query.length),
      backspace: () => edit(before.slice(0, -1).join('') + after.join(''), cursor - (before.at(-1)?.length ?? 0)),
      delete: () => edit(query.slice(0, cursor) + after.slice(1).join(''), cursor),
      'ctrl-u': () => edit(query.slice(cursor), 0),
      'ctrl-w': () => {
        const kept = query.slice(0, cursor).replace(/\S+\s*$/u, '');
        edit(kept + query.slice(cursor), kept.length);
      },
      'ctrl-z': () => {
        suspended = true;
        term.suspend();
      },
      'ctrl-l': () => {},
    };
    moves[name]?.();
  }

  term.enter({
    input: (data) => {
      try {
        for (const key of decodeKeys(data)) if (!over) press(key);
        draw();
      } catch (error) {
        fail(error);
      }
    },
    resize: () => {
      const height = listHeight();
      scene = { ...scene, top: Math.min(scene.top, scene.selected), ...(scene.selected >= scene.top + height ? { top: scene.selected - height + 1 } : {}) };
      draw();
      showPreview().catch(fail);
    },
    resumed: () => {
      suspended = false;
      draw();
    },
  });
  try {
    draw();
    search();
    return await ended;
  } finally {
    term.leave();
  }
}
