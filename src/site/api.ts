/**
 * The machine-readable export, a stable contract (issue 2, "Machine-readable export"):
 * `api/index.json`, `api/articles/<slug>.json`, `api/speakers/<slug>.json`.
 * Keys appear in the documented order; quotes also carry `confidence` (0..1).
 */
import type { Archive, ArchiveArticle, ArchiveSpeaker } from '../types.ts';
import { inputKey, keyedFile, quoteRef, recordIds } from './keyed.ts';
import type { SiteFile } from './types.ts';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `api/articles/<slug>.json` for one article. */
export function articleJson(article: ArchiveArticle): unknown {
  return {
    id: article.id,
    slug: article.slug,
    url: article.url,
    headline: article.headline.text,
    summary: article.summary.map((line) => line.text),
    summaryDerived: article.summaryDerived,
    date: article.date,
    source: article.source,
    author: article.author,
    tags: article.tags,
    paragraphs: article.paragraphs.map((p) => p.text),
    quotes: article.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      kind: q.kind,
      in: q.in,
      paragraph: q.paragraph,
      start: q.start,
      end: q.end,
      cue: q.cue,
      speaker: q.speaker === null ? null : { id: q.speaker.id, name: q.speaker.name, type: q.speaker.type },
      confidence: q.confidence,
    })),
  };
}

/** `api/speakers/<slug>.json` for one speaker. */
export function speakerJson(speaker: ArchiveSpeaker): unknown {
  return {
    id: speaker.id,
    slug: speaker.slug,
    url: speaker.url,
    name: speaker.name,
    type: speaker.type,
    roles: speaker.roles,
    aliases: speaker.aliases,
    quotes: speaker.quotes.map((q) => ({
      articleId: q.articleId,
      quoteId: q.quoteId,
      text: q.text,
      date: q.date,
      url: q.url,
      confidence: q.confidence,
    })),
  };
}

/**
 * Every file of the JSON export.
 *
 * @example
 *   apiFiles(archive).map((f) => f.path) // ['api/index.json', 'api/articles/a.json', …, 'api/speakers/x.json', …]
 */
export function apiFiles(archive: Archive): SiteFile[] {
  const index = {
    articles: archive.articles.map((a) => ({ id: a.id, slug: a.slug, url: a.url, headline: a.headline.text, date: a.date })),
    speakers: archive.speakers.map((s) => ({ id: s.id, slug: s.slug, url: s.url, name: s.name, type: s.type, quoteCount: s.quotes.length })),
  };
  const records = recordIds(archive.articles);
  return [
    { path: 'api/index.json', contents: json(index) },
    // Keyed by what `articleJson` reads beyond the seed's record: identity, URL and speakers.
    ...archive.articles.map((a) =>
      keyedFile(`api/articles/${a.slug}.json`, inputKey(['api/article', a.path, a.hash, a.id, a.slug, a.url, a.quotes.map((q) => q.speaker)]), () => json(articleJson(a))),
    ),
    // Keyed by what `speakerJson` reads beyond the seed records of the articles quoted.
    ...archive.speakers.map((s) =>
      keyedFile(
        `api/speakers/${s.slug}.json`,
        inputKey(['api/speaker', s.id, s.slug, s.url, s.name, s.type, s.roles, s.aliases, s.quotes.map((q) => quoteRef(records, q))]),
        () => json(speakerJson(s)),
      ),
    ),
  ];
}
