/// <reference lib="dom" />
/**
 * Search on `/search/` with Pagefind's UI over the sharded index (merged from
 * `/pagefind/shards.json`): a quoted phrase finds its article, and the speaker filter narrows
 * a wider search to that speaker's results.
 */
import { describe, expect, it } from 'vitest';
import { apiIndex, articleUrl, HAVE_CHROMIUM, newPage, site, speakerUrl, useBrowser, useContext } from './harness.ts';
import { filterBySpeaker, resultCount, searchFor, waitForSearchUi } from './search-ui.ts';

describe.skipIf(!HAVE_CHROMIUM)('search', () => {
  const browser = useBrowser();
  const context = useContext(browser);

  it('lists one index bundle per non-empty shard in /pagefind/shards.json', async () => {
    const response = await fetch(`${site().url}/pagefind/shards.json`);
    expect(response.status).toBe(200);
    const shards = (await response.json()) as string[];
    expect(shards.length).toBeGreaterThan(1);
    for (const bundle of shards) expect((await fetch(`${site().url}${bundle}pagefind-entry.json`)).status).toBe(200);
  });

  it('finds the article for a quoted phrase', async () => {
    const { page, problems } = await newPage(context());
    try {
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      const links = await searchFor(page, 'gamble with borrowed money');
      expect(links).toContain(articleUrl('2024-budget-vote'));
      const result = page.locator('li', { has: page.locator(`a[href="${articleUrl('2024-budget-vote')}"]`) });
      expect(await result.locator('mark').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^(gamble|borrowed|money)$/i)]));
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('finds an undated article (the sample seed) by a phrase of its quotes', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      const links = await searchFor(page, 'prepared in the most meticulous way');
      expect(links).toContain(articleUrl('000_4214a0f614e41956'));
    } finally {
      await page.close();
    }
  });

  it('lists results newest first across the merged shards, undated articles last', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      const links = await searchFor(page, 'said');
      expect(links.length).toBeGreaterThanOrEqual(5);
      const dateOf = new Map(apiIndex().articles.map((a) => [a.url, a.date]));
      const dates = links.filter((link) => dateOf.has(link)).map((link) => dateOf.get(link) ?? null);
      const newestFirst = [...dates.filter((d) => d !== null).sort().reverse(), ...dates.filter((d) => d === null)];
      expect(dates).toEqual(newestFirst);
    } finally {
      await page.close();
    }
  });

  it('narrows the results to one speaker when the speaker filter is chosen', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      const all = await searchFor(page, 'budget');
      const before = await resultCount(page);
      expect(all).toContain(articleUrl('2024-budget-vote'));
      expect(all).toContain(articleUrl('2024-budget-reaction'));

      const narrowed = await filterBySpeaker(page, 'Tom Reyes');
      expect(await resultCount(page)).toBeLessThan(before);
      expect(narrowed.length).toBeGreaterThan(0);
      expect(narrowed).toContain(articleUrl('2024-budget-vote'));
      // The markets article quotes Maria Okafor and Lena Marsh, not Tom Reyes.
      expect(narrowed).not.toContain(articleUrl('2024-budget-reaction'));
      for (const link of narrowed) expect([articleUrl('2024-budget-vote'), articleUrl('2024-flood-warning'), speakerUrl('Tom Reyes')]).toContain(link);
    } finally {
      await page.close();
    }
  });
});
