// What the terminal sent, as keys: typed text, named keys (arrows, paging, control letters) and mouse wheel
// turns. Node's readline.emitKeypressEvents decodes keys too, but it splits an SGR mouse report
// (ESC [ < 64 ; 10 ; 5 M) into typed letters and holds a lone Esc until a timer fires; a terminal sends each
// key in one read, so a read is decoded whole here.

type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'shift-up'
  | 'shift-down'
  | 'enter'
  | 'tab'
  | 'shift-tab'
  | 'backspace'
  | 'delete'
  | 'escape'
  | `ctrl-${string}`;

export type Key =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'key'; readonly name: KeyName }
  /** a wheel turn: `up` towards the top; x and y from 1 at the top left */
  | { readonly type: 'wheel'; readonly up: boolean; readonly x: number; readonly y: number };

/** CSI sequences ending in a letter: arrows, Home, End, Shift-Tab; with modifier 2 (Shift) on the arrows. */
const LETTERS: Readonly<Record<string, KeyName>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab' };
/** CSI sequences ending in ~, by their number (vt220 and rxvt: 1 and 7 Home, 4 and 8 End) */
const TILDES: Readonly<Record<string, KeyName>> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageup', '6': 'pagedown' };
const CONTROLS: Readonly<Record<string, KeyName>> = { '\r': 'enter', '\n': 'enter', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace' };

/** One CSI sequence's key; `params` is what came between ESC [ and the final byte. */
function csiKey(params: string, final: string): Key | undefined {
  if (params.startsWith('<')) {
    const [button, x, y] = params.slice(1).split(';').map(Number);
    // bit 64 marks the wheel; bit 0 then tells down from up (a press only: wheels send no release)
    if (button === undefined || x === undefined || y === undefined || (button & 64) === 0 || final !== 'M') return undefined;
    return { type: 'wheel', up: (button & 1) === 0, x, y };
  }
  const [number = '', modifier = '1'] = params.split(';');
  const name = final === '~' ? TILDES[number] : LETTERS[final];
  if (!name) return undefined;
  if (modifier === '2' && (name === 'up' || name === 'down')) return { type: 'key', name: `shift-${name}` };
  return { type: 'key', name };
}

/** The keys in one read from the terminal, in order; sequences rif has no use for are left out. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const push = (key: Key | undefined) => {
    if (text) keys.push({ type: 'text', text });
    text = '';
    if (key) keys.push(key);
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      const next = data[i + 1];
      if (next === '[' || next === 'O') {
        // parameters, then one final byte from @ to ~
        let j = i + 2;
        while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
        if (next === '[' && data[i + 2] === '<') {
          j = i + 3;
          while (j < data.length && !/[Mm]/.test(data[j]!)) j++;
        }
        const params = data.slice(i + 2, j);
        push(j < data.length ? csiKey(params, data[j]!) : undefined);
        i = j + 1;
        continue;
      }
      // a lone Esc (or Esc Esc); Alt with a key is nothing rif uses
      push(next === undefined || next === '\x1b' ? { type: 'key', name: 'escape' } : undefined);
      i += next === undefined ? 1 : 2;
      continue;
    }
    const named = CONTROLS[ch];
    if (named) push({ type: 'key', name: named });
    else if (ch < ' ') push({ type: 'key', name: `ctrl-${String.fromCharCode(ch.charCodeAt(0) + 96)}` });
    else if (ch >= '\x80' && ch < '\xa0') push(undefined);
    else text += ch;
    i += 1;
  }
  push(undefined);
  return keys;
}
