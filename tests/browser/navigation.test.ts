/// <reference lib="dom" />
/**
 * Navigation by clicking: home → an article → a quoted speaker's page → one of that
 * speaker's quote permalinks (the article, with the quote targeted) → back.
 */
import { describe, expect, it } from 'vitest';
import { articleUrl, HAVE_CHROMIUM, openPage, site, speakerUrl, useBrowser } from './harness.ts';

describe.skipIf(!HAVE_CHROMIUM)('navigation by clicking', () => {
  const browser = useBrowser();

  it('goes from the home page to an article, its speaker, a quote permalink with the quote targeted, and back', async () => {
    const { context, page, problems } = await openPage(browser());
    try {
      const article = articleUrl('2024-budget-vote');
      const speaker = speakerUrl('Tom Reyes');
      await page.goto(`${site().url}/`);

      await page.locator(`main a[href="${article}"]`).first().click();
      await page.waitForURL(`${site().url}${article}`);
      expect(await page.locator('h1').textContent()).toBe('Parliament Passes Budget After Late-Night Session');

      await page.locator(`main .body a[href="${speaker}"]`).first().click();
      await page.waitForURL(`${site().url}${speaker}`);
      expect(await page.locator('h1').textContent()).toBe('Tom Reyes');

      // The speaker page links each quote to its place in the article: `/articles/<slug>/#qN`.
      const permalink = page.locator(`main a[href^="${article}#q"]`).first();
      const href = await permalink.getAttribute('href');
      expect(href).toMatch(/#q\d+$/);
      const anchor = href!.slice(href!.indexOf('#') + 1);
      const quoteOnSpeakerPage = (await permalink.locator('xpath=ancestor::li[1]').locator('mark').textContent()) ?? '';
      await permalink.click();
      await page.waitForURL(`${site().url}${href}`);
      expect(await page.evaluate(() => location.hash)).toBe(`#${anchor}`);
      const target = await page.evaluate(() => {
        const el = document.querySelector(':target');
        return el ? { id: el.id, tag: el.tagName.toLowerCase(), text: el.textContent ?? '' } : null;
      });
      expect(target).toEqual({ id: anchor, tag: 'q', text: quoteOnSpeakerPage });
      // The targeted quote is scrolled into view, clear of the top edge, so its outline (3px, 2px off) shows.
      expect(await page.locator(`#${anchor}`).isVisible()).toBe(true);
      const box = await page.locator(`#${anchor}`).boundingBox();
      const viewport = page.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(5);
      expect(box!.y).toBeLessThan(viewport.height);

      await page.goBack();
      await page.waitForURL(`${site().url}${speaker}`);
      expect(await page.locator('h1').textContent()).toBe('Tom Reyes');

      // Console errors and failed requests have their own test (errors.test.ts).
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
