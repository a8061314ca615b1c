/**
 * A speaker's quotes per month as an inline SVG bar chart, drawn at build time (no JavaScript).
 */
import { html, type Html } from '../../src/site/html.ts';
import { formatMonth } from './common.ts';

const BAR = 10;
const GAP = 2;
const HEIGHT = 60;
const LABEL = 14;
/** The room a break in the axis takes: where months without quotes were left out. */
const BREAK = 3 * (BAR + GAP);

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, -3)), Number(month.slice(-2))];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, -3)}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Bars for every month from the first to the last dated quote. Each bar has a `<title>`
 * ("August 2025: 3 quotes"); the chart's own title summarises it for screen readers. Where the
 * data leaves out a long run of empty months, the axis breaks (a gap with a dashed line, its year
 * labelled again after it), so the chart is as wide as its months with quotes, whatever the dates.
 */
export function timeline(months: readonly { readonly month: string; readonly count: number }[], id: string): Html | '' {
  if (months.length === 0) return '';
  const max = Math.max(...months.map((m) => m.count));
  // x of each month, and the axis's unbroken runs.
  const xs: number[] = [];
  const runs: [number, number][] = [];
  let x = 0;
  months.forEach((m, i) => {
    if (i > 0 && m.month !== nextMonth(months[i - 1]!.month)) {
      runs.push([runs.length === 0 ? 0 : runs[runs.length - 1]![1] + BREAK, x]);
      x += BREAK;
    }
    xs.push(x);
    x += BAR + GAP;
  });
  runs.push([runs.length === 0 ? 0 : runs[runs.length - 1]![1] + BREAK, x]);
  const width = x;
  const viewWidth = Math.max(width, 12 * (BAR + GAP));
  const first = months[0]!.month;
  const last = months[months.length - 1]!.month;
  const peak = months.find((m) => m.count === max)!;
  const summary = `Quotes per month from ${formatMonth(first)} to ${formatMonth(last)}; most in ${formatMonth(peak.month)} (${max}).`;
  const bars = months.map((m, i) => {
    if (m.count === 0) return '';
    const h = Math.max(2, Math.round((m.count / max) * HEIGHT));
    return html`<rect x="${xs[i]!}" y="${HEIGHT - h}" width="${BAR}" height="${h}"><title>${formatMonth(m.month)}: ${m.count}</title></rect>`;
  });
  const starts = new Set(runs.map(([start]) => start));
  const years = months.flatMap((m, i) => (m.month.endsWith('-01') || starts.has(xs[i]!) ? [html`<text x="${xs[i]!}" y="${HEIGHT + LABEL - 2}">${m.month.slice(0, 4)}</text>`] : []));
  const axis = runs.map(([from, to], i) => [
    i === 0 ? '' : html`<line x1="${from - BREAK + GAP}" y1="${HEIGHT + 0.5}" x2="${from - GAP}" y2="${HEIGHT + 0.5}" stroke-dasharray="2 3"/>`,
    html`<line x1="${from}" y1="${HEIGHT + 0.5}" x2="${to}" y2="${HEIGHT + 0.5}"/>`,
  ]);
  return html`<svg class="timeline" role="img" aria-labelledby="${id}" viewBox="0 0 ${viewWidth} ${HEIGHT + LABEL}" width="${viewWidth * 2}" height="${(HEIGHT + LABEL) * 2}" preserveAspectRatio="xMinYMax meet"><title id="${id}">${summary}</title>${axis}${bars}${years}</svg>`;
}
