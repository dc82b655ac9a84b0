// rif completion: the values it lists for the scripts, the spec the scripts are generated from, and
// the scripts themselves, run by the real shells against the built bin (`npm test` builds dist/ first).
// zsh and fish are optional: their tests are skipped, with the reason, where they are not installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programFor } from '../src/cli.js';
import { fishQuote, posixQuote } from '../src/completion/quote.js';
import { completionSpec } from '../src/completion/spec.js';
import { KINDS, STATUSES } from '../src/facts/types.js';
import type { Io } from '../src/io.js';
import { FIXTURES, rif, ROOT, tempDir, tempFacts } from './helpers.js';

const USER = join(FIXTURES, 'valid');
const USER_IDS = ['test-border-commission', 'test-fishing-accord', 'test-smuggled-samovars'];
const BROKEN = 'id: broken\nkind: event\ntitle: [unclosed\n';

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('rif completion --list', () => {
  it('lists the bundled ids, one per line', async () => {
    const out = await rif(['completion', '--list', 'ids']);
    expect(out.code).toBe(0);
    expect(lines(out.stdout).length).toBeGreaterThanOrEqual(160);
    expect(lines(out.stdout)).toEqual(expect.arrayContaining(['treaty-of-gulistan', 'jcpoa-2015']));
    expect(out.stderr).toBe('');
  });

  it.each([
    ['--facts', ['--facts', USER, '--no-bundled'], {}],
    ['--facts=', [`--facts=${USER}`, '--no-bundled'], {}],
    ['RIF_FACTS', ['--no-bundled'], { RIF_FACTS: USER }],
  ])('loads the facts that %s names', async (_, flags, env) => {
    const out = await rif(['completion', '--list', 'ids', ...flags], { env: { XDG_CACHE_HOME: tempDir(), ...env } });
    expect([out.code, lines(out.stdout).sort(), out.stderr]).toEqual([0, USER_IDS, '']);
  });

  it.each([
    ['topics', (values: string[]) => expect(values).toEqual(expect.arrayContaining(['nuclear', 'caspian', 'war']))],
    ['kinds', (values: string[]) => expect(values).toEqual([...KINDS])],
    ['statuses', (values: string[]) => expect(values).toEqual([...STATUSES])],
  ])('lists the %s', async (list, check) => {
    const out = await rif(['completion', '--list', list]);
    expect(out.code).toBe(0);
    check(lines(out.stdout));
  });

  it('says nothing on stderr about broken fact files, even on a terminal, and lists the rest', async () => {
    const dir = tempFacts({
      'broken.yaml': BROKEN,
      'good.yaml': 'id: good-one\nkind: event\ntitle: Good\ndate: "1900"\nsummary: S.\nsources: [{ url: "https://example.org/", publisher: P }]\n',
    });
    let clock = 0;
    const out = await rif(['completion', '--list', 'ids', '--facts', dir, '--no-bundled'], {
      env: { XDG_CACHE_HOME: tempDir() },
      stderrTty: true,
      now: () => (clock += 1000),
    });
    expect([out.code, out.stdout, out.stderr]).toEqual([0, 'good-one\n', '']);
  });

  it.each([
    ['no shell', ['completion'], /name a shell: rif completion bash\|zsh\|fish/],
    ['an unknown shell', ['completion', 'ksh'], /'ksh' is invalid.*bash, zsh, fish/],
    ['a shell and --list', ['completion', 'bash', '--list', 'ids'], /a shell or --list, not both/],
    ['an unknown list', ['completion', '--list', 'people'], /ids, topics, kinds, statuses/],
  ])('%s is a usage error', async (_, argv, message) => {
    const out = await rif(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('keeps --list and its flags out of the help', async () => {
    const out = await rif(['completion', '--help']);
    expect(out.stdout).toMatch(/\[shell\]/);
    expect(out.stdout).not.toMatch(/--list|--facts <|--no-bundled/);
  });
});

const quietIo: Io = { stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false, columns: 0, env: {}, cwd: ROOT, now: () => 0 };

describe('the completion spec', () => {
  const program = programFor(quietIo);
  const spec = completionSpec(program);
  const command = (path: string) => spec.commands.find((c) => c.path.join(' ') === path);
  const flag = (path: string, name: string) => command(path)?.flags.find((f) => f.names.includes(name));

  it('has every command of the program, and its subcommands', () => {
    for (const cmd of program.commands) expect(command(cmd.name())?.description).toBe(cmd.description());
    expect(command('')?.subcommands.map((s) => s.name)).toEqual([...program.commands.map((c) => c.name()), 'help']);
    expect(command('cache')?.subcommands.map((s) => s.name)).toContain('clear');
    expect(command('cache clear')).toBeDefined();
  });

  it('knows that a first word which is no command is a search', () => {
    expect(spec.defaultPath).toEqual(['search']);
  });

  it.each([
    ['list', '--color', { type: 'words', words: ['auto', 'always', 'never'] }],
    ['list', '--kind', { type: 'words', words: [...KINDS] }],
    ['allegations', '--status', { type: 'words', words: [...STATUSES] }],
    ['search', '--sort', { type: 'words', words: ['date', 'relevance', 'title'] }],
    ['validate', '--format', { type: 'words', words: ['text', 'json'] }],
    ['stats', '--by', { type: 'words', words: ['kind', 'topic', 'status', 'decade', 'century', 'year', 'actor', 'place'] }],
    ['timeline', '--by', { type: 'words', words: ['century', 'decade', 'year'] }],
    ['list', '--topic', { type: 'list', list: 'topics' }],
    ['show', '--facts', { type: 'files' }],
    ['list', '--from', { type: 'none' }],
  ])('%s %s takes %j', (path, name, values) => {
    expect(flag(path, name)?.value).toEqual(values);
  });

  it.each([
    ['show', { type: 'list', list: 'ids' }],
    ['validate', { type: 'files' }],
    ['completion', { type: 'words', words: ['bash', 'zsh', 'fish'] }],
    ['search', { type: 'none' }],
  ])('the operands of %s are %j', (path, values) => {
    expect(command(path)?.operands[0]?.values).toEqual(values);
  });

  it('leaves out flags the help hides, and knows flags without a value', () => {
    expect(flag('completion', '--list')).toBeUndefined();
    expect(flag('list', '--json')?.value).toBeUndefined();
    expect(flag('', '-V')?.names).toEqual(['-V', '--version']);
  });
});

/** A directory with a `rif` that runs the built bin, for the scripts to call back into. */
function binDir(): string {
  const dir = tempDir('rif-bin-');
  writeFileSync(join(dir, 'rif'), `#!/bin/sh\nexec node ${JSON.stringify(join(ROOT, 'bin', 'rif.js'))} "$@"\n`);
  chmodSync(join(dir, 'rif'), 0o755);
  return dir;
}

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const built = existsSync(join(ROOT, 'dist', 'main.js'));

/** The shells' environment: rif on PATH, a cache and a home of their own, and the fixtures at hand. */
function shellEnv(): NodeJS.ProcessEnv {
  const home = tempDir('rif-home-');
  return {
    ...process.env,
    PATH: `${binDir()}:${process.env['PATH'] ?? ''}`,
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    RIF_FACTS: undefined,
    RIF_CONFIG: undefined,
  };
}

async function script(shell: string): Promise<string> {
  const out = await rif(['completion', shell]);
  expect([out.code, out.stderr]).toEqual([0, '']);
  return out.stdout;
}

// What a user sees offered for a line; `words` for bash as bash splits them (a = on its own).
const CASES: readonly { line: string; words: string[]; want: string[]; exact?: boolean }[] = [
  { line: 'rif ', words: ['rif', ''], want: ['search', 'list', 'show', 'validate', 'completion', 'help'] },
  { line: 'rif tr', words: ['rif', 'tr'], want: ['treaties'], exact: true },
  { line: 'rif list --co', words: ['rif', 'list', '--co'], want: ['--color', '--count'], exact: true },
  { line: 'rif list --color ', words: ['rif', 'list', '--color', ''], want: ['auto', 'always', 'never'], exact: true },
  { line: 'rif list --kind t', words: ['rif', 'list', '--kind', 't'], want: ['treaty'], exact: true },
  { line: 'rif allegations --status d', words: ['rif', 'allegations', '--status', 'd'], want: ['denied', 'disputed'], exact: true },
  { line: 'rif list --sort ', words: ['rif', 'list', '--sort', ''], want: ['date', 'relevance', 'title'], exact: true },
  { line: 'rif validate --format ', words: ['rif', 'validate', '--format', ''], want: ['text', 'json'], exact: true },
  {
    line: 'rif stats --by ',
    words: ['rif', 'stats', '--by', ''],
    want: ['kind', 'topic', 'status', 'decade', 'century', 'year', 'actor', 'place'],
    exact: true,
  },
  { line: 'rif stats --by c', words: ['rif', 'stats', '--by', 'c'], want: ['century'], exact: true },
  { line: 'rif stats --to', words: ['rif', 'stats', '--to'], want: ['--to', '--top', '--topic'], exact: true },
  { line: 'rif timeline --by ', words: ['rif', 'timeline', '--by', ''], want: ['century', 'decade', 'year'], exact: true },
  {
    line: 'rif show treaty-of-g',
    words: ['rif', 'show', 'treaty-of-g'],
    want: ['treaty-of-ganja-1735', 'treaty-of-georgievsk-1783', 'treaty-of-gulistan'],
    exact: true,
  },
  { line: 'rif list --topic nuc', words: ['rif', 'list', '--topic', 'nuc'], want: ['nuclear'], exact: true },
  { line: `rif show --facts ${USER} --no-bundled test-`, words: ['rif', 'show', '--facts', USER, '--no-bundled', 'test-'], want: USER_IDS, exact: true },
  { line: 'rif cache ', words: ['rif', 'cache', ''], want: ['clear', 'help'], exact: true },
  { line: 'rif completion ', words: ['rif', 'completion', ''], want: ['bash', 'zsh', 'fish'], exact: true },
  { line: 'rif shahed --to', words: ['rif', 'shahed', '--to'], want: ['--to', '--topic'], exact: true },
  { line: 'rif list --from ', words: ['rif', 'list', '--from', ''], want: [], exact: true },
];

function expectOffers(offered: readonly string[], { want, exact }: (typeof CASES)[number]): void {
  if (exact) expect([...offered].sort()).toEqual([...want].sort());
  else expect(offered).toEqual(expect.arrayContaining(want));
}

describe.skipIf(!built)('the bash script, in bash', () => {
  it('registers _rif for rif and completes each line', async () => {
    const file = join(tempDir(), 'rif.bash');
    writeFileSync(file, await script('bash'));
    const calls = CASES.map(({ words }) => `offer ${words.map(posixQuote).join(' ')}`);
    const driver = `source ${JSON.stringify(file)}
complete -p rif; echo '<<end>>'
offer() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _rif; printf '%s\\n' "\${COMPREPLY[@]}" '<<end>>'; }
${calls.join('\n')}`;
    const out = spawnSync('bash', ['--norc', '--noprofile', '-c', driver], { cwd: ROOT, encoding: 'utf8', env: shellEnv(), timeout: 60_000 });
    expect(out.stderr).toBe('');
    const [registration, ...replies] = out.stdout.split('<<end>>\n');
    expect(registration).toMatch(/^complete -F _rif rif$/m);
    CASES.forEach((c, i) => expectOffers(lines(replies[i] ?? ''), c));
  });

  it('completes a value after --flag= (bash splits it at the =), and files after --facts', async () => {
    const file = join(tempDir(), 'rif.bash');
    writeFileSync(file, await script('bash'));
    const dir = tempFacts({ 'notes.yaml': '', 'nested/more.yaml': '' });
    const driver = `source ${JSON.stringify(file)}
offer() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _rif; printf '%s\\n' "\${COMPREPLY[@]}" '<<end>>'; }
offer rif list --color = a
offer rif list --facts ${JSON.stringify(`${dir}/n`)}`;
    const out = spawnSync('bash', ['--norc', '--noprofile', '-c', driver], { cwd: ROOT, encoding: 'utf8', env: shellEnv() });
    const [color, files] = out.stdout.split('<<end>>\n');
    expect(lines(color ?? '')).toEqual(['auto', 'always']);
    expect(lines(files ?? '').sort()).toEqual([join(dir, 'nested'), join(dir, 'notes.yaml')]);
  });

  it('offers what rif lists as text, never running it', async () => {
    // rif refuses such topics and ids (RIF005), so a stand-in rif prints one: compgen -W would run it
    const marker = join(tempDir(), 'ran');
    const fake = tempDir('rif-bin-');
    writeFileSync(join(fake, 'rif'), `#!/bin/sh\nprintf '%s\\n' '$(touch ${marker})' '\`touch ${marker}\`'\n`);
    chmodSync(join(fake, 'rif'), 0o755);
    const file = join(tempDir(), 'rif.bash');
    writeFileSync(file, await script('bash'));
    const driver = `source ${JSON.stringify(file)}
COMP_WORDS=(rif list --topic ''); COMP_CWORD=3; _rif; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const out = spawnSync('bash', ['--norc', '--noprofile', '-c', driver], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...shellEnv(), PATH: `${fake}:${process.env['PATH'] ?? ''}` },
    });
    expect(out.stdout).toBe(`$(touch ${marker})\n\`touch ${marker}\`\n`);
    expect(existsSync(marker)).toBe(false);
  });
});

if (!has('zsh')) console.warn('tests/completion.test.ts: zsh is not installed, so the zsh script is not run (apt-get install zsh)');
if (!has('fish')) console.warn('tests/completion.test.ts: fish is not installed, so the fish script is not run (apt-get install fish)');

describe.skipIf(!built || !has('zsh'))('the zsh script, in zsh (skipped when zsh is not installed)', () => {
  it('is valid zsh', async () => {
    const file = join(tempDir(), '_rif');
    writeFileSync(file, await script('zsh'));
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
  });

  it('completes each line through compsys, typed at an interactive zsh', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'functions'));
    writeFileSync(join(dir, 'functions', '_rif'), await script('zsh'));
    // an interactive zsh in a pseudo-terminal: Tab runs the real completion, and a compadd that
    // records what it is given prints each match between two marks
    writeFileSync(
      join(dir, 'init.zsh'),
      `PROMPT=
fpath=(${JSON.stringify(join(dir, 'functions'))} $fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' insert-tab false
rif_mark() { print -r -- '<<mark>>' }
compprefuncs=(rif_mark)
comppostfuncs=(rif_mark exit)
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return; fi
  local -a hits
  builtin compadd -A hits "$@"
  print -rl -- \${hits/#/'<<hit>>'}
  builtin compadd "$@"
}
`,
    );
    const driver = `zmodload zsh/zpty
for line in "$@"; do
  zpty z zsh -f -i
  zpty -w z "source ${join(dir, 'init.zsh')}"
  zpty -n -w z "$line"$'\\t'
  out=
  while zpty -r z chunk; do out+=$chunk; [[ $out == *'<<mark>>'*'<<mark>>'* ]] && break; done
  zpty -d z
  print -r -- "\${out//$'\\r'/}" '<<end>>'
done`;
    const out = spawnSync('zsh', ['-f', '-c', driver, 'zsh', ...CASES.map((c) => c.line)], { cwd: ROOT, encoding: 'utf8', env: shellEnv(), timeout: 120_000 });
    const replies = out.stdout.split('<<end>>');
    CASES.forEach((c, i) => {
      const hits = lines(replies[i] ?? '').flatMap((l) => (l.startsWith('<<hit>>') ? [l.slice('<<hit>>'.length)] : []));
      expectOffers([...new Set(hits)], c);
    });
  });
});

