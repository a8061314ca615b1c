/**
 * The speaker page: name, type, roles, description, quote count, a timeline of quotes per
 * month, every quote (newest first, paginated) with its article, date and sentence, and the
 * speakers most often quoted alongside.
 */
import { escapeHtml, html, trustedHtml, type Html } from '../../src/site/html.ts';
import type { SpeakerPageData, SpeakerPageQuote } from '../../src/site/model.ts';
import { citation, dateHtml, pager, plural, termList } from './common.ts';
import { timeline } from './timeline.ts';

const TYPE_LABEL: Readonly<Record<string, string>> = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  group: 'Group',
  document: 'Document',
  anonymous: 'Unnamed source',
  unknown: 'Speaker',
};

/** The sentence around the quote with the quote itself marked, when it can be found there. */
function context(q: SpeakerPageQuote): Html {
  const at = q.context.indexOf(q.text);
  if (q.text === '' || at === -1) return html`<p class="qt">“${q.text}”</p><p class="ctx">${q.context}</p>`;
  const before = q.context.slice(0, at);
  const after = q.context.slice(at + q.text.length);
  return trustedHtml(`<p class="ctx">${escapeHtml(before)}<mark>${escapeHtml(q.text)}</mark>${escapeHtml(after)}</p>`);
}

/**
 * One quote: the sentence, then a line with its article (a link to the quote in context), date,
 * source, the permalink and a closed `<details>` holding the citation, so a long list stays short
 * on a phone and the citation is one tap away, without JavaScript.
 */
function quoteItem(q: SpeakerPageQuote): Html {
  return html`<li id="${q.anchor}">${context(q)}<div class="row"><p class="meta">${q.uncertain ? html`<strong class="flag">uncertain attribution</strong> · ` : ''}<a href="${q.url}">${q.headline}</a> · ${dateHtml(q.date)}${q.source ? html` · ${q.source}` : ''}${q.alsoReported > 0 ? html` · also in ${plural(q.alsoReported, 'other article')}` : ''} · <a href="#${q.anchor}" aria-label="Permalink to this quote">#</a></p>${citation(q.citation)}</div></li>`;
}

export function speakerView(d: SpeakerPageData): Html {
  const first = d.nav === null || d.nav.number === null;
  return html`<article class="speaker" data-pagefind-body>
<header>
<h1 data-pagefind-filter="speaker">${d.name}</h1>
<p class="meta">${TYPE_LABEL[d.type] ?? d.type}${d.roles.length > 0 ? html` · ${d.roles.join(', ')}` : ''}${d.quoteCount === null ? '' : html` · ${plural(d.quoteCount, 'quote')}${d.uncertainCount ? html`, ${d.uncertainCount} uncertain` : ''}`}</p>
${d.description ? html`<p>${d.description}</p>` : ''}${d.aliases.length > 0 ? html`<p class="meta">Also named: ${d.aliases.join(', ')}</p>` : ''}
</header>
${first && d.timeline.length > 0 ? html`<section aria-labelledby="tl"><h2 id="tl">Quotes over time</h2>${timeline(d.timeline, 'tl-title')}${d.undated > 0 ? html`<p class="meta">Plus ${plural(d.undated, 'undated quote')}.</p>` : ''}</section>` : ''}
<section aria-labelledby="ql"><h2 id="ql">Quotes, newest first</h2>
${first ? '' : html`<p><a href="${d.home}">${d.name}: latest quotes and timeline</a></p>`}<ol class="squotes">${d.quotes.map(quoteItem)}</ol>
${pager(d.nav, 'Quote pages')}
</section>
${first && d.alongside.length > 0 ? html`<section aria-labelledby="qa"><h2 id="qa">Quoted alongside</h2>${termList(d.alongside)}</section>` : ''}
${first && d.feeds.length > 0 ? html`<p class="feeds">Follow ${d.name}: ${d.feeds.map((f, i) => html`${i > 0 ? ' · ' : ''}<a href="${f.url}">${f.label}</a>`)}</p>` : ''}
</article>`;
}
