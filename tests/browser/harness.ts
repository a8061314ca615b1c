/**
 * What every browser test file shares: the site the global setup built and serves, the
 * shared Chromium, the list of page types, and a page opener that records every console
 * error, page error, failed request and error response.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { HAVE_CHROMIUM } from './env.ts';

export { HAVE_CHROMIUM } from './env.ts';

/** The served site: its URL (no trailing slash), its output folder and the seeds it was built from. */
export function site(): { readonly url: string; readonly outDir: string; readonly seedsDir: string; readonly tmp: string } {
  return inject('site');
}

interface ApiIndex {
  readonly articles: readonly { readonly id: string; readonly url: string; readonly headline: string; readonly date: string | null }[];
  readonly speakers: readonly { readonly id: string; readonly url: string; readonly name: string; readonly quoteCount: number }[];
}

/** The built site's `/api/index.json`. */
export function apiIndex(): ApiIndex {
  return JSON.parse(readFileSync(join(site().outDir, 'api', 'index.json'), 'utf8')) as ApiIndex;
}

/** The site-relative URL of the article made from seed `id`. */
export function articleUrl(id: string): string {
  const found = apiIndex().articles.find((a) => a.id === id);
  if (!found) throw new TypeError(`no article from seed ${id} in the built site`);
  return found.url;
}

/** The site-relative URL of the speaker named `name`. */
export function speakerUrl(name: string): string {
  const found = apiIndex().speakers.find((s) => s.name === name);
  if (!found) throw new TypeError(`no speaker named ${name} in the built site`);
  return found.url;
}

export interface PageType {
  readonly name: string;
  readonly path: string;
  /** The HTTP status the page is served with. */
  readonly status: number;
}

/** One page of every type the site has (the 404 page is a missing URL, served with status 404). */
export function pageTypes(): PageType[] {
  const polnear = apiIndex().articles.find((a) => /^[a-z-]+_\d{4}-\d{2}-\d{2}_/.test(a.id));
  return [
    { name: 'home', path: '/', status: 200 },
    { name: 'article', path: articleUrl('000_4214a0f614e41956'), status: 200 },
    { name: 'article from a Markdown seed', path: articleUrl('2024-budget-reaction'), status: 200 },
    ...(polnear ? [{ name: 'article from a PolNeAR seed', path: polnear.url, status: 200 }] : []),
    { name: 'speaker', path: speakerUrl('Sergey Lavrov'), status: 200 },
    { name: 'speakers index', path: '/speakers/', status: 200 },
    { name: 'speakers by letter', path: '/speakers/index/s/', status: 200 },
    { name: 'dates index', path: '/dates/', status: 200 },
    { name: 'year archive', path: '/dates/2024/', status: 200 },
    { name: 'month archive', path: '/dates/2024/03/', status: 200 },
    { name: 'undated archive', path: '/dates/undated/', status: 200 },
    { name: 'source', path: '/sources/the-example-times/', status: 200 },
    { name: 'sources index', path: '/sources/', status: 200 },
    { name: 'tag', path: '/tags/budget/', status: 200 },
    { name: 'tags index', path: '/tags/', status: 200 },
    { name: 'search', path: '/search/', status: 200 },
    { name: '404', path: '/no-such-page/', status: 404 },
  ];
}

/**
 * Connect to the suite's shared Chromium for the tests of one file (only call it inside a
 * block that is skipped without Chromium). The returned function gives the connected browser.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    const endpoint = inject('browserEndpoint');
    if (endpoint === null) throw new Error('the global setup started no Chromium, yet a browser test ran');
    browser = await chromium.connect(endpoint);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === null) throw new Error('the browser is not connected yet (use it inside a test)');
    return browser;
  };
}

/** Everything that went wrong while a page loaded and ran. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  /** Responses with status 400 or more, except the page's own expected status. */
  readonly errorResponses: string[];
  readonly dialogs: string[];
}

/** A new page in `context` whose problems are recorded from the start. Close it when done. */
export async function newPage(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errorResponses.push(`${response.status()} ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  return { page, problems };
}

/** A new context and a page in it (see {@link newPage}). Close the context when done. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext(options);
  return { context, ...(await newPage(context)) };
}

/**
 * One browser context shared by the tests of a file (contexts are costly to make on a busy
 * machine); each test opens its own page in it with {@link newPage}.
 */
export function useContext(browser: () => Browser, options: BrowserContextOptions = {}): () => BrowserContext {
  let context: BrowserContext | null = null;
  beforeAll(async () => {
    context = await browser().newContext(options);
  });
  afterAll(async () => {
    await context?.close();
  });
  return () => {
    if (context === null) throw new Error('the browser context is not open yet (use it inside a test)');
    return context;
  };
}
