// The pager on a real terminal: tmux runs a shell, rif pages through less -FRX, and the keys a person
// presses (q, Ctrl-C) leave the terminal as it was. Skips, saying why, without tmux or less.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { cleanAfter, hasLess, hasTmux, terminal } from './tmux.js';

const BIN = join(ROOT, 'bin', 'rif.js');
const ready = hasTmux && hasLess;

describe.runIf(ready)('the pager on a terminal', () => {
  it('output taller than the screen opens less; q quits it and leaves the text and a clean terminal', async () => {
    const t = await terminal(80, 24);
    t.run(`clear; node ${BIN} list; echo "exit $?"`);
    await t.until((s) => s.split('\n').at(-1) === ':');
    expect(t.screen()).toMatch(/^id {2,}title\n─+ {2}─+\n/);
    t.type('q');
    const shown = await cleanAfter(t, 'exit');
    expect(shown).toMatch(/exit 0/);
    // -X: what was on the screen stays there
    expect(shown).toMatch(/muscovy-safavid-relations-begin|godunov-embassy-to-shah-abbas/);
  });

  it('Ctrl-C while the pager is open does not leave less behind: q still quits, and the terminal is clean', async () => {
    const t = await terminal(80, 24);
    t.run(`clear; node ${BIN} list; echo "exit $?"`);
    await t.until((s) => s.split('\n').at(-1) === ':');
    t.key('C-c');
    await new Promise((r) => setTimeout(r, 300));
    // less is still there, waiting: rif did not quit under it
    expect(t.lastLine()).toMatch(/^:?$/);
    t.type('q');
    expect(await cleanAfter(t, 'exit')).toMatch(/exit 0/);
  });

  it('output that fits is printed without a pager; --no-pager prints everything straight', async () => {
    const t = await terminal(100, 40);
    t.run(`clear; node ${BIN} treaties --in 1828; echo "short $?"`);
    expect(await cleanAfter(t, 'short')).toMatch(/treaty-of-turkmenchay[\s\S]*short 0/);
    t.run(`clear; node ${BIN} list --no-pager; echo "straight $?"`);
    // no pager's prompt: the list ran past, to its last fact, and the shell is back
    expect(await cleanAfter(t, 'straight')).toMatch(/\n.*20\d\d[\s\S]*\nstraight 0/);
  });

  it('PAGER names the pager, run by sh', async () => {
    const t = await terminal(80, 24);
    t.run(`clear; PAGER='head -3' node ${BIN} list; echo "paged $?"`);
    const shown = await cleanAfter(t, 'paged');
    expect(shown.split('\n').slice(0, 4).join('\n')).toMatch(/^id {2,}title\n─+.*\n.*\npaged 0$/);
  });
});

describe.skipIf(ready)('the pager on a terminal', () => {
  it('skipped: tmux or less is not installed here', () => {});
});
