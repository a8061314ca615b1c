/// <reference lib="dom" />
/**
 * Drive the search page the way a reader does. Two UIs are known: the site's own form
 * (`#search-q`, `#search-speaker`, `#search-status`, `#search-results`, drawn by
 * `assets/search.js`) and Pagefind's default UI (`.pagefind-ui__…`); each helper works with
 * whichever the page has.
 */
import type { Page } from 'playwright-core';

const OWN_INPUT = '#search-q';
const PAGEFIND_INPUT = '.pagefind-ui__search-input';

async function ownUi(page: Page): Promise<boolean> {
  return (await page.locator(OWN_INPUT).count()) > 0;
}

/** Wait until the search box is drawn and usable. */
export async function waitForSearchUi(page: Page): Promise<void> {
  await page.locator(`${OWN_INPUT}, ${PAGEFIND_INPUT}`).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The own UI: submit the form and wait until the status describes a finished search that mentions `expect`. */
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

/** Pagefind's UI: wait until every result is drawn, pressing "Load more results" until it is gone. */
async function pagefindResults(page: Page): Promise<void> {
  const more = page.locator('.pagefind-ui__button', { hasText: /load more/i });
  for (;;) {
    await page.waitForFunction(
      () => {
        const results = [...document.querySelectorAll('.pagefind-ui__result')];
        return results.length > 0 && results.every((r) => r.querySelector('.pagefind-ui__result-link') !== null);
      },
      undefined,
      { timeout: 15_000 },
    );
    if (!(await more.isVisible())) break;
    await more.click();
  }
}

/** The links of the results drawn now, in order. */
export async function resultLinks(page: Page): Promise<string[]> {
  const selector = (await ownUi(page)) ? '#search-results li h2 a' : '.pagefind-ui__result-link';
  return page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** The titles of the results drawn now, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  const selector = (await ownUi(page)) ? '#search-results li h2' : '.pagefind-ui__result-title';
  return page.locator(selector).allTextContents();
}

/** The number of results the page says it found (0 for "No results"). */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator((await ownUi(page)) ? '#search-status' : '.pagefind-ui__message').textContent()) ?? '';
  if (/^\s*no results/i.test(text)) return 0;
  const match = /(\d+) results? /.exec(text);
  if (!match) throw new Error(`no result count in “${text}”`);
  return Number(match[1]);
}

/** Search for `query` and wait until all its results are drawn. Returns their links, in order. */
export async function searchFor(page: Page, query: string): Promise<string[]> {
  if (await ownUi(page)) {
    await page.locator(OWN_INPUT).fill(query);
    await submitAndWait(page, query);
    return resultLinks(page);
  }
  await page.locator(PAGEFIND_INPUT).fill(query);
  const message = page.locator('.pagefind-ui__message', { hasText: query });
  await message.waitFor({ timeout: 15_000 });
  if (/^no results/i.test(((await message.textContent()) ?? '').trim())) return [];
  await pagefindResults(page);
  return resultLinks(page);
}

/** Choose `name` in the speaker filter and wait until the results are drawn again. Returns their links. */
export async function filterBySpeaker(page: Page, name: string): Promise<string[]> {
  if (await ownUi(page)) {
    // The menu is filled from the index once it has loaded.
    await page.locator(`#search-speaker option[value="${name}"]`).waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator('#search-speaker').selectOption(name);
    await submitAndWait(page, name);
    return resultLinks(page);
  }
  const before = await resultCount(page);
  await page.locator('.pagefind-ui__filter-name', { hasText: /^speaker$/i }).click();
  await page.locator(`input.pagefind-ui__filter-checkbox[name="speaker"][value="${name}"]`).check();
  await page.waitForFunction((n) => !new RegExp(`^${n} results? for`).test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''), before, {
    timeout: 15_000,
  });
  await pagefindResults(page);
  return resultLinks(page);
}
