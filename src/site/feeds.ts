/**
 * Atom 1.0 and JSON Feed 1.1 for the whole archive and for each speaker.
 *
 * Rules (tested in `tests/site-machine/feeds.test.ts`):
 * - **Cap:** each feed holds the {@link FEED_LIMIT} newest entries. Order is newest first,
 *   undated last, otherwise the archive's order (a stable sort).
 * - **Ids:** an entry's id is its absolute URL: the article page for archive feeds, the quote's
 *   permalink (`…/articles/x/#q3`) for speaker feeds. A feed's Atom id is the feed's own absolute URL.
 *   Ids change only when `baseUrl` or a slug does.
 * - **Dates:** an article date `YYYY-MM-DD` is read as midnight UTC. A feed's `updated` is
 *   `options.buildDate`, else its newest entry's date, else the archive's newest date, else
 *   1970-01-01T00:00:00Z. Never the wall clock, so builds are byte-identical.
 * - **Undated articles and quotes** are kept (nothing is lost), after the dated ones. Their dates are
 *   never made up: no `published` in Atom and no `date_published` in JSON Feed. Atom requires an
 *   `updated` on every entry, so theirs is the feed's `updated`.
 * - **Text:** every field is plain text (`type="text"`, `content_text`), escaped and stripped of
 *   characters XML forbids, so hostile seed text stays literal. Attributions below `LOW_CONFIDENCE`
 *   say so in the entry's content.
 */
import { LOW_CONFIDENCE, type Archive, type ArchiveArticle, type ArchiveSpeaker, type SpeakerQuote } from '../types.ts';
import { inputKey, keyedFile, quoteRef, recordIds } from './keyed.ts';
import { absoluteUrl, escapeXml } from './sitemap.ts';
import type { SiteFile, SiteOptions } from './types.ts';

/** How many entries a feed holds at most (the newest). */
export const FEED_LIMIT = 50;

/** The `updated` of a feed when neither the build nor any article has a date. */
const EPOCH = '1970-01-01T00:00:00Z';

const GENERATOR = 'Verbatim';

/** One feed entry, independent of the format it is written in. */
interface Entry {
  /** Absolute URL; also the entry's id. */
  readonly url: string;
  readonly title: string;
  /** `YYYY-MM-DD` or null. */
  readonly date: string | null;
  readonly author: string | null;
  readonly summary: string;
  readonly content: string;
  readonly tags: readonly string[];
}

/** One feed, independent of the format it is written in. */
interface Feed {
  /** Path of the Atom file without its extension, e.g. `speakers/lavrov/feed`. */
  readonly base: string;
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the HTML page the feed follows. */
  readonly home: string;
  readonly updated: string;
  readonly entries: readonly Entry[];
}

/** `YYYY-MM-DD` → `YYYY-MM-DDT00:00:00Z`. A malformed date is a bug in an earlier stage. */
function timestamp(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new TypeError(`expected a date as YYYY-MM-DD, not ${JSON.stringify(date)}`);
  return `${date}T00:00:00Z`;
}

function checkBuildDate(buildDate: string | null): string | null {
  if (buildDate !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(buildDate)) {
    throw new TypeError(`buildDate must be YYYY-MM-DDTHH:MM:SSZ or null, not ${JSON.stringify(buildDate)}`);
  }
  return buildDate;
}

/** The newest of some `YYYY-MM-DD` dates (they sort as strings), or null. */
function newest(dates: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const date of dates) if (date !== null && (best === null || date > best)) best = date;
  return best;
}

/** Newest first, undated last, ties in input order; then the first {@link FEED_LIMIT}. */
function newestFirst<T extends { readonly date: string | null }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.date === b.item.date) return a.index - b.index;
      if (a.item.date === null) return 1;
      if (b.item.date === null) return -1;
      return a.item.date > b.item.date ? -1 : 1;
    })
    .slice(0, FEED_LIMIT)
    .map(({ item }) => item);
}

/** A slug must be one safe path segment before it names a folder. */
function checkSlug(slug: string): string {
  if (slug === '' || slug === '.' || slug === '..' || /[/\\\u0000]/.test(slug)) {
    throw new TypeError(`speaker slug ${JSON.stringify(slug)} is not a single path segment`);
  }
  return slug;
}

function articleEntry(article: ArchiveArticle, options: SiteOptions): Entry {
  const summary = article.summary.map((line) => line.text).join(' ');
  const body = article.paragraphs.map((paragraph) => paragraph.text).join('\n\n');
  return {
    url: absoluteUrl(article.url, options),
    title: article.headline.text,
    date: article.date,
    author: article.author,
    summary,
    content: body || summary || article.headline.text,
    tags: article.tags,
  };
}

function quoteEntry(speaker: ArchiveSpeaker, quote: SpeakerQuote, options: SiteOptions): Entry {
  const where = [`“${quote.headline}”`, quote.source, quote.date].filter((part) => part !== null).join(', ');
  const uncertain = quote.confidence < LOW_CONFIDENCE ? ` The attribution to ${speaker.name} is uncertain.` : '';
  return {
    url: absoluteUrl(quote.url, options),
    title: `“${quote.text}”`,
    date: quote.date,
    author: speaker.name,
    summary: quote.context,
    content: `“${quote.text}”\n\n${quote.context}\n\nQuoted in ${where}.${uncertain}`,
    tags: [],
  };
}

