/**
 * One seed through the per-article stages: read → parse → quotes → speakers.
 * Pure: bytes in, an attributed record (or a rejection) out.
 */
import { readSeed } from './read/index.ts';
import { parseSeed } from './parse/index.ts';
import { extractQuotes } from './quotes/index.ts';
import { resolveSpeakers } from './speakers/index.ts';
import type { AttributedArticle, Rejection, SeedInput } from './types.ts';

/** Bumped whenever a stage's output can change for the same input; part of every cache key. */
export const PIPELINE_VERSION = '1';

/**
 * Run one seed through every per-article stage.
 *
 * @example
 *   const result = processSeed({ path: 'seeds/a.txt', bytes })
 *   if ('rejected' in result) report(result.messages)
 */
export function processSeed(input: SeedInput): AttributedArticle | Rejection {
  const seed = readSeed(input);
  if ('rejected' in seed) return seed;
  const parsed = parseSeed(seed);
  if ('rejected' in parsed) return parsed;
  return resolveSpeakers(extractQuotes(parsed));
}
