/**
 * `planSite`: the archive → every page's data plus every machine file. Pure: no I/O, no clock.
 *
 * URL scheme (site-relative; `…/` is the `index.html` inside it):
 * - `/` home, `/page/<n>/` older home pages (numbered from the oldest, see `paginate.ts`)
 * - `/articles/<slug>/` (from the archive), quote anchors `#q1`, `#q2`, …
 * - `/speakers/` the most quoted, `/speakers/index/<letter>/` everyone by name (`a`…`z`, other cased
 *   letters such as `д`, and `other`; see `letters.ts`), `/speakers/<slug>/`, `/speakers/<slug>/page/<n>/`
 * - `/dates/`, `/dates/<yyyy>/`, `/dates/<yyyy>/<mm>/`, `/dates/undated/` (each paginated)
 * - `/sources/`, `/sources/<slug>/`, `/tags/`, `/tags/<slug>/` (each paginated)
 * - `/search/`, `/404.html`
 * - files: `api/…json`, `feed.xml`, `feed.json`, `speakers/<slug>/feed.{xml,json}`, `sitemap.xml`, `robots.txt`
 */
import { assignSlugs, slugify } from '../archive/slug.ts';
import { LOW_CONFIDENCE, type Archive, type ArchiveArticle, type ArchiveQuote, type ArchiveSpeaker } from '../types.ts';
import { apiFiles } from './api.ts';
import { feedFiles } from './feeds.ts';
import { articleJsonLd, speakerJsonLd } from './jsonld.ts';
import type {
  AlsoReported,
  ArticlePageData,
  ArticleQuote,
  Attribution,
  Head,
  IndexPageData,
  Link,
  ListItem,
  ListPageData,
  PageData,
  SpeakerPageData,
  SpeakerPageQuote,
} from './model.ts';
import { byLetter, OTHER_LETTER } from './letters.ts';
import { paginate } from './paginate.ts';
import { absoluteUrl, basePath, sitemapFiles } from './sitemap.ts';
import type { SiteFile, SiteOptions, SitePage, SitePlan } from './types.ts';

export type { PageData } from './model.ts';

