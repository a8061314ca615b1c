/**
 * A speaker's quotes per month as an inline SVG bar chart, drawn at build time (no JavaScript).
 */
import { html, type Html } from '../../src/site/html.ts';
import { formatMonth } from './common.ts';

const BAR = 10;
const GAP = 2;
const HEIGHT = 60;
const LABEL = 14;

/**
 * Bars for every month from the first to the last dated quote. Each bar has a `<title>`
 * ("August 2025: 3 quotes"); the chart's own title summarises it for screen readers.
 */
export function timeline(months: readonly { readonly month: string; readonly count: number }[], id: string): Html | '' {
  if (months.length === 0) return '';
  const max = Math.max(...months.map((m) => m.count));
  const width = months.length * (BAR + GAP);
  const viewWidth = Math.max(width, 12 * (BAR + GAP));
  const first = months[0]!.month;
  const last = months[months.length - 1]!.month;
  const peak = months.find((m) => m.count === max)!;
  const summary = `Quotes per month from ${formatMonth(first)} to ${formatMonth(last)}; most in ${formatMonth(peak.month)} (${max}).`;
  const bars = months.map((m, i) => {
    if (m.count === 0) return '';
    const h = Math.max(2, Math.round((m.count / max) * HEIGHT));
    return html`<rect x="${i * (BAR + GAP)}" y="${HEIGHT - h}" width="${BAR}" height="${h}"><title>${formatMonth(m.month)}: ${m.count}</title></rect>`;
  });
  const years = months.flatMap((m, i) => (m.month.endsWith('-01') || i === 0 ? [html`<text x="${i * (BAR + GAP)}" y="${HEIGHT + LABEL - 2}">${m.month.slice(0, 4)}</text>`] : []));
  return html`<svg class="timeline" role="img" aria-labelledby="${id}" viewBox="0 0 ${viewWidth} ${HEIGHT + LABEL}" width="${viewWidth * 2}" height="${(HEIGHT + LABEL) * 2}" preserveAspectRatio="xMinYMax meet"><title id="${id}">${summary}</title><line x1="0" y1="${HEIGHT + 0.5}" x2="${width}" y2="${HEIGHT + 0.5}"/>${bars}${years}</svg>`;
}
