/**
 * The page shell: `<head>` (title, canonical, Open Graph, Twitter, feeds, JSON-LD) and the
 * site's header, navigation and footer around a page's main content.
 */
import { html, trustedHtml, type Html } from '../../src/site/html.ts';
import type { Head } from '../../src/site/model.ts';

/** The stylesheet's stable URL (copied from `templates/assets/site.css`). */
export const CSS_URL = '/assets/site.css';

/** The site icon, inline: browsers then never ask for a missing `/favicon.ico` (a failed request on every first visit). */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><rect width='16' height='16' rx='3' fill='#0b4f9c'/><text x='8' y='15' font-size='15' text-anchor='middle' fill='#fff' font-family='Georgia,serif'>“</text></svg>",
)}`;

const SECTIONS = [
  { label: 'Latest', url: '/' },
  { label: 'Speakers', url: '/speakers/' },
  { label: 'Dates', url: '/dates/' },
  { label: 'Sources', url: '/sources/' },
  { label: 'Tags', url: '/tags/' },
  { label: 'Search', url: '/search/' },
] as const;

function section(url: string): string {
  const found = SECTIONS.filter((s) => s.url !== '/' && url.startsWith(s.url));
  return found[0]?.url ?? (url === '/' || url.startsWith('/page/') ? '/' : '');
}

/**
 * A whole HTML document around `main`. `url` is the page's site-relative URL; `styles` are
 * stylesheets this kind of page needs besides the site's (the search page's own).
 */
export function layout(head: Head, url: string, main: Html, styles: readonly string[] = []): Html {
  const title = head.title === head.siteTitle ? head.siteTitle : `${head.title} — ${head.siteTitle}`;
  const current = section(url);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${head.description}">
<link rel="canonical" href="${head.canonical}">
<link rel="icon" href="${ICON}">
<link rel="stylesheet" href="${CSS_URL}">
${styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${head.feeds.map((f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${f.url}">\n`)}<meta property="og:type" content="${head.ogType}">
<meta property="og:title" content="${head.title}">
<meta property="og:description" content="${head.description}">
<meta property="og:url" content="${head.canonical}">
<meta property="og:site_name" content="${head.siteTitle}">
${head.published ? html`<meta property="article:published_time" content="${head.published}">\n` : ''}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${head.title}">
<meta name="twitter:description" content="${head.description}">
${head.noindex ? html`<meta name="robots" content="noindex">\n` : ''}${head.jsonLd === null ? '' : html`<script type="application/ld+json">${trustedHtml(head.jsonLd)}</script>\n`}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="/">${head.siteTitle}</a>
<nav aria-label="Sections"><ul>${SECTIONS.map((s) => html`<li><a href="${s.url}"${s.url === current ? html` aria-current="page"` : ''}>${s.label}</a></li>`)}</ul></nav>
</header>
<main id="main">
${main}
</main>
<footer class="site"><p>${head.siteTitle}: every quotation marked and attributed. Uncertain attributions are flagged. <a href="/api/index.json">Data (JSON)</a> · <a href="/feed.xml">Feed</a></p></footer>
</body>
</html>
`;
}
