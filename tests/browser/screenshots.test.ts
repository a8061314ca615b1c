/// <reference lib="dom" />
/**
 * Screenshots of the home, article and speaker pages at 390 px (a phone) and 1280 px (a
 * laptop), saved under `test-results/screenshots/` (git-ignored) for people to look at. At
 * both widths the page must not scroll sideways.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleUrl, HAVE_CHROMIUM, newPage, site, speakerUrl, useBrowser, useContext } from './harness.ts';
import { REPO } from './seeds.ts';

export const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const pages = (): { name: string; path: string }[] => [
  { name: 'home', path: '/' },
  { name: 'article', path: articleUrl('000_4214a0f614e41956') },
  { name: 'speaker', path: speakerUrl('Sergey Lavrov') },
];
const cases = [390, 1280].flatMap((width) => pages().map((p) => ({ ...p, width })));

describe.skipIf(!HAVE_CHROMIUM)('screenshots', () => {
  const browser = useBrowser();
  const context = useContext(browser);

  it.each(cases)('saves the $name page at $width px, which does not scroll sideways', async ({ name, path, width }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { page } = await newPage(context());
    try {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site().url}${path}`);
      const overflow = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
      const file = join(SCREENSHOTS, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 8).equals(PNG)).toBe(true);
      // The PNG's width (IHDR) is the viewport's.
      expect(bytes.readUInt32BE(16)).toBe(width);
    } finally {
      await page.close();
    }
  });
});
