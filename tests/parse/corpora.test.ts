/**
 * Every PolNeAR dev and BBC article and the first 2,000 Reuters articles
 * (read from ../shared at test time, never copied) must read and parse without
 * a rejection or a throw. Skipped when the corpora are not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/parse/index.ts';
import { readSeed } from '../../src/read/index.ts';

const corpora = '/work/shared/corpora';
const sets: readonly { readonly dir: string; readonly limit: number }[] = [
  { dir: join(corpora, 'polnear/dev'), limit: Infinity },
  { dir: join(corpora, 'bbc'), limit: Infinity },
  { dir: join(corpora, 'reuters'), limit: 2000 },
];

describe.skipIf(!sets.every((set) => existsSync(set.dir)))('the shared corpora', () => {
  for (const { dir, limit } of sets) {
    it(`parses ${limit === Infinity ? 'every seed' : `the first ${limit} seeds`} in ${dir.slice(corpora.length + 1)} without a rejection`, () => {
      const files = readdirSync(dir).filter((file) => /\.(txt|md)$/i.test(file)).sort().slice(0, limit);
      const inputs = files.map((file) => ({ path: join(dir, file), bytes: readFileSync(join(dir, file)) }));
      const rejected: string[] = [];
      let paragraphs = 0;
      const started = performance.now();
      for (const input of inputs) {
        const seed = readSeed(input);
        const result = 'rejected' in seed ? seed : parseSeed(seed);
        if ('rejected' in result) rejected.push(`${input.path}: ${result.messages.map((m) => m.id).join(', ')}`);
        else paragraphs += result.paragraphs.length;
      }
      const elapsed = performance.now() - started;
      console.info(`${dir}: ${inputs.length} seeds, ${paragraphs} paragraphs, read+parse in ${elapsed.toFixed(0)} ms (${(elapsed / inputs.length).toFixed(2)} ms/seed)`);
      expect(inputs.length).toBeGreaterThan(0);
      expect(rejected).toEqual([]);
      expect(paragraphs).toBeGreaterThan(inputs.length);
    }, 60_000);
  }
});