function atomEntry(entry: Entry, feedUpdated: string): string {
  const updated = entry.date === null ? feedUpdated : timestamp(entry.date);
  const lines = [
    `    <id>${escapeXml(entry.url)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    ...(entry.date === null ? [] : [`    <published>${updated}</published>`]),
    `    <updated>${updated}</updated>`,
    ...(entry.author === null ? [] : [`    <author><name>${escapeXml(entry.author)}</name></author>`]),
    ...entry.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`),
    `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
    `    <content type="text">${escapeXml(entry.content)}</content>`,
  ];
  return `  <entry>\n${lines.join('\n')}\n  </entry>\n`;
}

function atom(feed: Feed, options: SiteOptions): string {
  const self = absoluteUrl(`/${feed.base}.xml`, options);
  const json = absoluteUrl(`/${feed.base}.json`, options);
  const head = [
    `  <id>${escapeXml(self)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.home)}"/>`,
    `  <link rel="alternate" type="application/feed+json" href="${escapeXml(json)}"/>`,
    `  <updated>${feed.updated}</updated>`,
    `  <author><name>${escapeXml(options.title)}</name></author>`,
    `  <generator>${GENERATOR}</generator>`,
  ];
  const entries = feed.entries.map((entry) => atomEntry(entry, feed.updated)).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${head.join('\n')}\n${entries}</feed>\n`;
}

function jsonFeed(feed: Feed, options: SiteOptions): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.home,
    feed_url: absoluteUrl(`/${feed.base}.json`, options),
    description: feed.description,
    authors: [{ name: options.title }],
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      content_text: entry.content,
      summary: entry.summary,
      ...(entry.date === null ? {} : { date_published: timestamp(entry.date) }),
      ...(entry.author === null ? {} : { authors: [{ name: entry.author }] }),
      ...(entry.tags.length === 0 ? {} : { tags: [...entry.tags] }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function files(feed: Feed, options: SiteOptions): SiteFile[] {
  return [
    { path: `${feed.base}.xml`, contents: atom(feed, options) },
    { path: `${feed.base}.json`, contents: jsonFeed(feed, options) },
  ];
}

/**
 * The site's feeds: `feed.xml` (Atom 1.0) and `feed.json` (JSON Feed 1.1) with the newest
 * {@link FEED_LIMIT} articles, then `speakers/<slug>/feed.xml` and `speakers/<slug>/feed.json`
 * with each speaker's newest quotes, in the archive's speaker order. See the module comment
 * for the rules on ids, dates and undated articles.
 *
 * @example
 *   feedFiles(archive, { baseUrl: 'https://n.example', buildDate: null, title: 'Verbatim' })
 *     .map((file) => file.path)
 *   // ['feed.xml', 'feed.json', 'speakers/sergey-lavrov/feed.xml', 'speakers/sergey-lavrov/feed.json', …]
 */
export function feedFiles(archive: Archive, options: SiteOptions): SiteFile[] {
  const buildDate = checkBuildDate(options.buildDate);
  const archiveNewest = newest(archive.articles.map((article) => article.date));
  const updatedFrom = (dates: readonly (string | null)[]): string => {
    if (buildDate !== null) return buildDate;
    const date = newest(dates) ?? archiveNewest;
    return date === null ? EPOCH : timestamp(date);
  };

  const articles = newestFirst(archive.articles);
  const result = files(
    {
      base: 'feed',
      title: options.title,
      description: `The newest articles in ${options.title}`,
      home: absoluteUrl('/', options),
      updated: updatedFrom(articles.map((article) => article.date)),
      entries: articles.map((article) => articleEntry(article, options)),
    },
    options,
  );
  // A speaker's feeds are made when read, keyed by what they are made of besides the
  // code and the seed records of the articles quoted (named by path and content hash).
  const records = recordIds(archive.articles);
  for (const speaker of archive.speakers) {
    const base = `speakers/${checkSlug(speaker.slug)}/feed`;
    const quotes = newestFirst(speaker.quotes);
    const updated = updatedFrom(quotes.map((quote) => quote.date));
    const key = inputKey(['speaker feed', options.baseUrl, options.title, speaker.name, speaker.url, updated, quotes.map((q) => quoteRef(records, q))]);
    const feed = (): Feed => ({
      base,
      title: `${speaker.name} — ${options.title}`,
      description: `The newest quotes of ${speaker.name} in ${options.title}`,
      home: absoluteUrl(speaker.url, options),
      updated,
      entries: quotes.map((quote) => quoteEntry(speaker, quote, options)),
    });
    result.push(keyedFile(`${base}.xml`, key, () => atom(feed(), options)), keyedFile(`${base}.json`, key, () => jsonFeed(feed(), options)));
  }
  return result;
}
