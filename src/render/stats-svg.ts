// `rif stats --format svg`: the counts as horizontal bar charts in one picture, each chart scaled to its
// own largest count, kinds in their colours and other keys in one neutral colour, the count beside each bar.
import type { Kind } from '../facts/types.js';
import { moreText, type Chart } from './stats-by.js';
import type { Totals } from './stats.js';
import { FONT, KIND_FILL, MIN_PICTURE_COLUMNS, NEUTRAL_FILL, PX_PER_COLUMN, fitText, svgDocument, svgText } from './svg.js';

const LAYOUT = Object.freeze({ margin: 16, row: 20, heading: 30, gap: 10, maxLabel: 220 });

const fillOf = (chart: Chart, key: string): string =>
  chart.name === 'kind' ? (KIND_FILL[key as Kind] ?? NEUTRAL_FILL) : chart.name === 'status' ? KIND_FILL.allegation : NEUTRAL_FILL;

export function statsSvg(totals: Totals, charts: readonly Chart[], columns: number): string {
  const { margin, row, heading, gap } = LAYOUT;
  const width = Math.max(MIN_PICTURE_COLUMNS, columns) * PX_PER_COLUMN;
  const longest = charts.flatMap((c) => c.counts).reduce((a, [key]) => Math.max(a, key.length), 4);
  const labelWidth = Math.min(LAYOUT.maxLabel, Math.ceil(longest * FONT.charWidth) + 8);
  const x0 = margin + labelWidth + gap;
  // room after the longest bar for its count
  const barWidth = width - margin - 40 - x0;
  const total = `${totals.total} fact${totals.total === 1 ? '' : 's'}`;
  const title = `${total}${totals.as_of ? ` (the bundled record is complete to ${totals.as_of})` : ''}`;
  // the date on a line of its own, in the small font, so that the narrowest picture holds it
  const body = [`<text x="${margin}" y="${margin + 14}" font-size="16" font-weight="bold">${svgText(total)}</text>`];
  let y = margin + 24;
  if (totals.as_of) {
    body.push(
      `<text x="${margin}" y="${y + 8}" font-size="${FONT.size - 2}" fill="#444">${svgText(`The bundled record is complete to ${totals.as_of}.`)}</text>`,
    );
    y += 14;
  }
  for (const chart of charts) {
    body.push(`<text x="${margin}" y="${y + 22}" font-weight="bold">${svgText(`by ${chart.name}`)}</text>`);
    y += heading;
    const max = chart.counts.reduce((a, [, n]) => Math.max(a, n), 0);
    if (max === 0) {
      body.push(`<text x="${margin + 8}" y="${y + 14}" fill="#666">${svgText(chart.none)}</text>`);
      y += row;
      continue;
    }
    for (const [key, n] of chart.counts) {
      const length = n ? Math.max(1, Math.round((n / max) * barWidth)) : 0;
      const stroke = fillOf(chart, key) === KIND_FILL.allegation ? ' stroke="#7a5a10" stroke-width="1"' : '';
      body.push(
        `<g><title>${svgText(`${key}: ${n}`)}</title>` +
          `<text x="${margin + 8}" y="${y + 14}" fill="#222">${svgText(fitText(key, labelWidth))}</text>` +
          (length ? `<rect x="${x0}" y="${y + 4}" width="${length}" height="12" fill="${fillOf(chart, key)}"${stroke}/>` : '') +
          `<text x="${x0 + length + 6}" y="${y + 14}" fill="#222">${n}</text></g>`,
      );
      y += row;
    }
    const more = moreText(chart);
    if (more) {
      body.push(`<text x="${margin + 8}" y="${y + 14}" fill="#666">${svgText(`${more} (--top N shows more)`)}</text>`);
      y += row;
    }
  }
  return svgDocument(width, y + margin, title, body);
}
