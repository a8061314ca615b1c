/**
 * Listing pages (home, dates, sources, tags, undated), term indexes, search and 404.
 */
import { html, type Html } from '../../src/site/html.ts';
import type { IndexPageData, ListPageData, NotFoundPageData, SearchPageData } from '../../src/site/model.ts';
import { articleList, pager, termList } from './common.ts';

export function listView(d: ListPageData): Html {
  return html`<h1>${d.heading}</h1>
${d.intro ? html`<p class="intro">${d.intro}</p>` : ''}${d.links.length > 0 ? html`<nav aria-label="Months">${termList(d.links)}</nav>` : ''}
${articleList(d.items)}
${pager(d.nav)}`;
}

export function indexView(d: IndexPageData): Html {
  return html`<h1>${d.heading}</h1>
${d.intro ? html`<p class="intro">${d.intro}</p>` : ''}${d.groups.map((g) => (g.heading === null ? termList(g.links) : html`<h2>${g.heading}</h2>${termList(g.links)}`))}${
    d.groups.every((g) => g.links.length === 0) ? html`<p>Nothing here yet.</p>` : ''
  }`;
}

function browse(links: SearchPageData['indexes']): Html {
  return html`<ul class="terms">${links.map((l) => html`<li><a href="${l.url}">${l.label}</a></li>`)}</ul>`;
}

export function searchView(d: SearchPageData): Html {
  return html`<h1>Search</h1>
<div id="search" class="search"></div>
<noscript><p><strong>Search needs JavaScript</strong>, which is off or unavailable in this browser. Every article and quote can also be reached through the indexes below.</p></noscript>
<h2>Browse instead</h2>
${browse(d.indexes)}
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js"></script>
<script>addEventListener("DOMContentLoaded",async function(){if(!window.PagefindUI)return;var s=await(await fetch("/pagefind/shards.json")).json();if(!s.length)return;new PagefindUI({element:"#search",bundlePath:s[0],mergeIndex:s.slice(1).map(function(b){return{bundlePath:b}}),sort:{date:"desc"},showSubResults:true,showImages:false})})</script>`;
}

export function notFoundView(d: NotFoundPageData): Html {
  return html`<h1>Page not found</h1>
<p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
<h2>Where to go from here</h2>
${browse(d.indexes)}
<p><a href="/search/">Search the archive</a></p>`;
}
