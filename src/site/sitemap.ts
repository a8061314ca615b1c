/**
 * `sitemap.xml` and `robots.txt`, plus the two helpers every machine-readable file of the
 * site shares: absolute URLs from `baseUrl`, and XML escaping that never emits invalid XML.
 *
 * Pure functions: no clock, no I/O, no locale. The same input gives byte-identical output.
 */
import { withoutForbiddenCodePoints } from './html.ts';
import type { SiteFile, SiteOptions } from './types.ts';

/** The sitemaps.org limit of URLs per sitemap file. Larger sites get a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

/** Lone UTF-16 surrogates, which neither XML nor a URL can carry. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
};

/**
 * Escape text for XML character data or a quoted attribute value: `& < > " '` become entities,
 * a CR becomes `&#xD;` (so parsers do not fold it into a newline), and the code points XML 1.0
 * forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates), with DEL, the C1 controls and the other
 * noncharacters, which it discourages, are replaced as on the pages (`withoutForbiddenCodePoints`:
 * VT, FF and NEL become a space, the others are dropped). Everything else, U+2028 and U+202E
 * included, stays literal text.
 *
 * @example
 *   escapeXml('</title><script>') // '&lt;/title&gt;&lt;script&gt;'
 *   escapeXml('a\u0000b\vc')      // 'ab c'
 */
export function escapeXml(text: string): string {
  return withoutForbiddenCodePoints(text).replace(/[&<>"'\r]/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * Parse and check `options.baseUrl`: an absolute http(s) URL. A trailing slash is ignored.
 * Throws a `TypeError` for anything else (a wrongly called API, not a content problem).
 */
function parseBase(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL such as https://news.example.org, not ${JSON.stringify(baseUrl)}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`baseUrl must use http or https, not ${JSON.stringify(base.protocol)}`);
  }
  if (base.search !== '' || base.hash !== '') {
    throw new TypeError(`baseUrl must not carry a query or fragment: ${JSON.stringify(baseUrl)}`);
  }
  return base;
}

/** A parsed base URL's path without its trailing slash. */
function pathOf(base: URL): string {
  return base.pathname.replace(/\/+$/, '');
}

/**
 * The path the site is served from, as it appears in links: `''` for `https://n.example`,
 * `/archive` for `https://n.example/archive/` (percent-encoded, no trailing slash).
 * Throws a `TypeError` for a base URL that {@link absoluteUrl} would refuse.
 *
 * @example
 *   basePath({ baseUrl: 'https://n.example/news archive/' }) // '/news%20archive'
 */
export function basePath(options: Pick<SiteOptions, 'baseUrl'>): string {
  return pathOf(parseBase(options.baseUrl));
}

/**
 * Percent-encode every character RFC 3986 does not allow in a path, query or fragment,
 * and every `%` that does not start an escape. Existing `%XX` escapes and the URL's
 * structure (`/ ? # & =`) are kept. Done before the WHATWG parser, which would otherwise
 * drop tabs and newlines, read `\` as `/`, and keep `|`, `^` and stray `%` as they are.
 */
function encodeUrl(url: string): string {
  return url
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]+/g, (run) => encodeURIComponent(run));
}

/**
 * Turn a site-relative URL (`/articles/x/`, `/articles/x/#q3`) into an absolute one under
 * `options.baseUrl` (which may itself have a path, e.g. `https://example.org/archive`).
 * Characters RFC 3986 does not allow (non-ASCII, spaces, quotes, angle brackets, `{}|^\\`, a stray `%`)
 * are percent-encoded as UTF-8; existing `%XX` escapes are kept; dot segments are resolved. Throws a `TypeError` when `url` does not start
 * with a single `/` or would leave the site (`//evil.example`, `/../`).
 *
 * @example
 *   absoluteUrl('/articles/東京/', { baseUrl: 'https://n.example', … })
 *   // 'https://n.example/articles/%E6%9D%B1%E4%BA%AC/'
 */
