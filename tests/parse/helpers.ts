import { readSeed } from '../../src/read/index.ts';
import { parseSeed } from '../../src/parse/index.ts';
import type { ParsedArticle, Rejection } from '../../src/types.ts';

/** read + parse a seed given as text. */
export function parseText(text: string, path = 'seeds/test.txt'): ParsedArticle | Rejection {
  const seed = readSeed({ path, bytes: new TextEncoder().encode(text) });
  return 'rejected' in seed ? seed : parseSeed(seed);
}

/** Parse and insist on an article. */
export function article(text: string, path?: string): ParsedArticle {
  const result = parseText(text, path);
  if ('rejected' in result) throw new Error(`expected an article, got ${result.messages.map((m) => `${m.id}: ${m.reason}`).join('; ')}`);
  return result;
}

/** Parse and insist on a rejection. */
export function rejection(text: string, path?: string): Rejection {
  const result = parseText(text, path);
  if (!('rejected' in result)) throw new Error('expected a rejection, got an article');
  return result;
}
