/**
 * Build `ParsedArticle` records for tests without going through `parse`:
 * a headline, optional summary lines, and paragraphs (one string each).
 */
import type { ParsedArticle } from '../../src/types.ts';

export interface ArticleSpec {
  readonly id?: string;
  readonly headline?: string;
  readonly summary?: readonly string[];
  readonly paragraphs: readonly string[];
}

/**
 * @example
 *   article({ paragraphs: ['“Yes,” he said.'] })
 */
export function article(spec: ArticleSpec): ParsedArticle {
  const id = spec.id ?? 'test';
  const headline = spec.headline ?? 'Headline';
  const summary = spec.summary ?? [];
  return {
    id,
    path: `seeds/${id}.txt`,
    format: 'txt',
    hash: '0'.repeat(64),
    messages: [],
    headline: { text: headline, line: 1 },
    summary: summary.map((s, i) => ({ text: s, line: 2 + i })),
    summaryDerived: false,
    paragraphs: spec.paragraphs.map((p, i) => ({ text: p, line: summary.length + 3 + i })),
    date: null,
    source: null,
    author: null,
    tags: [],
    requestedSlug: null,
  };
}

/** Just the body paragraphs. */
export function body(...paragraphs: string[]): ParsedArticle {
  return article({ paragraphs });
}
