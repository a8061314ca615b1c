/**
 * The data of each page kind: what `planSite` computes and the views in `templates/views/`
 * render. Plain JSON: seed text stays text here and is escaped only when a view writes it.
 */
import type { Paragraph, QuoteKind, SpeakerType } from '../types.ts';
import type { PageNav } from './paginate.ts';

export type { PageNav } from './paginate.ts';

/** A link with a label and, for listings of terms, a count. */
export interface Link {
  readonly label: string;
  /** Site-relative URL. */
  readonly url: string;
  readonly count?: number;
  /** True for the page this link is on (shown as current, `aria-current="page"`). */
  readonly current?: boolean;
}

/** Everything in `<head>`: title, canonical link, Open Graph/Twitter meta, feeds, JSON-LD. */
export interface Head {
  /** The page's own title (without the site's). */
  readonly title: string;
  readonly siteTitle: string;
  readonly description: string;
  /** Absolute canonical URL. */
  readonly canonical: string;
  /**
   * The path the site is served from: `''` at the root of its host, `/archive` when the base URL
   * is `https://example.org/archive/`. The page's links are written under it (`/archive/speakers/`);
   * the URLs in the page data stay site-relative (`/speakers/`).
   */
  readonly basePath: string;
  readonly ogType: 'website' | 'article' | 'profile';
  /** `YYYY-MM-DD` for dated articles. */
  readonly published: string | null;
  /** Site-relative feed URLs to announce with `<link rel="alternate">`. */
  readonly feeds: readonly { readonly title: string; readonly url: string; readonly type: 'application/atom+xml' | 'application/feed+json' }[];
  /** JSON already safe inside `<script type="application/ld+json">`, or null. */
  readonly jsonLd: string | null;
  readonly noindex: boolean;
}

/** An article in a listing. */
export interface ListItem {
  readonly url: string;
  readonly headline: string;
  readonly date: string | null;
  readonly source: Link | null;
  readonly summary: string;
  readonly quotes: number;
}

/** Home, date, source, tag and undated listings. */
export interface ListPageData {
  readonly kind: 'list';
  readonly head: Head;
  readonly heading: string;
  readonly intro: string | null;
  /** Sub-listings shown above the articles (e.g. a year's months). */
  readonly links: readonly Link[];
  readonly items: readonly ListItem[];
  readonly nav: PageNav | null;
  /**
   * Where the list goes on beyond its oldest item (the home page's undated articles): shown,
   * with its count, on the first page, and without it on the oldest page as its `older` link.
   */
  readonly more: Link | null;
}

/** Indexes of terms: speakers (the most quoted, and one page per letter), sources, tags, dates. */
export interface IndexPageData {
  readonly kind: 'index';
  readonly head: Head;
  readonly heading: string;
  readonly intro: string | null;
  /** The pages of an index split by letter (`A`, `B`, …), the current one marked; empty for a one-page index. */
  readonly letters: readonly Link[];
  readonly groups: readonly { readonly heading: string | null; readonly links: readonly Link[] }[];
}

/** How the page presents who said a quote. */
export interface Attribution {
  /** `named`: an archive speaker; `anonymous`: an unnamed source; `none`: nobody found. */
  readonly status: 'named' | 'anonymous' | 'none';
  /** The speaker's name, or the anonymous source's description ("a senior official"), or null. */
  readonly name: string | null;
  /** The speaker page, for named speakers. */
  readonly url: string | null;
  readonly type: SpeakerType | null;
  /** True when confidence is below `LOW_CONFIDENCE`: shown as uncertain, never as fact. */
  readonly uncertain: boolean;
}

/** A quote on its article page. */
export interface ArticleQuote {
  readonly id: string;
  readonly in: 'headline' | 'summary' | 'body';
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: QuoteKind;
  /** True when the next quote continues this one (same group), so the attribution waits. */
  readonly continued: boolean;
  readonly by: Attribution;
  readonly confidence: number;
  /** Plain-text citation ready to copy. */
  readonly citation: string;
  /** Where else the same quotation appeared, oldest first: the first `MAX_ALSO_REPORTED` of them. */
  readonly alsoReported: readonly AlsoReported[];
  /** In how many other articles it appeared in all (`alsoReported` may list fewer). */
  readonly alsoReportedCount: number;
  /** The first appearance across the archive when it is another article, else null. */
  readonly firstReported: AlsoReported | null;
}

export interface AlsoReported {
  readonly url: string;
  readonly headline: string;
  readonly source: string | null;
  readonly date: string | null;
}

export interface ArticlePageData {
  readonly kind: 'article';
  readonly head: Head;
  readonly headline: string;
  readonly date: string | null;
  readonly year: string | null;
  /** The date listing this article appears in. */
  readonly dateUrl: string;
  readonly source: Link | null;
  readonly author: string | null;
  readonly tags: readonly Link[];
  /** The seed's own summary lines; empty when the summary was derived from the lede (it would repeat the body). */
  readonly summary: readonly string[];
  readonly paragraphs: readonly Paragraph[];
  readonly quotes: readonly ArticleQuote[];
  /** Who is quoted: named speakers first by count, then anonymous sources. */
  readonly speakers: readonly (Link & { readonly roles: readonly string[]; /** How many of `count` are uncertain attributions. */ readonly uncertain: number })[];
  readonly unnamed: readonly { readonly name: string; readonly count: number }[];
  readonly related: readonly ListItem[];
}

/** A quote on a speaker page. */
export interface SpeakerPageQuote {
  /** Anchor on the speaker page: `<article slug>-<quote id>`. */
  readonly anchor: string;
  readonly text: string;
  readonly context: string;
  /** The quote on its article page (`/articles/x/#q3`). */
  readonly url: string;
  readonly headline: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly uncertain: boolean;
  readonly citation: string;
  readonly alsoReported: number;
}

export interface SpeakerPageData {
  readonly kind: 'speaker';
  readonly head: Head;
  readonly name: string;
  readonly type: SpeakerType;
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** How many quotes the speaker has in all; null on numbered pages, which count nothing. */
  readonly quoteCount: number | null;
  /** How many of them are uncertain attributions; null where `quoteCount` is. */
  readonly uncertainCount: number | null;
  readonly quotes: readonly SpeakerPageQuote[];
  readonly nav: PageNav | null;
  readonly alongside: readonly Link[];
  /**
   * Quotes per month from the first to the last dated quote, zero months included, except that a run
   * of more than `MAX_TIMELINE_GAP` (12) empty months is left out: the chart breaks its axis there.
   */
  readonly timeline: readonly { readonly month: string; readonly count: number }[];
  readonly undated: number;
  /** The speaker's first page (where the timeline and feeds live). */
  readonly home: string;
  readonly feeds: readonly Link[];
}

export interface SearchPageData {
  readonly kind: 'search';
  readonly head: Head;
  /** Browsable indexes for readers without JavaScript. */
  readonly indexes: readonly Link[];
}

export interface NotFoundPageData {
  readonly kind: 'notfound';
  readonly head: Head;
  readonly indexes: readonly Link[];
}

export type PageData = ListPageData | IndexPageData | ArticlePageData | SpeakerPageData | SearchPageData | NotFoundPageData;
