/// <reference lib="dom" />
/**
 * No JavaScript is needed to read: with JavaScript off, article and speaker pages show their
 * text, quote links and citations (behind a native `<details>`), and the search page says that
 * search needs JavaScript and links to the indexes instead.
 */
import { describe, expect, it } from 'vitest';
import { articleUrl, HAVE_CHROMIUM, newPage, openPage, site, speakerUrl, useBrowser, useContext } from './harness.ts';
import { waitForSearchUi } from './search-ui.ts';

describe.skipIf(!HAVE_CHROMIUM)('reading without JavaScript', () => {
  const browser = useBrowser();
  const noScript = useContext(browser, { javaScriptEnabled: false });

  it('shows an article with its headline, paragraphs, marked quotes and links to their speakers', async () => {
    const { page } = await newPage(noScript());
    try {
      await page.goto(`${site().url}${articleUrl('000_4214a0f614e41956')}`);
      expect(await page.locator('h1').innerText()).toContain('Russia Dismisses Ukraine Security Talks');
      const body = await page.locator('main').innerText();
      expect(body).toContain('We cannot agree with proposals to resolve questions of collective security');
      expect(await page.locator('main q[id^="q"]').count()).toBeGreaterThanOrEqual(5);
      await expect.poll(() => page.locator('main q[id^="q"]').first().isVisible()).toBe(true);
      const lavrov = page.locator(`main a[href="${speakerUrl('Sergey Lavrov')}"]`).first();
      expect(await lavrov.isVisible()).toBe(true);
      expect(await page.locator('main a[href^="#q"]').count()).toBeGreaterThanOrEqual(5);
    } finally {
      await page.close();
    }
  });

  it('shows a speaker page with the quotes and links to each quote in its article', async () => {
    const { page } = await newPage(noScript());
    try {
      await page.goto(`${site().url}${speakerUrl('Sergey Lavrov')}`);
      expect(await page.locator('h1').innerText()).toBe('Sergey Lavrov');
      const body = await page.locator('main').innerText();
      expect(body).toContain('prepared in the most meticulous way');
      const permalinks = page.locator(`main a[href^="${articleUrl('000_4214a0f614e41956')}#q"]`);
      expect(await permalinks.count()).toBeGreaterThanOrEqual(3);
      expect(await permalinks.first().isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('opens a quote\'s citation with one click on "Cite" and selects it whole, on speaker and article pages', async () => {
    const { page } = await newPage(noScript());
    try {
      for (const [url, item] of [[speakerUrl('Sergey Lavrov'), 'ol.squotes > li'], [articleUrl('000_4214a0f614e41956'), 'ol.quotes > li']] as const) {
        await page.goto(`${site().url}${url}`);
        const quote = page.locator(item).first();
        const citation = quote.locator('.cite .c');
        expect(await citation.isVisible()).toBe(false);
        await quote.locator('.cite summary').click();
        expect(await citation.isVisible()).toBe(true);
        expect(await citation.innerText()).toMatch(/^.+, quoted in “.+”, .+#q\d+$/);
        await citation.click();
        expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(await citation.innerText());
      }
    } finally {
      await page.close();
    }
  });

  it('says on the search page that search needs JavaScript, and links to every index', async () => {
    const { page } = await newPage(noScript());
    try {
      await page.goto(`${site().url}/search/`);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/search needs javascript/i);
      for (const index of ['/', '/speakers/', '/dates/', '/sources/', '/tags/']) {
        expect(await page.locator(`main a[href="${index}"]`).first().isVisible()).toBe(true);
      }
      expect(await page.locator('#search-q').isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('does not say that search needs JavaScript when JavaScript is on', async () => {
    const { context, page } = await openPage(browser());
    try {
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      expect(await page.locator('main').innerText()).not.toMatch(/search needs javascript/i);
    } finally {
      await context.close();
    }
  });
});