export function absoluteUrl(url: string, options: Pick<SiteOptions, 'baseUrl'>): string {
  if (!url.startsWith('/') || url.startsWith('//')) {
    throw new TypeError(`expected a site-relative URL starting with "/", not ${JSON.stringify(url)}`);
  }
  // A plan asks for the same URLs many times (canonical links, feeds, JSON-LD, the sitemap):
  // the base is parsed once and every answer kept, per base URL.
  if (resolved === null || resolved.baseUrl !== options.baseUrl) {
    const base = parseBase(options.baseUrl);
    resolved = { baseUrl: options.baseUrl, base, prefix: pathOf(base), known: new Map() };
  }
  const known = resolved.known.get(url);
  if (known !== undefined) return known;
  const { base, prefix } = resolved;
  // Most URLs are plain (ASCII letters, digits, `-._~/` and an anchor) with no dot segments:
  // those are already what the URL parser would give, and need no parsing.
  if (PLAIN_URL.test(url) && !DOT_SEGMENT.test(url)) return `${base.origin}${prefix}${url}`;
  const absolute = new URL(`${base.origin}${prefix}${encodeUrl(url)}`);
  if (absolute.origin !== base.origin || !absolute.pathname.startsWith(`${prefix}/`)) {
    throw new TypeError(`URL ${JSON.stringify(url)} leaves the site at ${JSON.stringify(options.baseUrl)}`);
  }
  if (resolved.known.size >= MAX_KNOWN_URLS) resolved.known.clear();
  resolved.known.set(url, absolute.href);
  return absolute.href;
}

/** A site-relative URL that needs no encoding: path and optional anchor of unreserved characters. */
const PLAIN_URL = /^\/[A-Za-z0-9\-._~/]*(?:#[A-Za-z0-9\-._~]*)?$/;
/** A `.` or `..` path segment, which the URL parser would resolve. */
const DOT_SEGMENT = /\/\.\.?(?:[/#]|$)/;

/** Answers `absoluteUrl` keeps for its last base URL (bounded, so a long-lived process cannot grow without end). */
const MAX_KNOWN_URLS = 200_000;
let resolved: { readonly baseUrl: string; readonly base: URL; readonly prefix: string; readonly known: Map<string, string> } | null = null;

function urlset(locations: readonly string[]): string {
  const entries = locations.map((loc) => `  <url><loc>${escapeXml(loc)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</urlset>\n`;
}

function sitemapIndex(locations: readonly string[]): string {
  const entries = locations.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

/**
 * `sitemap.xml` listing every given page once, as absolute, XML-escaped URLs sorted by
 * code unit (independent of locale and input order), and `robots.txt` allowing every crawler
 * and naming the sitemap. No `<lastmod>`: pages carry no reliable modification time.
 *
 * `urls` are site-relative page URLs (`/`, `/articles/x/`); duplicates are listed once.
 * A URL with a fragment is a caller bug (`TypeError`): fragments are not pages.
 * Over {@link SITEMAP_LIMIT} URLs, `sitemap.xml` becomes a sitemap index over
 * `sitemap-1.xml`, `sitemap-2.xml`, ….
 *
 * @example
 *   sitemapFiles(['/', '/articles/a/'], { baseUrl: 'https://n.example', buildDate: null, title: 'N' })
 *   // [{ path: 'sitemap.xml', … }, { path: 'robots.txt', contents: 'User-agent: *\nAllow: /\n\nSitemap: https://n.example/sitemap.xml\n' }]
 */
export function sitemapFiles(urls: readonly string[], options: SiteOptions): SiteFile[] {
  for (const url of urls) {
    if (url.includes('#')) throw new TypeError(`sitemap URLs name pages and cannot carry a fragment: ${JSON.stringify(url)}`);
  }
  const locations = [...new Set(urls.map((url) => absoluteUrl(url, options)))].sort();
  const sitemapUrl = absoluteUrl('/sitemap.xml', options);
  const robots: SiteFile = { path: 'robots.txt', contents: `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n` };
  if (locations.length <= SITEMAP_LIMIT) {
    return [{ path: 'sitemap.xml', contents: urlset(locations) }, robots];
  }
  const parts: SiteFile[] = [];
  for (let start = 0; start < locations.length; start += SITEMAP_LIMIT) {
    parts.push({ path: `sitemap-${parts.length + 1}.xml`, contents: urlset(locations.slice(start, start + SITEMAP_LIMIT)) });
  }
  const index = sitemapIndex(parts.map((part) => absoluteUrl(`/${part.path}`, options)));
  return [{ path: 'sitemap.xml', contents: index }, ...parts, robots];
}
