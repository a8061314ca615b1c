/**
 * `planSite`: the archive → every page's data plus every machine file. Pure: no I/O, no clock.
 *
 * URL scheme (site-relative; `…/` is the `index.html` inside it):
 * - `/` home, `/page/<n>/` older home pages (numbered from the oldest, see `paginate.ts`)
 * - `/articles/<slug>/` (from the archive), quote anchors `#q1`, `#q2`, …
 * - `/speakers/` the most quoted, `/speakers/index/<letter>/` everyone by name (`a`…`z`, other cased
 *   letters such as `д`, and `other`; see `letters.ts`), `/speakers/<slug>/`, `/speakers/<slug>/page/<n>/`
 * - `/dates/`, `/dates/<yyyy>/`, `/dates/<yyyy>/<mm>/`, `/dates/undated/` (each paginated)
 * - `/sources/`, `/tags/` the most used, `/sources/index/<letter>/`, `/tags/index/<letter>/` all by name,
 *   `/sources/<slug>/`, `/tags/<slug>/` (each paginated)
 * - `/search/`, `/404.html`
 * - files: `api/…json`, `feed.xml`, `feed.json`, `speakers/<slug>/feed.{xml,json}`, `sitemap.xml`, `robots.txt`
 */
import { assignSlugs, slugify } from '../archive/slug.ts';
import { LOW_CONFIDENCE, type Archive, type ArchiveArticle, type ArchiveQuote, type ArchiveSpeaker, type SpeakerQuote } from '../types.ts';
import { apiFiles } from './api.ts';
import { feedFiles } from './feeds.ts';
import { articleJsonLd, speakerJsonLd } from './jsonld.ts';
import { inputKey, keyedPage, quoteRef, recordIds } from './keyed.ts';
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
  /** How many of the most used sources and tags `/sources/` and `/tags/` list (all are on the letter pages). Default 100. */
  readonly termIndexSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_SPEAKER_PAGE_SIZE = 50;
export const DEFAULT_SPEAKER_INDEX_SIZE = 100;
export const DEFAULT_TERM_INDEX_SIZE = 100;
/**
 * How many other articles an article page names under a quote ("Also reported by …"): the oldest,
 * so the list stays put as newer articles repeat the quote; the rest are counted.
 */
export const MAX_ALSO_REPORTED = 5;

/**
 * The page of an index (`/speakers/`, `/sources/`, `/tags/`) for names starting with `letter` (a key
 * of `letters.ts`): `/tags/index/t/`. `index` is a reserved slug, so no speaker, source or tag page can
 * ever be `…/index/`.
 *
 * @example
 *   letterPageUrl('/speakers/', 'д') // '/speakers/index/д/'
 */
export function letterPageUrl(base: string, letter: string): string {
  return `${base}index/${letter}/`;
}

/**
 * Most months without a quote that a speaker's timeline shows in a row. A longer run is left out
 * and the chart breaks its axis there, so a mistyped date (0001-01-01 beside 2025) never draws
 * 24,000 empty months.
 */
export const MAX_TIMELINE_GAP = 12;

