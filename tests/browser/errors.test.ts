/// <reference lib="dom" />
/**
 * Every page type loads and runs without a console error, an uncaught page error, a failed
 * request or an error response (the 404 page's own 404 status excepted). The search page
 * also runs a search, so Pagefind's scripts, WebAssembly and merged shards are loaded too.
 */
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, newPage, pageTypes, site, useBrowser, useContext } from './harness.ts';
import { searchFor, waitForSearchUi } from './search-ui.ts';

describe.skipIf(!HAVE_CHROMIUM)('errors', () => {
  const browser = useBrowser();
  const context = useContext(browser);

  it.each(pageTypes())('the $name page ($path) loads with no console error and no failed request', async ({ path, status }) => {
    const { page, problems } = await newPage(context());
    try {
      const response = await page.goto(`${site().url}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(status);
      if (path === '/search/') {
        await waitForSearchUi(page);
        expect(await searchFor(page, 'budget')).not.toEqual([]);
      }
      await page.waitForLoadState('networkidle');
      const own = `${site().url}${path}`;
      expect({
        // The 404 page's own status is logged as a console error (at the page's URL, with or without a fragment).
        consoleErrors: problems.consoleErrors.filter((line) => !(status !== 200 && line.includes(`status of ${status}`) && line.replace(/#[^)]*\)$/, ')').endsWith(`(${own})`))),
        pageErrors: problems.pageErrors,
        failedRequests: problems.failedRequests,
        errorResponses: problems.errorResponses.filter((line) => line !== `${status} ${own}`),
      }).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [] });
    } finally {
      await page.close();
    }
  });

  it('gives browsers an icon, so their automatic /favicon.ico request does not fail', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}/`);
      const declared = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      const icon = declared[0] ?? `${site().url}/favicon.ico`;
      const ok = icon.startsWith('data:') || (await fetch(icon)).status === 200;
      expect({ icon: icon.startsWith('data:') ? 'data: URL' : icon, ok }).toEqual({ icon: expect.any(String), ok: true });
    } finally {
      await page.close();
    }
  });
});
