/**
 * Random and mutated seeds never make read or parse throw: each is an article
 * or a rejection with positioned messages. (The full fuzzing suite lives with
 * the pipeline tests; this one keeps the two stages honest on their own.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/parse/index.ts';
import { readSeed } from '../../src/read/index.ts';

const fragments = [
  '---', '---js', '--- ', '---yaml', '\n', '\n\n', '\r\n', '\r', '\uFEFF', ' ', 'headline: ', 'summary:\n  - ', 'date: ', '2016-09-12',
  'soon', 'slug: ', '../x', 'tags: [', ']', '{', '}', '&a ', '*a', '__proto__: ', '# ', '> ', '- ', '*', '_', '[', '](javascript:x)',
  '<script>', '“', '”', 'Sen. Lee said.', 'Headline', 'Para.', '\u2028', '\u202e', '\0', 'é', '😀',
];
const seedText = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 40 }).map((parts) => parts.join(''));

function check(path: string, bytes: Uint8Array): void {
  const seed = readSeed({ path, bytes });
  const result = 'rejected' in seed ? seed : parseSeed(seed);
  for (const m of result.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.file).toBe(path);
  }
  if ('rejected' in result) expect(result.messages.some((m) => m.severity === 'error')).toBe(true);
  else expect(result.headline.text).not.toBe('');
}

describe('random seeds', () => {
  it('never make readSeed or parseSeed throw, for text and Markdown', () => {
    fc.assert(
      fc.property(seedText, fc.constantFrom('seeds/f.txt', 'seeds/f.md'), (text, path) => check(path, new TextEncoder().encode(text))),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 1500) },
    );
  });

  it('never make readSeed throw on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => check('seeds/b.txt', bytes)), { numRuns: 1000 });
  });
});
