/// <reference lib="dom" />
/**
 * Search on `/search/` with the site's own form and results (`assets/search.js`) over the
 * sharded Pagefind index (merged from `/pagefind/shards.json`): a quoted phrase finds its
 * article, undated articles are found and listed last, results are newest first across the
 * merged shards, the speaker and year filters narrow a search, and a search is a link.
 */
import { describe, expect, it } from 'vitest';
import { shardOf } from '../../src/build/search.ts';
import { apiIndex, articleUrl, HAVE_CHROMIUM, newPage, site, speakerUrl, useBrowser, useContext } from './harness.ts';
import { filterBySpeaker, openSearch, resultCount, searchFor, waitForSearchUi } from './search-ui.ts';

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
      // In quotation marks, the phrase is searched exactly.
      expect(await searchFor(page, '"gamble with borrowed money"')).toContain(articleUrl('2024-budget-vote'));
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
      const result = page.locator('#search-results > li', { has: page.locator(`a[href="${articleUrl('000_4214a0f614e41956')}"]`) });
      expect(await result.locator('.meta').textContent()).toMatch(/^Undated/);
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
      // The results come from more than one shard, and include dated and undated articles.
      expect(new Set(links.map(shardOf)).size).toBeGreaterThan(1);
      const dateOf = new Map(apiIndex().articles.map((a) => [a.url, a.date]));
      const dates = links.filter((link) => dateOf.has(link)).map((link) => dateOf.get(link) ?? null);
      expect(dates.filter((d) => d !== null).length).toBeGreaterThan(1);
      expect(dates).toContain(null);
      const newestFirst = [...dates.filter((d) => d !== null).sort().reverse(), ...dates.filter((d) => d === null)];
      expect(dates).toEqual(newestFirst);
      // Each dated result shows its own date.
      const shown = await page.locator('#search-results > li').evaluateAll((items) =>
        items.map((li) => ({ link: li.querySelector('h2 a')?.getAttribute('href') ?? '', date: li.querySelector('.meta time')?.getAttribute('datetime') ?? null })),
      );
      expect(shown.map((r) => r.date)).toEqual(shown.map((r) => dateOf.get(r.link) ?? null));
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

      // The search is in the address, so the same results come back when it is opened again.
      const address = new URL(page.url());
      expect({ path: address.pathname, q: address.searchParams.get('q'), speaker: address.searchParams.get('speaker') }).toEqual({
        path: '/search/',
        q: 'budget',
        speaker: 'Tom Reyes',
      });
      expect(await openSearch(page, address.href)).toEqual(narrowed);
      expect(await page.locator('#search-q').inputValue()).toBe('budget');
      expect(await page.locator('#search-speaker').inputValue()).toBe('Tom Reyes');
    } finally {
      await page.close();
    }
  });

  it('lists exactly the undated articles when the year filter is "Undated" and no words are given', async () => {
    const { page } = await newPage(context());
    try {
      const links = await openSearch(page, `${site().url}/search/?year=undated`);
      const undated = apiIndex().articles.filter((a) => a.date === null).map((a) => a.url);
      expect(undated.length).toBeGreaterThan(0);
      expect([...links].sort()).toEqual(undated.sort());
      expect(await resultCount(page)).toBe(undated.length);
      await page.locator('#search-year option[value="undated"]').waitFor({ state: 'attached', timeout: 15_000 });
      expect(await page.locator('#search-year').inputValue()).toBe('undated');
    } finally {
      await page.close();
    }
  });

  it('serves a search script that writes no HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write or srcdoc', async () => {
    const response = await fetch(`${site().url}/assets/search.js`);
    expect(response.status).toBe(200);
    // Comments may name the sinks; code may not use them.
    const code = (await response.text()).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(code).toContain('textContent');
    expect(code.match(/\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|srcdoc)\b|document\.write/g)).toBeNull();
  });

  it("draws results with the site's own script, not Pagefind's default UI", async () => {
    const { page } = await newPage(context());
    try {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      expect(await searchFor(page, 'budget')).not.toEqual([]);
      expect(requests).toContain('/assets/search.js');
      expect(requests.filter((path) => /pagefind-(ui|modular-ui|component-ui)\.(js|css)$/.test(path))).toEqual([]);
      expect(await page.locator('.pagefind-ui').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
