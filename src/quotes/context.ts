/**
 * The text of an article part, and the sentence around a span of it.
 */
import type { ParsedArticle, Span } from '../types.ts';

/** The text a span's offsets point into: the headline, a summary line or a body paragraph. */
export function partText(article: Pick<ParsedArticle, 'headline' | 'summary' | 'paragraphs'>, span: Span): string {
  if (span.in === 'headline') return article.headline.text;
  if (span.in === 'summary') return article.summary[span.paragraph]?.text ?? '';
  return article.paragraphs[span.paragraph]?.text ?? '';
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Where each sentence of `text` starts, then the text's length. */
function boundaries(text: string): number[] {
  const starts: number[] = [];
  for (const { index } of segmenter.segment(text)) starts.push(index);
  starts.push(text.length);
  return starts;
}

/** The sentences (between `starts`, see `boundaries`) that `[start, end)` touches, trimmed; the whole text if none. */
function around(text: string, starts: readonly number[], start: number, end: number): string {
  const count = starts.length - 1;
  // The first sentence that ends after `start`, and the last that begins before `end`.
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid + 1]! > start) high = mid;
    else low = mid + 1;
  }
  const first = low;
  low = -1;
  high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! < end) low = mid;
    else high = mid - 1;
  }
  const last = low;
  if (first >= count || last < first) return text.trim();
  return text.slice(starts[first], starts[last + 1]).trim();
}

/**
 * The sentence(s) of `text` that contain `[start, end)`, trimmed. Quotes that run over
 * several sentences get all of them; a long paragraph is never returned whole unless the
 * quote covers it. An empty span gets the sentence it falls inside, or the whole text.
 *
 * @example
 *   sentenceAround('One. He said “yes.” Two.', 10, 14) // 'He said “yes.”'
 */
export function sentenceAround(text: string, start: number, end: number): string {
  return around(text, boundaries(text), start, end);
}

/**
 * `sentenceAround` for many spans: each distinct text is split into sentences once. Asking
 * `Intl.Segmenter` for the sentence containing an offset costs time in proportion to the
 * offset, so a paragraph with thousands of quotes took quadratic time (found by fuzzing: a
 * 12,000-character line of `'` marks took 9 s).
 */
export function sentenceFinder(): (text: string, start: number, end: number) => string {
  const cache = new Map<string, number[]>();
  return (text, start, end) => {
    let starts = cache.get(text);
    if (starts === undefined) {
      starts = boundaries(text);
      cache.set(text, starts);
    }
    return around(text, starts, start, end);
  };
}
