/**
 * The records that travel through Verbatim's pipeline.
 *
 *   read → parse → quotes → speakers → archive → site
 *
 * Each stage is a pure function that takes the previous stage's record and
 * returns a new one that adds to it (vfile's model: one object per article,
 * carrying its path, its text, what each stage found and the messages about it).
 * Stages never reach back into an earlier stage's internals.
 */

/** How serious a diagnostic is. `error` means the seed is rejected. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A positioned diagnostic about content (never about our own bugs: those throw).
 * Formatted as `file:line:column: reason; fix [id]`.
 */
export interface Message {
  /** Stable id from the catalogue in `src/messages.ts`, e.g. `read:binary`. */
  readonly id: string;
  readonly severity: Severity;
  /** The seed's path as the editor gave it (relative to the working folder). */
  readonly file: string;
  /** 1-based line in the seed file (front matter included). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What happened. */
  readonly reason: string;
  /** What to do about it. */
  readonly fix: string;
}

/** A seed as bytes, before anything is decoded. The only I/O-shaped record. */
export interface SeedInput {
  /** Path as given (relative to the working folder), used in messages. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Output of `read`: a decoded, normalised seed (no BOM, `\n` line endings). */
export interface SeedText {
  /** The file name without its extension: the article id. */
  readonly id: string;
  readonly path: string;
  readonly format: 'txt' | 'md';
  /** sha256 of the raw bytes, hex. */
  readonly hash: string;
  readonly text: string;
  readonly messages: readonly Message[];
}

/** A block of body text with its position in the seed. */
export interface Paragraph {
  /** Plain text of the paragraph (for Markdown: its text content). */
  readonly text: string;
  /** 1-based line where the paragraph starts in the seed file. */
  readonly line: number;
  /**
   * Markdown seeds only: the block's sanitized HTML. Its text content equals `text`,
   * so quote offsets into `text` also locate the quote in this HTML's text.
   */
  readonly html?: string;
}

/** A line of text with its position (headline, summary lines). */
export interface Line {
  readonly text: string;
  /** 1-based line in the seed; 0 when the text came from front matter without a line of its own. */
  readonly line: number;
}

/** Output of `parse`: the article's structure. The seed's whole text is not kept; its parts are. */
export interface ParsedArticle extends Omit<SeedText, 'text'> {
  readonly headline: Line;
  /** Summary sentences, from front matter, the summary lines, or derived from the lede. */
  readonly summary: readonly Line[];
  /** True when the summary was derived from the lede's first sentence. */
  readonly summaryDerived: boolean;
  readonly paragraphs: readonly Paragraph[];
  /** `YYYY-MM-DD`, or null when the seed gives no date. Never made up. */
  readonly date: string | null;
  readonly source: string | null;
  readonly author: string | null;
  readonly tags: readonly string[];
  /** The slug the front matter asks for (not yet checked for uniqueness), or null. */
  readonly requestedSlug: string | null;
}

/** Where a quote or mention sits: the headline, a summary line, or a body paragraph. */
export type Part = 'headline' | 'summary' | 'body';

/** A span of text in one part of the article. Offsets are UTF-16 code units into that part's text. */
export interface Span {
  readonly in: Part;
  /** Index into `summary` or `paragraphs`; 0 for the headline. */
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** `direct`: a whole quoted sentence or more. `partial`: a phrase inside reported speech. */
export type QuoteKind = 'direct' | 'partial';

/** Who a speaker is. `anonymous` is an unnamed source ("a senior official"). */
export type SpeakerType = 'person' | 'organization' | 'country' | 'group' | 'document' | 'anonymous' | 'unknown';

/** A source as written in the text ("he", "Lavrov", "Foreign Minister Sergey Lavrov", "a senior official"). */
export interface Mention extends Span {
  readonly text: string;
}

/** Output of `quotes` for one quotation: where it is, how it is cued, who the text says spoke. */
export interface QuoteSpan extends Span {
  /** Stable within the article: `q1`, `q2`, … in document order. */
  readonly id: string;
  /** The words inside the quotation marks. */
  readonly text: string;
  readonly kind: QuoteKind;
  /** The cue verb or phrase ("said", "according to"), or null. */
  readonly cue: string | null;
  /** The source mention the cue points at, or null when none was found. */
  readonly mention: Mention | null;
  /**
   * Quotes that share one attribution (an interrupted quote, a multi-paragraph quote)
   * carry the id of the group's first quote here.
   */
  readonly group: string | null;
}

/** Output of `quotes`. */
export interface QuotedArticle extends ParsedArticle {
  readonly quotes: readonly QuoteSpan[];
}

/** A speaker as resolved within one article. */
export interface ArticleSpeaker {
  /** Article-local key, e.g. `s1`. */
  readonly key: string;
  /** Canonical name ("Sergey Lavrov"); for anonymous sources the description ("a senior official"). */
  readonly name: string;
  readonly type: SpeakerType;
  /** Titles and roles seen in this article ("Foreign Minister"). */
  readonly roles: readonly string[];
  /** Other ways the article names them ("Lavrov", "Mr. Lavrov"). */
  readonly aliases: readonly string[];
}

/** Output of `speakers` for one quote: the quote plus who said it and how sure we are. */
export interface AttributedQuote extends QuoteSpan {
  /** Key into `AttributedArticle.speakers`, or null when nobody could be named. */
  readonly speakerKey: string | null;
  /** 0..1. Below `LOW_CONFIDENCE` the site shows the attribution as uncertain. */
  readonly confidence: number;
  /** The sentence(s) around the quote, as plain text (speaker pages and feeds show it). */
  readonly context: string;
}

/** Output of `speakers`: per-article attribution. This is what the cache stores per seed. */
export interface AttributedArticle extends Omit<QuotedArticle, 'quotes'> {
  readonly quotes: readonly AttributedQuote[];
  readonly speakers: readonly ArticleSpeaker[];
}

/** Attributions below this confidence are shown as uncertain, never as fact. */
export const LOW_CONFIDENCE = 0.6;

/** An editor's decisions about speakers, from `seeds/speakers.yml`. They win over every heuristic. */
export interface SpeakerDirectoryEntry {
  /** The canonical name to use. */
  readonly name: string;
  /** Names (as found in articles) that are this speaker. */
  readonly aliases: readonly string[];
  readonly type?: SpeakerType;
  readonly description?: string;
  /** Force the speaker page's slug. */
  readonly slug?: string;
  /**
   * Split rule: names listed here are never merged into this speaker even when
   * heuristics would (e.g. `Donald Trump` lists `Donald Trump Jr.`).
   */
  readonly distinct?: readonly string[];
  /** 1-based line of the entry in the directory file, for messages about it. */
  readonly line?: number;
}

export interface SpeakerDirectory {
  readonly speakers: readonly SpeakerDirectoryEntry[];
  /** The directory file, as messages name it. */
  readonly file?: string;
}

/** A seed that could not be published, with the reason. */
export interface Rejection {
  readonly rejected: true;
  readonly path: string;
  readonly id: string;
  readonly messages: readonly Message[];
}

/** A quote as the archive sees it: attributed to an archive-wide speaker. */
export interface ArchiveQuote extends AttributedQuote {
  readonly speaker: { readonly id: string; readonly name: string; readonly type: SpeakerType } | null;
  /** Other articles that carry the same quotation, oldest first ("also reported by"). */
  readonly alsoReported: readonly ArticleRef[];
}

/** A short reference to an article, for links and listings. */
export interface ArticleRef {
  readonly id: string;
  readonly url: string;
  readonly headline: string;
  readonly date: string | null;
  readonly source: string | null;
  /** Set when the reference points at one quote: that quote's id in the article. */
  readonly quoteId?: string;
}

/** An article in the archive: unique slug, URL, and quotes linked to archive speakers. */
export interface ArchiveArticle extends Omit<AttributedArticle, 'quotes'> {
  readonly slug: string;
  /** Site-relative URL, e.g. `/articles/russia-dismisses-ukraine/`. */
  readonly url: string;
  readonly quotes: readonly ArchiveQuote[];
  /** Articles that quote the same speakers, most shared first (at most 5). */
  readonly related: readonly ArticleRef[];
}

/** One quote on a speaker's page. */
export interface SpeakerQuote {
  readonly articleId: string;
  readonly quoteId: string;
  readonly text: string;
  readonly kind: QuoteKind;
  readonly date: string | null;
  /** The article page URL with the quote's anchor, e.g. `/articles/x/#q3`. */
  readonly url: string;
  readonly headline: string;
  readonly source: string | null;
  /** The sentence around the quote. */
  readonly context: string;
  readonly confidence: number;
  /** Where else the same quotation appeared. */
  readonly alsoReported: readonly ArticleRef[];
}

/** A speaker across the whole archive: one person or organisation, one page. */
export interface ArchiveSpeaker {
  /** Stable id; equals the slug. */
  readonly id: string;
  readonly slug: string;
  readonly url: string;
  readonly name: string;
  readonly type: SpeakerType;
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Newest first; undated last. */
  readonly quotes: readonly SpeakerQuote[];
  /** Speakers most often quoted in the same articles, most first (at most 10). */
  readonly alongside: readonly { readonly id: string; readonly name: string; readonly url: string; readonly count: number }[];
}

/** Output of `archive`: everything the site needs, in display order. */
export interface Archive {
  /** Newest first; undated after dated, then by id. */
  readonly articles: readonly ArchiveArticle[];
  /** By number of quotes (descending), then name. Anonymous sources are not archive speakers. */
  readonly speakers: readonly ArchiveSpeaker[];
  readonly messages: readonly Message[];
}
