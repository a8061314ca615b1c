/**
 * The `parse` stage: a decoded seed → the article's structure.
 *
 * Front matter (YAML only) is split off and validated once here; the body is
 * laid out as plain text (layouts a, b, c) or Markdown. Every line number is a
 * real 1-based line of the seed file, front matter included.
 */
import { hasError, message } from '../messages.ts';
import type { Line, Message, ParsedArticle, Paragraph, Rejection, SeedText } from '../types.ts';
import { readFields, type Fields } from './fields.ts';
import { splitFrontMatter } from './front-matter.ts';
import { MAX_CONTAINER_COST, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_MARKS, MAX_PARAGRAPH_MARKS, markdownContainerCost, markdownDepth, markdownLoad } from './markdown-guard.ts';
import { layoutMarkdown } from './markdown.ts';
import { firstSentence } from './sentences.ts';
import { layoutText } from './text-body.ts';

export { MAX_CONTAINER_COST, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_MARKS, MAX_PARAGRAPH_MARKS } from './markdown-guard.ts';
export { MAX_ALIAS_COUNT } from './front-matter.ts';
export { checkSlug, cutToUtf8Bytes, MAX_SLUG_BYTES, MAX_SLUG_LENGTH, RESERVED_SLUGS, utf8Length } from './slug.ts';
export { checkDate } from './date.ts';

function reject(seed: SeedText, messages: readonly Message[]): Rejection {
  return { rejected: true, path: seed.path, id: seed.id, messages: [...seed.messages, ...messages] };
}

/** The body's headline, summary lines and paragraphs, or a rejection message. */
function layout(seed: SeedText, body: string, bodyLine: number, fields: Fields) {
  const headlineInBody = fields.headline === undefined;
  if (seed.format === 'txt') return layoutText(body, bodyLine, headlineInBody, fields.summary === undefined);
  const { depth, line } = markdownDepth(body);
  if (depth > MAX_MARKDOWN_DEPTH) {
    return message('parse:markdown-too-deep', { file: seed.path, line: bodyLine + line - 1 }, { depth, limit: MAX_MARKDOWN_DEPTH });
  }
  const load = markdownLoad(body);
  if (load !== null) {
    const place = { file: seed.path, line: bodyLine + load.line - 1 };
    return load.over === 'paragraph'
      ? message('parse:markdown-too-dense', place, { marks: load.marks, limit: MAX_PARAGRAPH_MARKS })
      : message('parse:markdown-too-long', place, { marks: load.marks, limit: MAX_MARKDOWN_MARKS });
  }
  const ends = markdownContainerCost(body);
  if (ends !== null) {
    return message('parse:markdown-too-many-ends', { file: seed.path, line: bodyLine + ends.line - 1 }, { closings: ends.closings, cost: ends.cost, limit: MAX_CONTAINER_COST });
  }
  return { ...layoutMarkdown(body, bodyLine, headlineInBody), summaryLines: [] as readonly Line[] };
}

/**
 * The longest headline, summary line or paragraph accepted, in characters (a run of white
 * space counting as one). The longest
 * paragraph in the corpora (PolNeAR, BBC, Reuters: 22,000 articles) is 2,573 characters;
 * quotation search grows faster than linearly with a block's length (100,000 characters of
 * short sentences take about 2 s), so a one-line megabyte must not reach it.
 */
export const MAX_BLOCK_CHARS = 20_000;

/** A `parse:paragraph-too-long` message for the first block over the limit, or null. */
function overlong(file: string, groups: readonly (readonly [string, readonly { readonly text: string; readonly line: number }[]])[]): Message | null {
  for (const [block, items] of groups) {
    for (const item of items) {
      // Runs of white space count as one character: they cost nothing to search.
      if (item.text.length > MAX_BLOCK_CHARS && item.text.replace(/\s+/g, ' ').length > MAX_BLOCK_CHARS) {
        return message('parse:paragraph-too-long', { file, line: item.line || 1 }, { block, length: item.text.length, limit: MAX_BLOCK_CHARS });
      }
    }
  }
  return null;
}

/**
 * Parse a decoded seed into an article, or reject it with positioned messages.
 * Warnings (unknown front-matter fields, no body) travel on `messages`.
 *
 * @example
 *   const seed = readSeed({ path: 'seeds/a.txt', bytes })
 *   if (!('rejected' in seed)) parseSeed(seed) // { headline: { text, line: 1 }, paragraphs: [...], ... }
 */
export function parseSeed(seed: SeedText): ParsedArticle | Rejection {
  if (seed === null || typeof seed !== 'object' || typeof seed.text !== 'string' || typeof seed.path !== 'string' || (seed.format !== 'txt' && seed.format !== 'md')) {
    throw new TypeError('parseSeed expects a SeedText from readSeed');
  }
  const file = seed.path;
  const split = splitFrontMatter(seed.text, file);
  if ('messages' in split) return reject(seed, split.messages);

  const { fields, messages: fieldMessages } = split.doc ? readFields(split.doc, split.position, file) : { fields: {}, messages: [] };
  const messages: Message[] = [...seed.messages, ...fieldMessages];
  if (hasError(messages)) return reject(seed, fieldMessages);

  const body = layout(seed, split.body, split.bodyLine, fields);
  if ('id' in body) return reject(seed, [...fieldMessages, body]);

  const headline = fields.headline ?? body.headline;
  if (headline === null) return reject(seed, [...fieldMessages, message('parse:no-headline', { file, line: split.bodyLine })]);
  const paragraphs: readonly Paragraph[] = body.paragraphs;
  const summaryLines = fields.summary ?? body.summaryLines;
  const tooLong = overlong(file, [['headline', [headline]], ['summary line', summaryLines], ['paragraph', paragraphs]]);
  if (tooLong !== null) return reject(seed, [...fieldMessages, tooLong]);
  if (paragraphs.length === 0) messages.push(message('parse:no-body', { file, line: headline.line || 1 }));

  let summary: readonly Line[] = summaryLines;
  let summaryDerived = false;
  const lede = paragraphs[0];
  if (summary.length === 0 && lede !== undefined) {
    summary = [{ text: firstSentence(lede.text.replace(/\s+/g, ' ')), line: lede.line }];
    summaryDerived = true;
  }

  // The seed's text is not passed on: everything after parse reads the parts, and every cached
  // record would otherwise carry the article twice (a third of the cache a rebuild reads).
  return {
    id: seed.id,
    path: seed.path,
    format: seed.format,
    hash: seed.hash,
    messages,
    headline,
    summary,
    summaryDerived,
    paragraphs,
    date: fields.date ?? null,
    source: fields.source ?? null,
    author: fields.author ?? null,
    tags: fields.tags ?? [],
    requestedSlug: fields.slug ?? null,
  };
}
