/// <reference lib="dom" />
/**
 * Accessibility: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules finds no violation
 * on any page type in the light color scheme; then, switched to the dark scheme with
 * `emulateMedia`, the rules that depend on colours (contrast, links told apart from text)
 * run again. The rest of axe's rules read structure, names and roles, which a colour scheme
 * does not change; running only these keeps the suite within its time budget. The search
 * page is checked with results and filters drawn.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, newPage, pageTypes, site, useBrowser, useContext } from './harness.ts';
import { searchFor, waitForSearchUi } from './search-ui.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** The WCAG A/AA rules whose outcome depends on colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

interface Violation {
  readonly rule: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

/** Run axe on the page (added by the context's init script) and list its violations. */
async function axe(page: Page, runOnly: { type: 'tag' | 'rule'; values: readonly string[] }): Promise<Violation[]> {
  return page.evaluate(async (only) => {
    type AxeNode = { target: string[]; html: string; failureSummary?: string };
    type AxeViolation = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run;
    const result = await run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240) })),
    }));
  }, runOnly);
}

describe.skipIf(!HAVE_CHROMIUM)('accessibility', () => {
  const browser = useBrowser();
  const context = useContext(browser);
  // axe is added to every document of the shared context before its own scripts run.
  beforeAll(() => context().addInitScript({ path: AXE }));

  it.each(pageTypes())('the $name page ($path) has no WCAG 2.2 A or AA violation, and no colour violation in the dark scheme', async ({ path }) => {
    const { page } = await newPage(context());
    try {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${site().url}${path}`);
      if (path === '/search/') {
        await waitForSearchUi(page);
        expect(await searchFor(page, 'budget')).not.toEqual([]);
      }
      const light = await axe(page, { type: 'tag', values: TAGS });
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const dark = await axe(page, { type: 'rule', values: COLOUR_RULES });
      expect({ light, dark }).toEqual({ light: [], dark: [] });
    } finally {
      await page.close();
    }
  });
});
