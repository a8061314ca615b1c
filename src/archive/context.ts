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

/**
 * The sentence(s) of `text` that contain `[start, end)`, trimmed. Quotes that run over
 * several sentences get all of them; a long paragraph is never returned whole unless the
 * quote covers it.
 *
 * @example
 *   sentenceAround('One. He said “yes.” Two.', 10, 14) // 'He said “yes.”'
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = -1;
  let to = -1;
  for (const { segment, index } of segmenter.segment(text)) {
    const segEnd = index + segment.length;
    if (segEnd > start && index < end) {
      if (from === -1) from = index;
      to = segEnd;
    } else if (index >= end) break;
  }
  if (from === -1) return text.trim();
  return text.slice(from, to).trim();
}
