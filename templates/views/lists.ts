/**
 * Listing pages (home, dates, sources, tags, undated), term indexes (with their letter pages), search and 404.
 */
import { html, type Html } from '../../src/site/html.ts';
import type { IndexPageData, ListPageData, NotFoundPageData, SearchPageData } from '../../src/site/model.ts';
import { articleList, pager, termList } from './common.ts';

export function listView(d: ListPageData): Html {
  return html`<h1>${d.heading}</h1>
${d.intro ? html`<p class="intro">${d.intro}</p>` : ''}${d.links.length > 0 ? html`<nav aria-label="Months">${termList(d.links)}</nav>` : ''}
${articleList(d.items)}
${d.more ? html`<p class="more"><a href="${d.more.url}">${d.more.label}</a>${d.more.count === undefined ? '' : html` (${d.more.count})`}</p>` : ''}
${pager(d.nav)}`;
}

export function indexView(d: IndexPageData): Html {
  return html`<h1>${d.heading}</h1>
${d.intro ? html`<p class="intro">${d.intro}</p>` : ''}${d.letters.length > 0 ? html`<nav class="letters" aria-label="By name">${termList(d.letters)}</nav>` : ''}${d.groups.map((g) => (g.heading === null ? termList(g.links) : html`<h2>${g.heading}</h2>${termList(g.links)}`))}${
    d.groups.every((g) => g.links.length === 0) ? html`<p>Nothing here yet.</p>` : ''
  }`;
}

function browse(links: SearchPageData['indexes']): Html {
  return html`<ul class="terms">${links.map((l) => html`<li><a href="${l.url}">${l.label}</a></li>`)}</ul>`;
}

/** The search script's stable URL (copied from `templates/assets/search.js`). */
export const SEARCH_JS_URL = '/assets/search.js';
/** The search page's own stylesheet (copied from `templates/assets/search.css`); no other page loads it. */
export const SEARCH_CSS_URL = '/assets/search.css';

/**
 * The search page: a plain GET form (speaker, source and year filters are filled from the index
 * by `search.js`), a live status line and the results list. The form stays `hidden` until the
 * script shows it, so without JavaScript only the notice and the indexes remain.
 */
export function searchView(d: SearchPageData): Html {
  return html`<h1>Search</h1>
<div id="search" class="search" hidden>
<form id="search-form" role="search" action="/search/" method="get">
<p class="field"><label for="search-q">Search for</label>
<input type="search" id="search-q" name="q" autocomplete="off" enterkeyhint="search" aria-describedby="search-hint">
<span id="search-hint" class="hint">Put words in quotation marks to find that exact phrase.</span></p>
<div class="filters">
<p class="field"><label for="search-speaker">Speaker</label>
<select id="search-speaker" name="speaker"><option value="">Any speaker</option></select></p>
<p class="field"><label for="search-source">Source</label>
<select id="search-source" name="source"><option value="">Any source</option></select></p>
<p class="field"><label for="search-year">Year</label>
<select id="search-year" name="year"><option value="">Any year</option></select></p>
</div>
<p><button type="submit">Search</button></p>
</form>
<p id="search-status" class="status" role="status"></p>
<ol id="search-results" class="list results"></ol>
</div>
<noscript><p><strong>Search needs JavaScript</strong>, which is off or unavailable in this browser. Every article and quote can also be reached through the indexes below.</p></noscript>
<h2>Browse instead</h2>
${browse(d.indexes)}
<script src="${SEARCH_JS_URL}" defer></script>`;
}

export function notFoundView(d: NotFoundPageData): Html {
  return html`<h1>Page not found</h1>
<p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
<h2>Where to go from here</h2>
${browse(d.indexes)}
<p><a href="/search/">Search the archive</a></p>`;
}
