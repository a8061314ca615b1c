/**
 * Bugs the hostile-input suites found in stages this suite does not own, kept as tests that
 * describe the wanted behaviour. `it.fails` marks one still open: it passes while the bug is
 * there and starts failing once it is fixed, so whoever fixes it turns it into a plain `it`.
 */
import { describe, expect, it } from 'vitest';
import { processSeed } from '../../src/pipeline.ts';
import { apiIndex, buildSite, changedGoodPages } from './harness.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('regressions found by fuzzing', () => {
  // Fixed: src/speakers/inventory.ts, the `midCaps` regex was `(?<=[\p{Ll},;:]\s+)\p{Lu}…` scans back
  // over the whole whitespace run at every position, so a run of n spaces costs n² steps
  // (64,000 spaces after a full stop ≈ 3 s, after `〨` ≈ 19 s; a 1 MiB seed of them would hold
  // a build for many minutes).
  it('processes a seed with a 64,000-character run of whitespace in under a second', () => {
    const bytes = utf8(`A Headline\n\nIt began.${' '.repeat(64_000)}Then it ended.\n`);
    const started = performance.now();
    const result = processSeed({ path: 'seeds/spaces.txt', bytes });
    expect('rejected' in result).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  // Open: remark-parse (micromark) takes superlinear time on many unmatched emphasis delimiters:
  // 40 KB of `c!_!}` takes about 3 s to parse (8 KB: 0.5 s), so a 1 MiB .md seed could hold a
  // build for many minutes. src/parse/markdown-guard.ts could refuse such bodies before remark.
  it.fails('parses a Markdown seed of 8,000 unmatched `_` delimiter runs in under a second', () => {
    const bytes = utf8(`# A Headline\n\nx${'c!_!}'.repeat(8000)}\n`);
    const started = performance.now();
    processSeed({ path: 'seeds/delimiters.md', bytes });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('regressions found end to end', () => {
  // Fixed: two seeds with one file name in different folders had one id, so one slug, and
  // planSite threw "two pages want the URL": the whole build failed and nothing was published.
  it('publishes two seeds with the same file name in different subfolders as two articles', async () => {
    const site = await buildSite({ 'a/story.txt': 'First Story Here\n\nBody one.\n', 'b/story.txt': 'Second Story There\n\nBody two.\n' });
    try {
      expect(site.report.published).toBe(true);
      expect(site.report.rejected).toEqual([]);
      const stories = (await apiIndex(site)).articles.filter((a) => a.id.startsWith('story'));
      expect(stories.map((a) => a.headline).sort()).toEqual(['First Story Here', 'Second Story There']);
      expect(new Set(stories.map((a) => a.id)).size).toBe(2);
      expect(stories.find((a) => a.headline === 'First Story Here')!.id).toBe('story');
      for (const a of stories) expect(site.tree.has(`articles/${a.slug}/index.html`)).toBe(true);
      expect(await changedGoodPages(site)).toEqual([]);
    } finally {
      await site.remove();
    }
  });
});
