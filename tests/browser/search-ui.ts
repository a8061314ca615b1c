/// <reference lib="dom" />
/**
 * Drive the search page the way a reader does: the site's own form (`#search-q`,
 * `#search-speaker`, a Search button), its status line (`#search-status`) and its results
 * (`#search-results`), all drawn by `assets/search.js`.
 */
import type { Page } from 'playwright-core';

/** Wait until the script has shown the search box. */
export async function waitForSearchUi(page: Page): Promise<void> {
  await page.locator('#search-q').waitFor({ state: 'visible', timeout: 15_000 });
}

/** Submit the form and wait until the status describes a finished search that mentions `expected`. */
async function submitAndWait(page: Page, expected: string): Promise<void> {
  await page.locator('#search-form button[type="submit"]').click();
  await page.waitForFunction(
    (want) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      const list = document.getElementById('search-results');
      return list?.getAttribute('aria-busy') === 'false' && status !== 'Searching…' && status.includes(want);
    },
    expected,
    { timeout: 15_000 },
  );
}

/** The links of the results drawn now, in order. */
export async function resultLinks(page: Page): Promise<string[]> {
  return page.locator('#search-results li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** The titles of the results drawn now, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results li h2').allTextContents();
}

/** The number of results the status line says were found (0 for "No results"). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#search-status').textContent()) ?? '';
  if (/^\s*no results/i.test(text)) return 0;
  const match = /(\d+) results? /.exec(text);
  if (!match) throw new Error(`no result count in “${text}”`);
  return Number(match[1]);
}

/** Search for `query` and wait until its results are drawn. Returns their links, in order. */
export async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.locator('#search-q').fill(query);
  await submitAndWait(page, query);
  return resultLinks(page);
}

/** Choose `name` in the speaker menu, search again and wait for the results. Returns their links. */
export async function filterBySpeaker(page: Page, name: string): Promise<string[]> {
  // The menu is filled from the index once it has loaded.
  await page.locator('#search-speaker option').filter({ hasText: name }).first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.locator('#search-speaker').selectOption(name);
  await submitAndWait(page, name);
  return resultLinks(page);
}

/**
 * Open `url` (the search page with a search in its address, `/search/?q=…`) and wait until
 * the search it names has run and its results are drawn. Returns their links, in order.
 */
export async function openSearch(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await waitForSearchUi(page);
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
  return resultLinks(page);
}
