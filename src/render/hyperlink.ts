// OSC 8 hyperlinks: on a terminal that supports them, an address in the show card is a link that a click
// (or Ctrl-click) opens. Never in a pipe, and only where the terminal says it can, since others print
// the escape as text or nothing at all.

/**
 * Whether the terminal draws OSC 8 links, from what it says of itself: never in a pipe; FORCE_HYPERLINK
 * decides first (0 for no); then the terminals known to draw them (VTE 0.50 and later, as in GNOME Terminal; iTerm2,
 * WezTerm, VS Code's, Windows Terminal, kitty, foot, Alacritty, Konsole, DomTerm, Ghostty).
 */
export function supportsHyperlinks(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (!isTTY) return false;
  const forced = env['FORCE_HYPERLINK'];
  if (forced !== undefined && forced !== '') return forced !== '0';
  if (env['TERM'] === 'dumb' || env['CI'] !== undefined) return false;
  if (Number(env['VTE_VERSION'] ?? 0) >= 5000) return true;
  if (env['WT_SESSION'] || env['KONSOLE_VERSION'] || env['DOMTERM']) return true;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env['TERM_PROGRAM'] ?? '')) return true;
  return ['xterm-kitty', 'alacritty', 'foot', 'foot-extra', 'xterm-ghostty', 'wezterm'].includes(env['TERM'] ?? '');
}

/** `text` as a link to `url`; an address that does not parse, or holds no printable ASCII form, stays plain text. */
export function hyperlink(url: string, text: string): string {
  let href: string;
  try {
    // percent-encoded ASCII: no control character, no BEL or ESC can end the sequence early
    href = new URL(url.trim()).href;
  } catch {
    return text;
  }
  if (!/^[\x21-\x7e]+$/.test(href)) return text;
  return `\u001b]8;;${href}\u001b\\${text}\u001b]8;;\u001b\\`;
}
