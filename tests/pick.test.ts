// rif pick on a real terminal: tmux runs a shell, the test types a query, moves, marks, resizes and presses
// each action key, then reads the screen, what was printed once the screen was gone, and the terminal's
// state (canonical input and echo back on, the alternate screen left). Skips, saying why, without tmux.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, tempFacts } from './helpers.js';
import { columnsOf } from '../src/pick/width.js';
import { cleanAfter, hasTmux, terminal, tmux, type Tmux } from './tmux.js';

const BIN = join(ROOT, 'bin', 'rif.js');

/** Starts `rif pick ARGS` in a cleared shell, and waits for its first screen of results. */
async function picker(t: Tmux, args: string, after = '; echo "exit $?"'): Promise<string> {
  t.run(`clear; node ${BIN} pick ${args}${after}`);
  return t.until((s) => / \d+ match(es)? │/.test(s));
}

/** The list's rows as the screen shows them: the row the cursor is on starts with >. */
const selectedRow = (screen: string): string => screen.split('\n').find((l) => l.startsWith('>  ') || l.startsWith('>*')) ?? '';

describe.runIf(hasTmux)('rif pick on a terminal', () => {
  it('narrows as each key is typed, shows the card of the selected fact, and Enter prints its id after the screen is gone', async () => {
    const t = await terminal(120, 30);
    const first = await picker(t, '');
    expect(t.alternate()).toBe(true);
    expect(first).toMatch(/^> *$/m);
    const all = Number(/ (\d+) matches │/.exec(first)![1]);
    t.type('turkmen');
    const narrowed = await t.until((s) => s.startsWith('> turkmen') && / \d+ matches │/.test(s) && !s.includes(` ${all} matches`));
    expect(Number(/ (\d+) matches │/.exec(narrowed)![1])).toBeLessThan(all);
    // the list beside the card: date, kind, title; the card is rif show's
    expect(selectedRow(narrowed)).toMatch(/^> {2}1828-02-22 treaty +Treaty of Turkmenchay +│ Treaty of Turkmenchay/);
    expect(narrowed).toMatch(/│ treaty · treaty-of-turkmenchay/);
    expect(narrowed).toMatch(/│ Date {10}1828-02-22/);
    expect(narrowed.split('\n').at(-1)).toMatch(/Enter pick · Tab mark · \^Y cite · \^O open · Esc quit/);
    t.key('Enter');
    const shown = await cleanAfter(t, 'exit');
    expect(shown).toMatch(/^treaty-of-turkmenchay\nexit 0$/m);
    expect(t.alternate()).toBe(false);
  });

  it('↑/↓, Ctrl-N/Ctrl-P, PgDn/PgUp, End/Home move the selection; the mouse wheel too', async () => {
    const t = await terminal(120, 20);
    await picker(t, 'treaty --kind treaty');
    const rowOf = () => selectedRow(t.screen()).slice(3, 40);
    const first = rowOf();
    const moved = async (keys: string[], check: (row: string) => boolean) => {
      t.key(...keys);
      await t.until(() => check(rowOf()));
    };
    await moved(['Down', 'Down'], (r) => r !== first);
    const third = rowOf();
    await moved(['C-p'], (r) => r !== third);
    const second = rowOf();
    await moved(['C-n'], (r) => r === third);
    await moved(['Up', 'Up'], (r) => r === first);
    await moved(['PageDown'], (r) => r !== first && r !== second && r !== third);
    await moved(['PageUp'], (r) => r === first);
    await moved(['End'], (r) => r !== first);
    const last = rowOf();
    await moved(['Home'], (r) => r === first);
    // a wheel turn down over the list, as the terminal reports it (SGR): one row
    t.type('\x1b[<65;5;5M');
    await t.until(() => rowOf() === second);
    t.key('Escape');
    expect(await cleanAfter(t, 'exit')).toMatch(/exit 130/);
    expect(last).not.toBe('');
  });

  it('Tab marks several facts; Enter prints every one marked', async () => {
    const t = await terminal(120, 24);
    await picker(t, 'gulistan');
    t.key('Tab');
    await t.until((s) => s.includes('1 marked'));
    t.key('Tab');
    await t.until((s) => s.includes('2 marked'));
    const marked = t
      .screen()
      .split('\n')
      .filter((l) => /^.\* /.test(l));
    expect(marked).toHaveLength(2);
    t.key('Enter');
    const shown = await cleanAfter(t, 'exit');
    expect(shown.split('\n').filter((l) => /^[a-z0-9-]+$/.test(l))).toHaveLength(2);
    expect(shown).toMatch(/exit 0/);
  });

  it('keys that move, mark and pick at once leave the screen of the shell as it was: nothing still on its way is drawn after', async () => {
    const t = await terminal(120, 24);
    t.run('clear; echo BEFORE THE PICKER');
    await t.until((s) => s.includes('BEFORE THE PICKER'));
    t.run(`node ${BIN} pick shahed; echo "exit $?"`);
    await t.until((s) => / \d+ matches │/.test(s));
    // one write: the moves ask for cards the picker is still reading when Enter ends it
    t.key('Down', 'Down', 'Tab', 'Down', 'Tab', 'Enter');
    const shown = await cleanAfter(t, 'exit');
    expect(t.alternate()).toBe(false);
    const lines = shown.split('\n');
    expect(lines[0]).toBe('BEFORE THE PICKER');
    expect(lines.filter((l) => /^[a-z0-9-]+$/.test(l))).toHaveLength(2);
    expect(shown).not.toMatch(/│|matches/);
  });

  it('Ctrl-Y prints the citation in the configured style and copies it through OSC 52', async () => {
    const config = tempDir();
    writeFileSync(join(config, 'config.yaml'), 'cite_style: apa\n');
    const t = await terminal(120, 30, { RIF_CONFIG: join(config, 'config.yaml') });
    tmux('set-option', '-s', 'set-clipboard', 'on');
    await picker(t, 'turkmenchay --kind treaty', ' > cited.txt; echo "exit $?"');
    t.key('C-y');
    const shown = await cleanAfter(t, 'exit');
    expect(shown).toMatch(/exit 0/);
    t.run('cat cited.txt');
    const cited = await t.until((s) => /References/.test(s));
    expect(cited).toMatch(/Treaty of Turkmenchay/);
    // the terminal took the same text for its clipboard
    expect(tmux('show-buffer').stdout).toMatch(/Treaty of Turkmenchay[\s\S]*References/);
  });

  it('Ctrl-O opens the first source with BROWSER and prints its address', async () => {
    const dir = tempDir();
    const browser = join(dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\necho "$1" > ${join(dir, 'opened')}\n`);
    chmodSync(browser, 0o755);
    const t = await terminal(120, 30, { BROWSER: browser });
    await picker(t, 'turkmenchay --kind treaty');
    t.key('C-o');
    const shown = await cleanAfter(t, 'exit');
    const url = /^(https?:\S+)\nexit 0$/m.exec(shown)?.[1];
    expect(url).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(join(dir, 'opened'), 'utf8').trim()).toBe(url);
  });

  it('--print json and --print url; drawn on the terminal while standard output is a pipe', async () => {
    const t = await terminal(120, 30);
    await picker(
      t,
      'turkmenchay --kind treaty --print json',
      " | node -e \"let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log('ids',JSON.parse(s).map(r=>r.id).join()))\"; echo \"exit $?\"",
    );
    t.key('Enter');
    expect(await cleanAfter(t, 'exit')).toMatch(/^ids treaty-of-turkmenchay\nexit 0$/m);
    await picker(t, 'turkmenchay --kind treaty --print url', ' | cat; echo "exit $?"');
    t.key('Enter');
    expect(await cleanAfter(t, 'exit')).toMatch(/^https?:\/\/\S+\nexit 0$/m);
  });

  it('with standard output and error both files, it draws on the terminal itself (/dev/tty), resizes included', async () => {
    const t = await terminal(120, 30);
    await picker(t, 'turkmenchay --kind treaty', ' > picked.txt 2> said.txt; echo "exit $?"');
    t.resize(70, 14);
    await t.until((s) => /^── 1–/m.test(s));
    t.key('Enter');
    await cleanAfter(t, 'exit');
    t.run('cat picked.txt said.txt; echo done');
    expect(await t.until((s) => /^done$/m.test(s))).toMatch(/^treaty-of-turkmenchay\ndone$/m);
  });

  it('Esc and Ctrl-C leave with exit 130 and print nothing; Enter with nothing listed exits 1', async () => {
    const t = await terminal(100, 24);
    await picker(t, 'shahed');
    t.key('Escape');
    // the screen was cleared before: nothing was printed above the exit code
    expect((await cleanAfter(t, 'exit')).split('\n')[0]).toBe('exit 130');
    await picker(t, 'shahed');
    t.key('C-c');
    expect(await cleanAfter(t, 'exit')).toMatch(/^exit 130$/m);
    await picker(t, 'shahed');
    t.key('C-u');
    t.type('zzzqqqxxx');
    await t.until((s) => s.includes(' 0 matches'));
    t.key('Enter');
    expect(await cleanAfter(t, 'exit')).toMatch(/exit 1$/m);
  });

  it('a resize redraws at once: the preview goes under the list below 100 columns, beside it from 100', async () => {
    const t = await terminal(120, 30);
    await picker(t, 'turkmenchay');
    expect(t.screen()).toMatch(/│ Treaty of Turkmenchay/);
    t.resize(60, 10);
    const narrow = await t.until((s) => /^── 1–\d+\/\d+ ─+$/m.test(s));
    expect(narrow.split('\n')).toHaveLength(10);
    expect(narrow).not.toMatch(/│ Treaty/);
    t.resize(300, 100);
    const wide = await t.until((s) => /│ Treaty of Turkmenchay/.test(s) && s.split('\n').length > 50);
    expect(Math.max(...wide.split('\n').map((l) => l.length))).toBeLessThanOrEqual(300);
    t.key('C-c');
    await cleanAfter(t, 'exit');
  });

  it('Shift-↓ scrolls the preview, and Shift-↑ back', async () => {
    const t = await terminal(80, 16);
    await picker(t, 'turkmenchay --kind treaty');
    t.key('S-Down', 'S-Down');
    await t.until((s) => /^── 3–/m.test(s));
    t.key('S-Up');
    await t.until((s) => /^── 2–/m.test(s));
    t.key('Escape');
    await cleanAfter(t, 'exit');
  });

  it('Persian, Cyrillic, CJK and emoji titles never break the layout', async () => {
    const facts = tempFacts({
      'wide.yaml': [
        ['unicode-persian', 'عهدنامهٔ ترکمانچای و سَلامِ شاه، پیمان صلح ایران و روسیه'],
        ['unicode-russian', 'Туркманчайский мирный договор между Россией и Персией'],
        ['unicode-cjk', '土库曼恰伊条约：俄罗斯与波斯之间的和平条约与边界'],
        ['unicode-emoji', 'Drones 🚀🇮🇷🇷🇺 and 👨‍👩‍👧 families, 👍🏽 in the news 🛰️'],
      ]
        .map(
          ([id, title]) =>
            `- id: ${id}\n  kind: event\n  title: "${title}"\n  date: 2020\n  summary: "${title}. ${title}."\n  topics: [diplomacy]\n  sources:\n    - url: https://example.org/${id}\n      publisher: Example\n      title: "${title}"\n`,
        )
        .join(''),
    });
    const t = await terminal(100, 20);
    await picker(t, `--facts ${facts} --no-bundled`);
    for (const size of [
      [100, 20],
      [60, 12],
    ] as const) {
      t.resize(size[0], size[1]);
      const screen = await t.until((s) => s.split('\n').length === size[1] && s.includes('4 matches'));
      // every row is there, none wider than the terminal, and the list's edge (│) stands in one column on every row
      const lines = screen.split('\n');
      expect(lines).toHaveLength(size[1]);
      expect(lines.at(-1)).toMatch(/^ 4 matches │/);
      for (const line of lines) expect(columnsOf(line)).toBeLessThanOrEqual(size[0]);
      if (size[0] >= 100) for (const line of lines.slice(1, -1)) expect(columnsOf(line.slice(0, line.indexOf('│')))).toBe(50);
    }
    t.key('Escape');
    await cleanAfter(t, 'exit');
  });

  it('Ctrl-Z suspends to the shell with the terminal restored; fg brings the picker back', async () => {
    const t = await terminal(100, 24);
    await picker(t, 'shahed', '');
    t.key('C-z');
    await t.until((s) => /Stopped/.test(s));
    expect(t.alternate()).toBe(false);
    t.run('stty -a | grep -q -- " -icanon" && echo "raw" || echo "cooked"');
    await t.until((s) => /^cooked$/m.test(s));
    t.run('fg');
    await t.until((s) => s.startsWith('> shahed') && / \d+ matches │/.test(s));
    expect(t.alternate()).toBe(true);
    t.key('Enter');
    // the id is printed once the screen is gone; then the shell reads again
    await t.until((s) => /^[a-z0-9-]+\n\$ *$/m.test(s));
    t.run('echo "exit $?"');
    expect(await cleanAfter(t, 'exit')).toMatch(/exit 0/);
  });

  it('SIGTERM leaves the terminal as it was, with exit 143', async () => {
    const t = await terminal(100, 24);
    await picker(t, 'shahed');
    const shell = tmux('display-message', '-p', '-t', t.name, '#{pane_pid}').stdout.trim();
    const child = spawnSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]!;
    process.kill(Number(child), 'SIGTERM');
    expect(await cleanAfter(t, 'exit')).toMatch(/exit 143/);
    expect(t.alternate()).toBe(false);
  });

  it('colours follow NO_COLOR and --color', async () => {
    const t = await terminal(100, 24, { NO_COLOR: '1' });
    await picker(t, 'shahed');
    expect(t.styled()).not.toMatch(/\x1b\[(3\d|9\d|1|7)m/);
    t.key('Escape');
    await cleanAfter(t, 'exit');
    await picker(t, 'shahed --color always');
    expect(t.styled()).toMatch(/\x1b\[(3\d|9\d|1|7)m/);
    t.key('Escape');
    await cleanAfter(t, 'exit');
  });
});

describe.skipIf(hasTmux)('rif pick on a terminal', () => {
  it('skipped: tmux is not installed here', () => {});
});

describe('rif pick without a terminal', () => {
  it('says to use rif search, in one line, and exits 2', () => {
    const out = spawnSync('node', [BIN, 'pick', 'shahed'], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^rif: rif pick needs a terminal .*use rif search\n$/);
  });
});
