/**
 * Small pieces shared by the views: dates, pagers, article lists, term lists.
 */
import { html, type Html } from '../../src/site/html.ts';
import type { Link, ListItem, PageNav } from '../../src/site/model.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-08-20` → `20 August 2025` (fixed English: never depends on the locale). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** A `<time>` element, or "Undated". */
export function dateHtml(date: string | null, extra: Html | '' = ''): Html {
  return date === null ? html`<span>Undated</span>` : html`<time datetime="${date}"${extra}>${formatDate(date)}</time>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Newer/older links and a short window of page numbers. */
export function pager(nav: PageNav | null, label = 'Pages'): Html | '' {
  if (nav === null) return '';
  const where = nav.number === null ? 'Latest' : `Page ${nav.number} (pages are numbered from the oldest)`;
  return html`<nav class="pager" aria-label="${label}"><p>${where}</p><ul>${nav.newer ? html`<li><a rel="prev" href="${nav.newer}">← Newer</a></li>` : ''}${nav.pages.map((p) =>
    p.current ? html`<li><a href="${p.url}" aria-current="page">${p.label}</a></li>` : html`<li><a href="${p.url}">${p.label}</a></li>`,
  )}${nav.older ? html`<li><a rel="next" href="${nav.older}">Older →</a></li>` : ''}</ul></nav>`;
}

/** A list of articles with headline, date, source and summary. */
export function articleList(items: readonly ListItem[], level: 2 | 3 = 2): Html {
  if (items.length === 0) return html`<p>No articles.</p>`;
  return html`<ol class="list">${items.map((it) => {
    const link = html`<a href="${it.url}">${it.headline}</a>`;
    return html`<li>${level === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}<p class="meta">${dateHtml(it.date)}${it.source ? html` · <a href="${it.source.url}">${it.source.label}</a>` : ''}${it.quotes > 0 ? html` · ${plural(it.quotes, 'quote')}` : ''}</p>${it.summary ? html`<p>${it.summary}</p>` : ''}</li>`;
  })}</ol>`;
}

/** A compact list of links with counts (speakers, sources, tags, months); a `current` link is marked as this page. */
export function termList(links: readonly Link[], label?: string): Html {
  return html`<ul class="terms"${label ? html` aria-label="${label}"` : ''}>${links.map(
    (l) => html`<li><a href="${l.url}"${l.current ? html` aria-current="page"` : ''}>${l.label}</a>${l.count === undefined ? '' : html` <span class="n">${l.count}</span>`}</li>`,
  )}</ul>`;
}

/** `2025-08` → `August 2025`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/**
 * A quote's citation, ready to copy: closed behind a "Cite" summary (no JavaScript), selected whole
 * with one click when open (`.c`).
 */
export function citation(text: string): Html {
  return html`<details class="cite"><summary>Cite</summary><span class="c">${text}</span></details>`;
}