/** `YYYY-MM` as a count of months, and back. */
const monthNumber = (month: string): number => Number(month.slice(0, -3)) * 12 + Number(month.slice(-2)) - 1;
const monthKey = (n: number): string => `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

/**
 * Quote counts per month, oldest first: every month with a quote, and the empty months between two
 * of them when there are at most `MAX_TIMELINE_GAP`.
 *
 * @example
 *   monthTimeline(new Map([['2025-06', 1], ['2025-08', 6], ['2031-01', 1]]))
 *   // [{ month: '2025-06', count: 1 }, { month: '2025-07', count: 0 }, { month: '2025-08', count: 6 }, { month: '2031-01', count: 1 }]
 */
export function monthTimeline(counts: ReadonlyMap<string, number>): { month: string; count: number }[] {
  const timeline: { month: string; count: number }[] = [];
  let previous: number | null = null;
  for (const month of [...counts.keys()].sort()) {
    const n = monthNumber(month);
    if (previous !== null && n - previous - 1 <= MAX_TIMELINE_GAP) {
      for (let gap = previous + 1; gap < n; gap++) timeline.push({ month: monthKey(gap), count: 0 });
    }
    timeline.push({ month, count: counts.get(month)! });
    previous = n;
  }
  return timeline;
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
  /** How it is shown: the spelling most of its articles use (see `terms`). */
  readonly name: string;
  readonly url: string;
  readonly articles: ArchiveArticle[];
}

/**
 * What a source or tag is known by: names that differ only in case, character width or spacing
 * ("Reuters", "reuters", "REUTERS ") are one term, with one page.
 */
export function termKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Group articles by a text field into terms (keyed by `termKey`) with unique slugs under `base`.
 * A term is shown by the spelling most of its articles use; a tie goes to the spelling of the
 * oldest article, then to the first in code-point order. So the name never depends on the order
 * the seeds were read in.
 */
function terms(articles: readonly ArchiveArticle[], keysOf: (a: ArchiveArticle) => readonly string[], base: string, prefix: string): Map<string, Term> {
  const byKey = new Map<string, { articles: ArchiveArticle[]; spellings: Map<string, { count: number; rank: string }> }>();
  const rankOf = (a: ArchiveArticle): string => `${a.date ?? '9999-99-99'}\0${a.id}`;
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of keysOf(article)) {
      const key = termKey(name);
      if (key === '') continue;
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = { articles: [], spellings: new Map() }));
      if (!seen.has(key)) {
        seen.add(key);
        group.articles.push(article);
      }
      const spelling = group.spellings.get(name);
      const rank = rankOf(article);
      if (spelling) {
        spelling.count++;
        if (rank < spelling.rank) spelling.rank = rank;
      } else group.spellings.set(name, { count: 1, rank });
    }
  }
  const nameOf = (spellings: Map<string, { count: number; rank: string }>): string =>
    [...spellings].reduce((best, next) => {
      const [bn, b] = best;
      const [nn, n] = next;
      return n.count > b.count || (n.count === b.count && (n.rank < b.rank || (n.rank === b.rank && nn < bn))) ? next : best;
    })[0];
  // As with articles, the plain slug goes to the term whose earliest article is oldest: a new
  // article can then never take a URL from an existing term (unless it is dated before it).
  const earliest = (list: readonly ArchiveArticle[]): string => list.map(rankOf).reduce((x, y) => (y < x ? y : x));
  const named = [...byKey].map(([key, group]) => ({ key, name: nameOf(group.spellings), articles: group.articles }));
  const grants = assignSlugs(named.map((t) => ({ id: t.key, wanted: slugify(t.name), rank: earliest(t.articles) })), prefix);
  const result = new Map<string, Term>();
  for (const term of named.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    result.set(term.key, { name: term.name, url: `${base}${grants.get(term.key)!.slug}/`, articles: term.articles });
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
  const termIndexSize = options.termIndexSize ?? DEFAULT_TERM_INDEX_SIZE;
  const siteOptions: SiteOptions = { baseUrl: options.baseUrl, buildDate: options.buildDate, title: options.title };
  const pages: SitePage[] = [];
  /** Pages for the sitemap, in page order. */
  const indexable: string[] = [];
  const add = (data: PageData, url: string): void => {
    pages.push({ url, template: data.kind, data });
    if (!data.head.noindex) indexable.push(url);
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

  /** What every page's head carries from the site, digested once: part of every page key. */
  const siteKey = inputKey([options.baseUrl, options.title, sitePath, siteFeeds]);

  const speakersById = new Map(archive.speakers.map((s) => [s.id, s]));
  const articlesById = new Map(archive.articles.map((a) => [a.id, a]));
  const records = recordIds(archive.articles);
  const sources = terms(archive.articles, (a) => (a.source === null ? [] : [a.source]), '/sources/', 'source');
  const tags = terms(archive.articles, (a) => a.tags, '/tags/', 'tag');

  const items = new Map<string, ListItem>();
  const item = (a: ArchiveArticle): ListItem => {
    let found = items.get(a.id);
    if (!found) {
      const source = a.source === null ? null : (sources.get(termKey(a.source)) ?? null);
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

  /** What `item(a)` is made of besides the article's seed record (named by path and content hash). */
  const itemInputs = (a: ArchiveArticle): unknown[] => [a.path, a.hash, a.url, sourceLink(a)];

  /** A page whose data is made only when read (see `keyed.ts`); keyed pages are never noindex. */
  const addKeyed = (template: PageData['kind'], url: string, key: string, make: () => PageData): void => {
    pages.push(keyedPage(url, template, key, make));
    indexable.push(url);
  };

  /**
   * Paginated article listing pages under `base`. The intro, the links and anything counted
   * are on the first page only: a numbered page is a function of its own items and number,
   * so it is not re-rendered when the list grows (see `paginate.ts`).
   */
  const listing = (base: string, heading: string, intro: string | null, list: readonly ArchiveArticle[], links: readonly Link[] = [], more: Link | null = null): void => {
    for (const page of paginate(list, base, pageSize)) {
      const n = page.nav?.number ?? null;
      const title = n === null ? heading : `${heading}, page ${n}`;
      const description =
        n === null
          ? (intro ?? `${heading}: ${list.length} ${list.length === 1 ? 'article' : 'articles'} in ${options.title}.`)
          : `${heading}, page ${n} of the articles in ${options.title}, numbered from the oldest.`;
      const nav = page.nav !== null && page.nav.older === null && more !== null ? { ...page.nav, older: more.url } : page.nav;
      const moreLink = more === null ? null : n === null ? more : page.nav?.older === null ? { label: more.label, url: more.url } : null;
      // Keyed like an article page: each item is its article's record, URL and source link.
      const key = inputKey(['list', siteKey, page.url, title, description, heading, n === null ? intro : null, n === null ? links : [], nav, moreLink, page.items.map(itemInputs)]);
      addKeyed('list', page.url, key, (): ListPageData => ({
        kind: 'list',
        head: head(title, page.url, description),
        heading,
        intro: n === null ? intro : null,
        links: n === null ? links : [],
        items: page.items.map(item),
        nav,
        more: moreLink,
      }));
    }
  };

  // Home: the dated articles, newest first, and then a link to the undated ones (which
  // list last everywhere). With undated articles in the home list, every new one would move
  // all its numbered pages, since they are counted from the oldest end, where undated ones sit.
  // An archive with no dated articles lists its undated ones at home.
  const dated = archive.articles.filter((a) => a.date !== null);
  const undatedCount = archive.articles.length - dated.length;
  listing(
    '/',
    options.title,
    `The newest articles first, with every quotation attributed. ${archive.articles.length} articles, ${archive.speakers.length} speakers.`,
    dated.length > 0 ? dated : archive.articles,
    [],
    dated.length > 0 && undatedCount > 0 ? { label: 'Undated articles', url: '/dates/undated/', count: undatedCount } : null,
  );

  // Articles. A page's data is made only when read: its key names everything `articlePage`
  // reads besides the code and the article's own record (named by path and content hash):
  // its identity and URL, each quote's speaker, attribution and other reports, the related
  // articles' list items, its source and tag links, and what every page's head carries.
  for (const article of archive.articles) {
    const key = inputKey([
      'article',
      siteKey,
      article.path,
      article.hash,
      article.id,
      article.slug,
      article.url,
      article.quotes.map((q) => [q.speaker, attribution(article, q), q.alsoReported]),
      relatedItems(article),
      sourceLink(article),
      tagLinks(article),
    ]);
    addKeyed('article', article.url, key, () => articlePage(article));
  }

  function relatedItems(article: ArchiveArticle): ListItem[] {
    return article.related.flatMap((r) => {
      const a = articlesById.get(r.id);
      return a ? [item(a)] : [];
    });
  }

  function sourceLink(article: ArchiveArticle): Link | null {
    const source = article.source === null ? null : (sources.get(termKey(article.source)) ?? null);
    return source ? { label: source.name, url: source.url } : null;
  }

  function tagLinks(article: ArchiveArticle): Link[] {
    const links = new Map<string, Link>();
    for (const tag of article.tags) {
      const term = tags.get(termKey(tag));
      if (term && !links.has(term.url)) links.set(term.url, { label: term.name, url: term.url });
    }
    return [...links.values()];
  }

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
        alsoReported: also.slice(0, MAX_ALSO_REPORTED),
        alsoReportedCount: also.length,
        firstReported: firstIsOther ? first : null,
      };
    });
    const named = new Map<string, { label: string; url: string; count: number; uncertain: number; roles: readonly string[] }>();
    const unnamed = new Map<string, number>();
    for (const q of quotes) {
      if (q.by.status === 'named' && q.by.url !== null) {
        const entry = named.get(q.by.url);
        if (entry) {
          entry.count++;
          if (q.by.uncertain) entry.uncertain++;
        } else {
          const local = article.quotes.find((aq) => aq.id === q.id)?.speakerKey;
          const roles = article.speakers.find((s) => s.key === local)?.roles ?? [];
          named.set(q.by.url, { label: q.by.name!, url: q.by.url, count: 1, uncertain: q.by.uncertain ? 1 : 0, roles });
        }
      } else {
        const name = q.by.status === 'anonymous' ? q.by.name! : q.by.name ?? 'Unattributed';
        unnamed.set(name, (unnamed.get(name) ?? 0) + 1);
      }
    }
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
      source: sourceLink(article),
      author: article.author,
      tags: tagLinks(article),
      // A summary derived from the lede is the body's first sentence: shown above the body, it would be read twice.
      summary: article.summaryDerived ? [] : summary,
      paragraphs: article.paragraphs,
      quotes,
      speakers: [...named.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
      unnamed: [...unnamed].map(([name, count]) => ({ name, count })),
      related: relatedItems(article),
    };
  }

  /**
   * An index of terms at `base`: the first `size` of `links` (most used first) there, and every term on
   * the page of its name's first letter (`base` + `index/<letter>/`), by name. Letter pages exist
   * whatever the size, so their URLs do not depend on how many terms there are.
   */
  const termIndex = (spec: {
    readonly base: string;
    readonly heading: string;
    /** `speaker`, `source`, `tag`: counted as `1 speaker`, `3 speakers`. */
    readonly noun: string;
    readonly description: string;
    /** The index page's intro when it lists only the top `shown` of `total`, and when it lists all. */
    readonly intro: (shown: number, total: number) => string;
    readonly introAll: string;
    readonly topHeading: string;
    /** Who a letter page lists, before "whose name begins with X": `Everyone quoted`. */
    readonly everyone: string;
    readonly links: readonly Link[];
    readonly size: number;
  }): void => {
    const letters = byLetter(spec.links, (l) => l.label);
    const letterLinks = (current: string | null): Link[] =>
      letters.map((g) => ({ label: g.label, url: letterPageUrl(spec.base, g.key), ...(g.key === current ? { current: true } : {}) }));
    const top = spec.links.slice(0, spec.size);
    const partial = top.length < spec.links.length;
    const index: IndexPageData = {
      kind: 'index',
      head: head(spec.heading, spec.base, spec.description),
      heading: spec.heading,
      intro: partial ? spec.intro(top.length, spec.links.length) : spec.introAll,
      letters: letterLinks(null),
      groups: [{ heading: partial ? spec.topHeading : null, links: top }],
    };
    add(index, spec.base);
    for (const group of letters) {
      const starting = group.key === OTHER_LETTER ? 'begins with a digit or a character without capitals' : `begins with ${group.label}`;
      const count = `${group.items.length} ${group.items.length === 1 ? spec.noun : `${spec.noun}s`}`;
      const url = letterPageUrl(spec.base, group.key);
      const letterPage: IndexPageData = {
        kind: 'index',
        head: head(`${spec.heading}: ${group.label}`, url, `${spec.everyone} in ${options.title} whose name ${starting}.`),
        heading: `${spec.heading}: ${group.label}`,
        intro: `${spec.everyone} whose name ${starting}, by name: ${count}.`,
        letters: letterLinks(group.key),
        groups: [{ heading: null, links: group.items }],
      };
      add(letterPage, url);
    }
  };

  // Speakers: the most quoted on /speakers/, and everyone on the page of their name's first letter.
  termIndex({
    base: '/speakers/',
    heading: 'Speakers',
    noun: 'speaker',
    description: `The most quoted people and organisations in ${options.title}, and everyone quoted, by name.`,
    intro: (shown, total) => `The ${shown} most quoted of ${total} speakers. Everyone quoted is listed by name on the letter pages. Unnamed sources are not listed.`,
    introAll: 'Everyone quoted in the archive, most quoted first, and by name on the letter pages. Unnamed sources are not listed.',
    topHeading: 'Most quoted',
    everyone: 'Everyone quoted',
    links: archive.speakers.map((s) => ({ label: s.name, url: s.url, count: s.quotes.length })),
    size: speakerIndexSize,
  });
  for (const speaker of archive.speakers) speakerPages(speaker);

  function speakerPages(speaker: ArchiveSpeaker): void {
    const months = new Map<string, number>();
    let undated = 0;
    let uncertainCount = 0;
    for (const q of speaker.quotes) {
      if (q.confidence < LOW_CONFIDENCE) uncertainCount++;
      if (q.date === null) undated++;
      else months.set(q.date.slice(0, 7), (months.get(q.date.slice(0, 7)) ?? 0) + 1);
    }
    const timeline = monthTimeline(months);
    const speakerFeeds = [`speakers/${speaker.slug}/feed.xml`, `speakers/${speaker.slug}/feed.json`]
      .filter((p) => feedPaths.has(p))
      .map((p) => ({ label: p.endsWith('.xml') ? 'Atom feed' : 'JSON Feed', url: `/${p}` }));
    const pageQuote = (q: SpeakerQuote): SpeakerPageQuote => {
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
    };
    /** What `pageQuote(q)` is made of besides the quoted article's seed record (named by path and content hash). */
    const quoteInputs = (q: SpeakerQuote): unknown[] => [...quoteRef(records, q), articlesById.get(q.articleId)?.slug, q.alsoReported.length];
    const description = `${speaker.name}: ${speaker.quotes.length} ${speaker.quotes.length === 1 ? 'quote' : 'quotes'} in ${options.title}.${speaker.description ? ` ${speaker.description}` : ''}`;
    for (const page of paginate(speaker.quotes, speaker.url, speakerPageSize)) {
      const n = page.nav?.number ?? null;
      // A numbered page holds older quotes and nothing counted (timeline, totals, alongside):
      // those live on the first page, so a new quote does not re-render every page of a speaker.
      const first = n === null;
      const key = inputKey([
        'speaker',
        siteKey,
        page.url,
        speaker.name,
        speaker.type,
        speaker.roles,
        speaker.aliases,
        speaker.description,
        speaker.url,
        speakerFeeds,
        page.nav,
        first ? [speaker.quotes.length, uncertainCount, speaker.alongside, timeline, undated] : null,
        page.items.map(quoteInputs),
      ]);
      addKeyed('speaker', page.url, key, (): SpeakerPageData => ({
        kind: 'speaker',
        head: head(first ? speaker.name : `${speaker.name}, page ${n}`, page.url, first ? description : `${speaker.name}: older quotes in ${options.title}, page ${n}, numbered from the oldest.`, {
          ogType: 'profile',
          jsonLd: first ? speakerJsonLd(speaker, siteOptions) : null,
          feeds: [...siteFeeds, ...speakerFeeds.map((f) => ({ title: `${speaker.name} (${f.label})`, url: f.url, type: f.url.endsWith('.xml') ? ('application/atom+xml' as const) : ('application/feed+json' as const) }))],
        }),
        name: speaker.name,
        type: speaker.type,
        roles: speaker.roles,
        aliases: speaker.aliases,
        description: speaker.description,
        quoteCount: first ? speaker.quotes.length : null,
        uncertainCount: first ? uncertainCount : null,
        quotes: page.items.map(pageQuote),
        nav: page.nav,
        alongside: first ? speaker.alongside.map((s) => ({ label: s.name, url: s.url, count: s.count })) : [],
        timeline: first ? timeline : [],
        undated: first ? undated : 0,
        home: speaker.url,
        feeds: first ? speakerFeeds : [],
      }));
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

  // Sources and tags: the most used on /sources/ and /tags/, and all of them on the pages of their first letter.
  for (const [kind, map, heading, noun] of [['sources', sources, 'Sources', 'source'], ['tags', tags, 'Tags', 'tag']] as const) {
    const byUse = [...map.values()].sort((a, b) => b.articles.length - a.articles.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const what = kind === 'sources' ? 'publishers the articles come from' : 'topics the articles are tagged with';
    termIndex({
      base: `/${kind}/`,
      heading,
      noun,
      description: `${heading} of the articles in ${options.title}: the ${what}.`,
      intro: (shown, total) =>
        `${kind === 'sources' ? `The ${shown} of ${total} sources with the most articles` : `The ${shown} most used of ${total} tags`}. Every ${noun} is listed by name on the letter pages.`,
      introAll: `The ${what}, most articles first, and by name on the letter pages.`,
      topHeading: kind === 'sources' ? 'Most articles' : 'Most used',
      everyone: `Every ${noun}`,
      links: byUse.map((t) => ({ label: t.name, url: t.url, count: t.articles.length })),
      size: termIndexSize,
    });
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
    ...sitemapFiles(indexable, siteOptions),
  ];
  return { pages, files };
}
