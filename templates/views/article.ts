/**
 * The article page: headline, date, source, author, summary, the body with every quotation
 * marked (`<q id="q3">`) and followed by its speaker's link, then who is quoted, each quote with
 * its permalink, citation (in a closed `<details>`) and "also reported by", tags and related articles.
 */
import { html, type Html } from '../../src/site/html.ts';
import type { ArticlePageData, ArticleQuote, Attribution } from '../../src/site/model.ts';
import { articleList, citation, dateHtml, formatDate, plural } from './common.ts';
import { markParagraph, markText, type Mark } from './mark.ts';

/**
 * Who said it, inline after the quote: a link, "possibly …" when uncertain, "unattributed" otherwise.
 * Not indexed for search (`data-pagefind-ignore`): glued to the quote's last word, it would make
 * that word unfindable in an exact phrase, and the speaker is a search filter already.
 */
export function byline(by: Attribution): Html {
  if (by.status === 'named') {
    const name = by.url === null ? html`${by.name}` : html`<a href="${by.url}">${by.name}</a>`;
    return by.uncertain ? html`<span class="by u" data-pagefind-ignore>possibly ${name} <span class="flag">(uncertain)</span></span>` : html`<span class="by" data-pagefind-ignore>${name}</span>`;
  }
  if (by.status === 'anonymous') {
    return by.uncertain
      ? html`<span class="by anon u" data-pagefind-ignore>unattributed: possibly ${by.name} <span class="flag">(uncertain)</span></span>`
      : html`<span class="by anon" data-pagefind-ignore>unattributed: ${by.name}</span>`;
  }
  return html`<span class="by anon" data-pagefind-ignore>unattributed</span>`;
}

function marks(quotes: readonly ArticleQuote[], inline: boolean): Mark[] {
  return quotes.map((q) => {
    const cls = q.by.uncertain ? 'q u' : q.by.status === 'named' ? 'q' : 'q anon';
    return {
      start: q.start,
      end: q.end,
      open: html`<q class="${cls}" id="${q.id}">`,
      reopen: html`<q class="${cls}">`,
      close: html`</q>`,
      after: inline && !q.continued ? byline(q.by) : null,
    };
  });
}

function alsoReported(q: ArticleQuote): Html | '' {
  if (q.alsoReported.length === 0) return '';
  const more = q.alsoReportedCount - q.alsoReported.length;
  return html`<p class="also">Also reported by ${q.alsoReported.map((r, i) => html`${i > 0 ? ', ' : ''}<a href="${r.url}">${r.source ?? r.headline}</a>${r.date ? html` (${formatDate(r.date)})` : ''}`)}${more > 0 ? ` and in ${plural(more, 'other article')}` : ''}.${
    q.firstReported ? html` First reported ${q.firstReported.date ? formatDate(q.firstReported.date) : ''}${q.firstReported.source ? html` by ${q.firstReported.source}` : ''}.` : ''
  }</p>`;
}

/** A quote in the list under the article: its words link to it in context; the citation is behind "Cite". */
function quoteItem(q: ArticleQuote): Html {
  const who =
    q.by.status === 'named'
      ? q.by.url === null
        ? html`${q.by.name}`
        : html`<a href="${q.by.url}">${q.by.name}</a>`
      : q.by.status === 'anonymous'
        ? html`Unattributed (${q.by.name})`
        : html`Unattributed`;
  return html`<li><a class="qt" href="#${q.id}">“${q.text}”</a><div class="row"><p class="meta">— ${who}${q.by.uncertain ? html` <strong class="flag">uncertain attribution</strong>` : ''}</p>${citation(q.citation)}</div>${alsoReported(q)}</li>`;
}

export function articleView(d: ArticlePageData): Html {
  const partQuotes = (part: ArticleQuote['in'], index: number): ArticleQuote[] => d.quotes.filter((q) => q.in === part && q.paragraph === index);
  const year = d.year ?? 'undated';
  return html`<article class="article" data-pagefind-body data-pagefind-filter="year:${year}">
<header>
<h1 data-pagefind-meta="title">${markText(d.headline, marks(partQuotes('headline', 0), false))}</h1>
<p class="meta">${d.date === null ? html`<a href="${d.dateUrl}">Undated</a>` : html`<a href="${d.dateUrl}">${dateHtml(d.date, html` data-pagefind-meta="date:${d.date}"`)}</a>`}${
    d.source ? html` · <a href="${d.source.url}" data-pagefind-filter="source">${d.source.label}</a>` : ''
  }${d.author ? html` · By ${d.author}` : ''}</p>
${d.summary.length > 0 ? html`<div class="summary">${d.summary.map((s, i) => html`<p>${markText(s, marks(partQuotes('summary', i), true))}</p>`)}</div>` : ''}
</header>
<div class="body">
${d.paragraphs.map((p, i) => html`${markParagraph(p, marks(partQuotes('body', i), true))}\n`)}</div>
<footer>
${d.speakers.length + d.unnamed.length > 0 ? html`<section aria-labelledby="who"><h2 id="who">Who is quoted</h2><ul class="who">${d.speakers.map(
    // Search finds the article under a speaker only for what it attributes to them without doubt.
    (s) => html`<li>${s.uncertain < (s.count ?? 0) ? html`<a href="${s.url}" data-pagefind-filter="speaker">${s.label}</a>` : html`<a href="${s.url}">${s.label}</a>`}${s.roles.length > 0 ? html`, ${s.roles.join(', ')}` : ''} <span class="n">${plural(s.count ?? 0, 'quote')}${s.uncertain > 0 ? html`, ${s.uncertain} uncertain` : ''}</span></li>`,
  )}${d.unnamed.map((u) => html`<li>${u.name === 'Unattributed' ? 'Unattributed' : html`Unattributed: ${u.name}`} <span class="n">${plural(u.count, 'quote')}</span></li>`)}</ul></section>` : ''}
${d.quotes.length > 0 ? html`<section aria-labelledby="quotes" data-pagefind-ignore><h2 id="quotes">Quotes and citations</h2><ol class="quotes">${d.quotes.map(quoteItem)}</ol></section>` : ''}
${d.tags.length > 0 ? html`<p class="tags">Tags: ${d.tags.map((t, i) => html`${i > 0 ? ', ' : ''}<a href="${t.url}">${t.label}</a>`)}</p>` : ''}
</footer>
</article>
${d.related.length > 0 ? html`<aside aria-labelledby="related"><h2 id="related">Related articles</h2>${articleList(d.related, 3)}</aside>` : ''}`;
}
