/// <reference lib="dom" />
/**
 * Issue 6, item 13: no injected script runs. Every page that shows the hostile seed's text
 * (found by scanning the built site) is opened in Chromium; `window.__pwned` stays undefined,
 * no dialog opens, no injected element or `javascript:` link exists, and the hostile strings
 * are shown as literal text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleUrl, HAVE_CHROMIUM, newPage, site, speakerUrl, useBrowser, useContext } from './harness.ts';
import { filterBySpeaker, resultTitles, searchFor, waitForSearchUi } from './search-ui.ts';
import { HOSTILE, HOSTILE_HEADLINE, HOSTILE_QUOTE_WORDS, HOSTILE_SPEAKER } from './seeds.ts';

/** The hostile seed's source, as the index and the search page's source filter name it. */
const HOSTILE_SOURCE = `Hostile Source ${HOSTILE.js} ${HOSTILE.img}`;

/** Site-relative URLs of every HTML page whose source contains the hostile marker. */
function hostilePages(): string[] {
  const root = site().outDir;
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html') && readFileSync(path, 'utf8').includes('__pwned')) {
        const rel = `/${relative(root, path).split(sep).join('/')}`;
        found.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** What an injected script or element would have left behind on the page. */
async function traces(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    injectedImages: [...document.querySelectorAll('img[src="x"], img[src="y"], [onerror]')].map((e) => e.outerHTML),
    javascriptLinks: [...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]')].map((e) => e.outerHTML),
    runnableScripts: [...document.querySelectorAll('script')]
      .filter((s) => s.type === '' || /javascript|module/i.test(s.type))
      .filter((s) => (s.textContent ?? '').includes('__pwned'))
      .map((s) => s.outerHTML),
  }));
}

const CLEAN = { pwned: undefined, injectedImages: [], javascriptLinks: [], runnableScripts: [] };

describe.skipIf(!HAVE_CHROMIUM)('no injected script runs', () => {
  const browser = useBrowser();
  const context = useContext(browser);

  it('finds the hostile seed on the article, speaker, listing, date, source and tag pages', () => {
    const pages = hostilePages();
    expect(pages).toContain(articleUrl('zz-hostile'));
    expect(pages).toContain(speakerUrl(HOSTILE_SPEAKER));
    expect(pages).toContain('/');
    expect(pages).toContain('/speakers/');
    expect(pages).toContain('/dates/2024/02/');
    expect(pages.filter((p) => p.startsWith('/tags/') && p !== '/tags/').length).toBeGreaterThanOrEqual(4);
    expect(pages.some((p) => p.startsWith('/sources/hostile-source'))).toBe(true);
  });

  it.each(hostilePages())('on %s no injected script runs and no dialog opens', async (path) => {
    const { page, problems } = await newPage(context());
    try {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${site().url}${path}`);
      expect(await traces(page)).toEqual(CLEAN);
      expect(problems.dialogs).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      // An `<img src=x>` that became an element would have been requested.
      expect(requests.filter((p) => /\/(x|y)$/.test(p))).toEqual([]);
      // The marker is shown as text, not run.
      expect(await page.evaluate(() => document.body.textContent ?? '')).toContain('window.__pwned=1');
    } finally {
      await page.close();
    }
  });

  it('shows every hostile string literally on the article page, in its title, its meta description and its JSON-LD', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}${articleUrl('zz-hostile')}`);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_HEADLINE);
      expect(await page.title()).toContain(HOSTILE_HEADLINE);
      const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
      expect(description).toContain(`Hostile summary ${HOSTILE.script} ${HOSTILE.img}`);
      const ogTitle = await page.locator('meta[property="og:title"]').getAttribute('content');
      expect(ogTitle).toBe(HOSTILE_HEADLINE);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '') as { headline: string; author?: { name: string } };
      expect(ld.headline).toBe(HOSTILE_HEADLINE);
      expect(ld.author?.name).toBe(`Hostile Author ${HOSTILE.endScript} ${HOSTILE.title}`);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const literal of Object.values(HOSTILE)) expect(text).toContain(literal);
      expect(text).toContain(HOSTILE_SPEAKER);
      expect(await traces(page)).toEqual(CLEAN);
    } finally {
      await page.close();
    }
  });

  it('shows the hostile speaker name literally as the speaker page heading and title', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}${speakerUrl(HOSTILE_SPEAKER)}`);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_SPEAKER);
      expect(await page.title()).toContain(HOSTILE_SPEAKER);
      expect(await traces(page)).toEqual(CLEAN);
    } finally {
      await page.close();
    }
  });

  it('drops the javascript: links of a Markdown seed and keeps its text', async () => {
    const { page } = await newPage(context());
    try {
      await page.goto(`${site().url}${articleUrl('zz-hostile-links')}`);
      expect(await page.locator('main a', { hasText: 'link' }).first().getAttribute('href')).toBeNull();
      expect(await page.locator('main .body').textContent()).toContain('A link and raw html');
      expect(await traces(page)).toEqual(CLEAN);
    } finally {
      await page.close();
    }
  });

  it('runs no injected script on the search page, in its filters or in a result showing the hostile article', async () => {
    const { page, problems } = await newPage(context());
    try {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${site().url}/search/`);
      await waitForSearchUi(page);
      const links = await searchFor(page, HOSTILE_QUOTE_WORDS);
      expect(links).toContain(articleUrl('zz-hostile'));
      expect((await resultTitles(page)).some((title) => title.includes(HOSTILE.script))).toBe(true);
      // The result's source and its excerpt (escaped HTML in the index) show the literal characters.
      const result = page.locator('#search-results > li', { has: page.locator(`a[href="${articleUrl('zz-hostile')}"]`) });
      expect(await result.locator('.meta').textContent()).toContain(HOSTILE_SOURCE);
      expect(await result.locator('.excerpt').textContent()).toContain(HOSTILE.script);

      // The filter menus name the hostile speaker and source as text, with the names as values.
      await page.waitForFunction(() => ['speaker', 'source'].every((f) => document.querySelectorAll(`#search-${f} option`).length > 1), undefined, { timeout: 15_000 });
      const options = (select: string) =>
        page.locator(`${select} option`).evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
      expect(await options('#search-speaker')).toContainEqual({ value: HOSTILE_SPEAKER, text: expect.stringContaining(HOSTILE_SPEAKER) });
      expect(await options('#search-source')).toContainEqual({ value: HOSTILE_SOURCE, text: expect.stringContaining(HOSTILE_SOURCE) });
      // Choosing the hostile speaker finds the hostile article, and the status names the speaker as text.
      expect(await filterBySpeaker(page, HOSTILE_SPEAKER)).toContain(articleUrl('zz-hostile'));
      expect(await page.locator('#search-status').textContent()).toContain(HOSTILE_SPEAKER);

      expect(await traces(page)).toEqual(CLEAN);
      expect(problems.dialogs).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(requests.filter((p) => /\/(x|y)$/.test(p))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
