/**
 * Pages and files that are made when read, under a key that names what they are made of
 * (see `SitePage.key`). A rebuild compares keys with the previous build's and reads the data
 * only of outputs whose key changed: at 10,000 articles, most of the site's data is in the
 * article pages and their exports, and a rebuild after one new seed needs a handful of them.
 */
import { createHash } from 'node:crypto';
import type { ArchiveArticle, SpeakerQuote } from '../types.ts';
import type { SiteFile, SitePage } from './types.ts';

/** A digest of a JSON-serialisable value. */
export function inputKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** Article id → its seed record's identity, `[path, content hash]`: how keys name an article's record. */
export function recordIds(articles: readonly ArchiveArticle[]): ReadonlyMap<string, readonly [string, string]> {
  return new Map(articles.map((a) => [a.id, [a.path, a.hash] as const]));
}

/** A speaker's quote as keys name it: its article and that article's record, the quote, and its URL. */
export function quoteRef(records: ReadonlyMap<string, readonly [string, string]>, q: SpeakerQuote): unknown[] {
  return [q.articleId, records.get(q.articleId), q.quoteId, q.url];
}

/**
 * A page whose data is made each time it is read. A build reads it at most twice (to
 * fingerprint it when its key changed, and to render it when its fingerprint changed), and
 * keeping what it made would hold the whole site's data in memory through rendering.
 */
export function keyedPage(url: string, template: string, key: string, make: () => unknown): SitePage {
  return {
    url,
    template,
    key,
    get data() {
      return make();
    },
  };
}

/** A file whose contents are made each time they are read (see `keyedPage`). */
export function keyedFile(path: string, key: string, make: () => string): SiteFile {
  return {
    path,
    key,
    get contents() {
      return make();
    },
  };
}