describe.skipIf(!built || !has('fish'))('the fish script, in fish (skipped when fish is not installed)', () => {
  it('is valid fish', async () => {
    const file = join(tempDir(), 'rif.fish');
    writeFileSync(file, await script('fish'));
    expect(spawnSync('fish', ['--no-config', '-n', file], { encoding: 'utf8' }).stderr).toBe('');
  });

  it('completes each line (complete -C)', async () => {
    const file = join(tempDir(), 'rif.fish');
    writeFileSync(file, await script('fish'));
    const calls = CASES.map(({ line }) => `complete -C ${fishQuote(line)}; echo '<<end>>'`);
    const out = spawnSync('fish', ['--no-config', '-c', `source ${fishQuote(file)}\n${calls.join('\n')}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: shellEnv(),
      timeout: 60_000,
    });
    expect(out.stderr).toBe('');
    const replies = out.stdout.split('<<end>>\n');
    CASES.forEach((c, i) =>
      expectOffers(
        lines(replies[i] ?? '').map((l) => l.split('\t')[0]!),
        c,
      ),
    );
  });

  it('shows the help text of each flag beside it', async () => {
    const file = join(tempDir(), 'rif.fish');
    writeFileSync(file, await script('fish'));
    const out = spawnSync('fish', ['--no-config', '-c', `source ${fishQuote(file)}; complete -C 'rif validate --form'`], { encoding: 'utf8', env: shellEnv() });
    expect(out.stdout).toMatch(/^--format\ttext or json/);
  });
});
