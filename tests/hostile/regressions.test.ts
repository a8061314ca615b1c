/**
 * Bugs the hostile-input suites found in stages this suite does not own, kept as tests that
 * describe the wanted behaviour. `it.fails` marks one still open: it passes while the bug is
 * there and starts failing once it is fixed, so whoever fixes it turns it into a plain `it`.
 */
import { describe, expect, it } from 'vitest';
import { processSeed } from '../../src/pipeline.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('regressions found by fuzzing', () => {
  // Open: src/speakers/inventory.ts, the `midCaps` regex `(?<=[\p{Ll},;:]\s+)\p{Lu}…` scans back
  // over the whole whitespace run at every position, so a run of n spaces costs n² steps
  // (32,000 spaces ≈ 5 s; a 1 MiB seed of them would hold a build for many minutes).
  it.fails('processes a seed with a 32,000-character run of whitespace in under a second', () => {
    const bytes = utf8(`A Headline\n\nIt began.${' '.repeat(32_000)}Then it ended.\n`);
    const started = performance.now();
    const result = processSeed({ path: 'seeds/spaces.txt', bytes });
    expect('rejected' in result).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