/** `SiteOptions` plus the sizes of paginated lists (tests use small ones). */
export interface PlanOptions extends SiteOptions {
  /** Articles per listing page. Default 20. */
  readonly pageSize?: number;
  /** Quotes per speaker page. Default 50. */
  readonly speakerPageSize?: number;
  /** How many of the most quoted speakers `/speakers/` lists (everyone is on the letter pages). Default 100. */
  readonly speakerIndexSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_SPEAKER_PAGE_SIZE = 50;
export const DEFAULT_SPEAKER_INDEX_SIZE = 100;

/**
 * The speakers' page for names starting with `letter` (a key of `letters.ts`). `index` is a reserved
 * slug, so no speaker page can ever be `/speakers/index/`.
 */
export function speakerLetterUrl(letter: string): string {
  return `/speakers/index/${letter}/`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-08` → `August 2025`. Fixed English names: output never depends on the locale. */
export function monthLabel(month: string): string {
  const [year, mm] = month.split('-');
  return `${MONTHS[Number(mm) - 1] ?? mm} ${year}`;
}

/** At most `max` characters, cut at a word, with an ellipsis. */
function clip(text: string, max: number): string {
  const flat = text.replace(/[ \t\r\n]+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

interface Term {
  readonly name: string;
  readonly url: string;
  readonly articles: ArchiveArticle[];
}

/** Group articles by a text field into terms with unique slugs under `base`. */
function terms(articles: readonly ArchiveArticle[], keysOf: (a: ArchiveArticle) => readonly string[], base: string, prefix: string): Map<string, Term> {
  const byName = new Map<string, ArchiveArticle[]>();
  for (const article of articles) {
    for (const key of new Set(keysOf(article))) {
      const list = byName.get(key);
      if (list) list.push(article);
      else byName.set(key, [article]);
    }
  }
  const grants = assignSlugs([...byName.keys()].map((name) => ({ id: name, wanted: slugify(name), rank: name })), prefix);
  const result = new Map<string, Term>();
  for (const [name, list] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    result.set(name, { name, url: `${base}${grants.get(name)!.slug}/`, articles: list });
  }
  return result;
}

/**
 * Plan the whole site: every HTML page with the data its view needs, plus the JSON export,
 * feeds, sitemap and robots.txt. Pure and deterministic.
 *
 * @example
 *   const plan = planSite(archive, { baseUrl: 'https://n.example', buildDate: null, title: 'Verbatim' })
 *   plan.pages.map((p) => p.url) // ['/', '/articles/a/', …, '/404.html']
 */
export function planSite(archive: Archive, options: PlanOptions): SitePlan {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const speakerPageSize = options.speakerPageSize ?? DEFAULT_SPEAKER_PAGE_SIZE;
  const speakerIndexSize = options.speakerIndexSize ?? DEFAULT_SPEAKER_INDEX_SIZE;
  const siteOptions: SiteOptions = { baseUrl: options.baseUrl, buildDate: options.buildDate, title: options.title };
  const pages: SitePage[] = [];
  const add = (data: PageData, url: string): void => {
    pages.push({ url, template: data.kind, data });
  };

  const sitePath = basePath(options);
  const feeds = feedFiles(archive, siteOptions);
  const feedPaths = new Set(feeds.map((f) => f.path));
  const siteFeeds: Head['feeds'] = [
    ...(feedPaths.has('feed.xml') ? [{ title: `${options.title} (Atom)`, url: '/feed.xml', type: 'application/atom+xml' as const }] : []),
    ...(feedPaths.has('feed.json') ? [{ title: `${options.title} (JSON Feed)`, url: '/feed.json', type: 'application/feed+json' as const }] : []),
  ];
  const head = (title: string, url: string, description: string, extra: Partial<Head> = {}): Head => ({
    title,
    siteTitle: options.title,
    description: clip(description, 200),
    canonical: absoluteUrl(url, options),
    basePath: sitePath,
    ogType: 'website',
    published: null,
    feeds: siteFeeds,
    jsonLd: null,
    noindex: false,
    ...extra,
  });

  const speakersById = new Map(archive.speakers.map((s) => [s.id, s]));
  const articlesById = new Map(archive.articles.map((a) => [a.id, a]));
  const sources = terms(archive.articles, (a) => (a.source === null ? [] : [a.source]), '/sources/', 'source');
  const tags = terms(archive.articles, (a) => a.tags, '/tags/', 'tag');

  const items = new Map<string, ListItem>();
  const item = (a: ArchiveArticle): ListItem => {
    let found = items.get(a.id);
    if (!found) {
      const source = a.source === null ? null : sources.get(a.source)!;
      found = {
        url: a.url,
        headline: a.headline.text,
        date: a.date,
        source: source ? { label: source.name, url: source.url } : null,
        summary: clip(a.summary.map((l) => l.text).join(' '), 300),
        quotes: a.quotes.length,
      };
      items.set(a.id, found);
    }
    return found;
  };

  /** Paginated article listing pages under `base`. */
  const listing = (base: string, heading: string, intro: string | null, list: readonly ArchiveArticle[], links: readonly Link[] = []): void => {
    for (const page of paginate(list, base, pageSize)) {
      const n = page.nav?.number ?? null;
      const title = n === null ? heading : `${heading}, page ${n}`;
      const data: ListPageData = {
        kind: 'list',
        head: head(title, page.url, intro ?? `${heading}: ${list.length} ${list.length === 1 ? 'article' : 'articles'} in ${options.title}.`),
        heading,
        intro,
        links: n === null ? links : [],
        items: page.items.map(item),
        nav: page.nav,
      };
      add(data, page.url);
    }
  };

  // Home
  listing('/', options.title, `The newest articles first, with every quotation attributed. ${archive.articles.length} articles, ${archive.speakers.length} speakers.`, archive.articles);

  // Articles
  for (const article of archive.articles) add(articlePage(article), article.url);

  function attribution(article: ArchiveArticle, quote: ArchiveQuote): Attribution {
    const uncertain = quote.confidence < LOW_CONFIDENCE;
    const local = quote.speakerKey === null ? undefined : article.speakers.find((s) => s.key === quote.speakerKey);
    if (quote.speaker !== null && quote.speaker.type !== 'anonymous') {
      const speaker = speakersById.get(quote.speaker.id);
      return { status: 'named', name: quote.speaker.name, url: speaker ? speaker.url : null, type: quote.speaker.type, uncertain };
    }
    if (local && local.type === 'anonymous') return { status: 'anonymous', name: local.name, url: null, type: 'anonymous', uncertain };
    if (quote.speaker !== null) return { status: 'anonymous', name: quote.speaker.name, url: null, type: 'anonymous', uncertain };
    return { status: 'none', name: null, url: null, type: null, uncertain };
  }

  function citation(by: Attribution, headline: string, source: string | null, date: string | null, url: string): string {
    const who =
      by.status === 'named'
        ? `${by.name}${by.uncertain ? ' (attribution uncertain)' : ''}`
        : by.status === 'anonymous'
          ? `${by.name} (unnamed source)`
          : 'Unattributed';
    return [`${who}, quoted in “${headline}”`, source, date ?? 'undated', absoluteUrl(url, options)].filter((x) => x !== null).join(', ');
  }

  function articlePage(article: ArchiveArticle): ArticlePageData {
    const quotes: ArticleQuote[] = article.quotes.map((quote, i) => {
      const by = attribution(article, quote);
      const next = article.quotes[i + 1];
      const also: AlsoReported[] = quote.alsoReported.map((r) => ({ url: r.quoteId === undefined ? r.url : `${r.url}#${r.quoteId}`, headline: r.headline, source: r.source, date: r.date }));
      const first = also[0];
      const firstIsOther = first !== undefined && first.date !== null && (article.date === null || first.date < article.date);
      return {
        id: quote.id,
        in: quote.in,
        paragraph: quote.paragraph,
        start: quote.start,
        end: quote.end,
        text: quote.text,
        kind: quote.kind,
        continued: next !== undefined && quote.group !== null && next.group === quote.group,
        by,
        confidence: quote.confidence,
        citation: citation(by, article.headline.text, article.source, article.date, `${article.url}#${quote.id}`),
        alsoReported: also,
        firstReported: firstIsOther ? first : null,
      };
    });
    const named = new Map<string, { label: string; url: string; count: number; roles: readonly string[] }>();
    const unnamed = new Map<string, number>();
    for (const q of quotes) {
      if (q.by.status === 'named' && q.by.url !== null) {
        const entry = named.get(q.by.url);
        if (entry) entry.count++;
        else {
          const local = article.quotes.find((aq) => aq.id === q.id)?.speakerKey;
          const roles = article.speakers.find((s) => s.key === local)?.roles ?? [];
          named.set(q.by.url, { label: q.by.name!, url: q.by.url, count: 1, roles });
        }
      } else {
        const name = q.by.status === 'anonymous' ? q.by.name! : q.by.name ?? 'Unattributed';
        unnamed.set(name, (unnamed.get(name) ?? 0) + 1);
      }
    }
    const source = article.source === null ? null : sources.get(article.source)!;
    const summary = article.summary.map((l) => l.text);
    return {
      kind: 'article',
      head: head(article.headline.text, article.url, summary.join(' ') || (article.paragraphs[0]?.text ?? ''), {
        ogType: 'article',
        published: article.date,
        jsonLd: articleJsonLd(article, siteOptions),
      }),
      headline: article.headline.text,
      date: article.date,
      year: article.date?.slice(0, 4) ?? null,
      dateUrl: article.date === null ? '/dates/undated/' : `/dates/${article.date.slice(0, 4)}/${article.date.slice(5, 7)}/`,
      source: source ? { label: source.name, url: source.url } : null,
      author: article.author,
      tags: [...new Set(article.tags)].map((t) => ({ label: t, url: tags.get(t)!.url })),
      summary,
      paragraphs: article.paragraphs,
      quotes,
      speakers: [...named.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
      unnamed: [...unnamed].map(([name, count]) => ({ name, count })),
      related: article.related.flatMap((r) => {
        const a = articlesById.get(r.id);
        return a ? [item(a)] : [];
      }),
    };
  }

  // Speakers: the most quoted on /speakers/, and everyone on the page of their name's first letter.
  const speakerLink = (s: ArchiveSpeaker): Link => ({ label: s.name, url: s.url, count: s.quotes.length });
  const letters = byLetter(archive.speakers, (s) => s.name);
  const letterLinks = (current: string | null): Link[] =>
    letters.map((g) => ({ label: g.label, url: speakerLetterUrl(g.key), ...(g.key === current ? { current: true } : {}) }));
  const top = archive.speakers.slice(0, speakerIndexSize);
  const speakerIndex: IndexPageData = {
    kind: 'index',
    head: head('Speakers', '/speakers/', `The most quoted people and organisations in ${options.title}, and everyone quoted, by name.`),
    heading: 'Speakers',
    intro:
      top.length < archive.speakers.length
        ? `The ${top.length} most quoted of ${archive.speakers.length} speakers. Everyone quoted is listed by name on the letter pages. Unnamed sources are not listed.`
        : 'Everyone quoted in the archive, most quoted first, and by name on the letter pages. Unnamed sources are not listed.',
    letters: letterLinks(null),
    groups: [{ heading: top.length < archive.speakers.length ? 'Most quoted' : null, links: top.map(speakerLink) }],
  };
  add(speakerIndex, '/speakers/');
  for (const group of letters) {
    const starting = group.key === OTHER_LETTER ? 'begins with a digit or a character without capitals' : `begins with ${group.label}`;
    const count = `${group.items.length} ${group.items.length === 1 ? 'speaker' : 'speakers'}`;
    const letterPage: IndexPageData = {
      kind: 'index',
      head: head(`Speakers: ${group.label}`, speakerLetterUrl(group.key), `Everyone quoted in ${options.title} whose name ${starting}.`),
      heading: `Speakers: ${group.label}`,
      intro: `Everyone quoted whose name ${starting}, by name: ${count}.`,
      letters: letterLinks(group.key),
      groups: [{ heading: null, links: group.items.map(speakerLink) }],
    };
    add(letterPage, speakerLetterUrl(group.key));
  }
  for (const speaker of archive.speakers) speakerPages(speaker);

  function speakerPages(speaker: ArchiveSpeaker): void {
    const months = new Map<string, number>();
    let undated = 0;
    for (const q of speaker.quotes) {
      if (q.date === null) undated++;
      else months.set(q.date.slice(0, 7), (months.get(q.date.slice(0, 7)) ?? 0) + 1);
    }
    const timeline: { month: string; count: number }[] = [];
    const sorted = [...months.keys()].sort();
    if (sorted.length > 0) {
      let [y, m] = sorted[0]!.split('-').map(Number) as [number, number];
      const last = sorted[sorted.length - 1]!;
      for (;;) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        timeline.push({ month: key, count: months.get(key) ?? 0 });
        if (key >= last) break;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
    const speakerFeeds = [`speakers/${speaker.slug}/feed.xml`, `speakers/${speaker.slug}/feed.json`]
      .filter((p) => feedPaths.has(p))
      .map((p) => ({ label: p.endsWith('.xml') ? 'Atom feed' : 'JSON Feed', url: `/${p}` }));
    const jsonLd = speakerJsonLd(speaker, siteOptions);
    const quotes: SpeakerPageQuote[] = speaker.quotes.map((q) => {
      const article = articlesById.get(q.articleId);
      const uncertain = q.confidence < LOW_CONFIDENCE;
      const by: Attribution = { status: 'named', name: speaker.name, url: speaker.url, type: speaker.type, uncertain };
      return {
        anchor: `${article?.slug ?? q.articleId}-${q.quoteId}`,
        text: q.text,
        context: q.context,
        url: q.url,
        headline: q.headline,
        date: q.date,
        source: q.source,
        uncertain,
        citation: citation(by, q.headline, q.source, q.date, q.url),
        alsoReported: q.alsoReported.length,
      };
    });
    const description = `${speaker.name}: ${speaker.quotes.length} ${speaker.quotes.length === 1 ? 'quote' : 'quotes'} in ${options.title}.${speaker.description ? ` ${speaker.description}` : ''}`;
    for (const page of paginate(quotes, speaker.url, speakerPageSize)) {
      const n = page.nav?.number ?? null;
      const data: SpeakerPageData = {
        kind: 'speaker',
        head: head(n === null ? speaker.name : `${speaker.name}, page ${n}`, page.url, description, {
          ogType: 'profile',
          jsonLd: n === null ? jsonLd : null,
          feeds: [...siteFeeds, ...speakerFeeds.map((f) => ({ title: `${speaker.name} (${f.label})`, url: f.url, type: f.url.endsWith('.xml') ? ('application/atom+xml' as const) : ('application/feed+json' as const) }))],
        }),
        name: speaker.name,
        type: speaker.type,
        roles: speaker.roles,
        aliases: speaker.aliases,
        description: speaker.description,
        quoteCount: speaker.quotes.length,
        quotes: page.items,
        nav: page.nav,
        alongside: speaker.alongside.map((s) => ({ label: s.name, url: s.url, count: s.count })),
        timeline,
        undated,
        home: speaker.url,
        feeds: speakerFeeds,
      };
      add(data, page.url);
    }
  }

  // Dates
  const years = new Map<string, Map<string, ArchiveArticle[]>>();
  const undated: ArchiveArticle[] = [];
  for (const a of archive.articles) {
    if (a.date === null) {
      undated.push(a);
      continue;
    }
    const year = a.date.slice(0, 4);
    const month = a.date.slice(0, 7);
    const byMonth = years.get(year) ?? new Map<string, ArchiveArticle[]>();
    years.set(year, byMonth);
    const list = byMonth.get(month) ?? [];
    byMonth.set(month, list);
    list.push(a);
  }
  const yearUrl = (year: string): string => `/dates/${year}/`;
  const monthUrl = (month: string): string => `/dates/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
  const monthLinks = (byMonth: Map<string, ArchiveArticle[]>): Link[] =>
    [...byMonth].map(([month, list]) => ({ label: monthLabel(month), url: monthUrl(month), count: list.length }));
  const dateIndex: IndexPageData = {
    kind: 'index',
    head: head('Dates', '/dates/', `Every article in ${options.title} by year and month.`),
    heading: 'Dates',
    intro: 'Every article by year and month, newest first. Articles without a date are listed apart; no date is ever guessed.',
    letters: [],
    groups: [
      ...[...years].map(([year, byMonth]) => ({
        heading: year,
        links: [{ label: `All of ${year}`, url: yearUrl(year), count: [...byMonth.values()].reduce((n, l) => n + l.length, 0) }, ...monthLinks(byMonth)],
      })),
      { heading: 'Undated', links: [{ label: 'Articles without a date', url: '/dates/undated/', count: undated.length }] },
    ],
  };
  add(dateIndex, '/dates/');
  for (const [year, byMonth] of years) {
    listing(yearUrl(year), year, null, [...byMonth.values()].flat(), monthLinks(byMonth));
    for (const [month, list] of byMonth) listing(monthUrl(month), monthLabel(month), null, list);
  }
  listing('/dates/undated/', 'Undated articles', 'Articles whose seed gives no date. They are never given one.', undated);

  // Sources and tags
  for (const [kind, map, heading] of [['sources', sources, 'Sources'], ['tags', tags, 'Tags']] as const) {
    const index: IndexPageData = {
      kind: 'index',
      head: head(heading, `/${kind}/`, `${heading} of the articles in ${options.title}.`),
      heading,
      intro: kind === 'sources' ? 'The publishers the articles come from.' : 'The topics the articles are tagged with.',
      letters: [],
      groups: [{ heading: null, links: [...map.values()].map((t) => ({ label: t.name, url: t.url, count: t.articles.length })) }],
    };
    add(index, `/${kind}/`);
    for (const term of map.values()) listing(term.url, term.name, `${kind === 'sources' ? 'Articles from' : 'Articles tagged'} ${term.name}, newest first.`, term.articles);
  }

  // Search and 404
  const indexes: Link[] = [
    { label: 'Latest articles', url: '/' },
    { label: 'Speakers', url: '/speakers/' },
    { label: 'Dates', url: '/dates/' },
    { label: 'Sources', url: '/sources/' },
    { label: 'Tags', url: '/tags/' },
  ];
  add({ kind: 'search', head: head('Search', '/search/', `Search the articles and quotes of ${options.title}.`, { noindex: true }), indexes }, '/search/');
  add({ kind: 'notfound', head: head('Page not found', '/404.html', 'This page does not exist.', { noindex: true }), indexes }, '/404.html');

  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.url)) throw new TypeError(`two pages want the URL ${page.url}; this is a bug in planSite`);
    seen.add(page.url);
  }

  const files: SiteFile[] = [
    ...apiFiles(archive),
    ...feeds,
    ...sitemapFiles(
      pages.filter((p) => !(p.data as PageData).head.noindex).map((p) => p.url),
      siteOptions,
    ),
  ];
  return { pages, files };
}
