/**
 * Glue to Eleventy 3: render planned pages with `templates/` into a folder, and write the
 * machine files. Eleventy sees only `templates/page.11ty.js` (one paginated template over the
 * pages as global data) and the CSS; seeds reach it only as data.
 */
import { copyFileSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from '../../templates/views/index.ts';
import type { SiteFile, SitePage } from './types.ts';

/** The folder Eleventy reads. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
/** Where the stylesheet lands in the output (a stable name, no hash). */
export const CSS_PATH = 'assets/site.css';

/** True for a relative output path that stays inside the output folder. */
function isSafeRelative(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Throw a `TypeError` unless a page URL is site-relative and stays inside the output folder. */
export function checkUrl(url: string): void {
  const path = url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
  if (!url.startsWith('/') || !isSafeRelative(path) || !(url.endsWith('/') || url.endsWith('.html'))) {
    throw new TypeError(`page URL ${JSON.stringify(url)} must start with "/" and end with "/" or ".html", without "." or ".." segments`);
  }
}

let eleventyModule: Promise<typeof import('@11ty/eleventy')> | null = null;

/**
 * Start loading Eleventy (once per process) and return the promise of its module. A build
 * calls this as it starts: loading takes about 0.7 s here, and it then overlaps with reading
 * the seeds and the cache instead of coming after them.
 */
export function loadEleventy(): Promise<typeof import('@11ty/eleventy')> {
  eleventyModule ??= import('@11ty/eleventy');
  return eleventyModule;
}

/**
 * Render `pages` into `outDir` with the real Eleventy (programmatic API), and copy the CSS to
 * `assets/site.css`. Works with any subset of a plan's pages: other files in `outDir` are left
 * alone, so a build can re-render only the pages that changed.
 *
 * @example
 *   await renderPages(planSite(archive, options).pages, 'dist')
 */
export async function renderPages(pages: readonly SitePage[], outDir: string): Promise<void> {
  const seen = new Set<string>();
  for (const page of pages) {
    checkUrl(page.url);
    if (seen.has(page.url)) throw new TypeError(`two pages share the URL ${page.url}`);
    seen.add(page.url);
  }
  const { default: Eleventy } = await loadEleventy();
  const eleventy = new Eleventy(TEMPLATES_DIR, resolve(outDir), {
    quietMode: true,
    configPath: false,
    config(config: EleventyUserConfig) {
      config.setQuietMode(true);
      // Eleventy's benchmark groups warn on stderr ("Benchmark 924ms 43% …") whatever the quiet
      // mode; a paginated template over thousands of pages always trips them. Our own --timings say more.
      config.benchmarkManager.setVerboseOutput(false);
      for (const group of Object.values(config.benchmarkManager.getAll())) group.setIsVerbose(false);
      config.setTemplateFormats(['11ty.js']);
      config.setUseGitIgnore(false);
      config.ignores.add(join(TEMPLATES_DIR, 'views/**'));
      config.addGlobalData('verbatimPages', pages);
      config.addJavaScriptFunction('renderVerbatimPage', renderPage);
    },
  });
  // Eleventy prints "Wrote N files" even in quiet mode; the build prints its own summary.
  (eleventy as unknown as { disableLogger(): void }).disableLogger();
  await eleventy.write();
  copyAssets(outDir);
}

/** Template assets copied as they are: source in `templates/` → path in the output. */
const ASSETS: Readonly<Record<string, string>> = { 'assets/site.css': CSS_PATH, 'assets/search.css': 'assets/search.css', 'assets/search.js': 'assets/search.js' };

/**
 * Copy the assets ourselves rather than with Eleventy's passthrough copy, whose failures (a full
 * disk) surface as unhandled rejections that crash the process instead of reaching the build.
 */
function copyAssets(outDir: string): void {
  for (const [from, to] of Object.entries(ASSETS)) {
    const target = join(resolve(outDir), to);
    mkdirSync(dirname(target), { recursive: true });
    unlinkIfThere(target);
    copyFileSync(join(TEMPLATES_DIR, from), target);
  }
}

/** The part of Eleventy's config API we use. */
interface EleventyUserConfig {
  setQuietMode(quiet: boolean): void;
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  readonly ignores: { add(glob: string): void };
  addGlobalData(name: string, data: unknown): void;
  addJavaScriptFunction(name: string, fn: (...args: never[]) => unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  readonly benchmarkManager: { setVerboseOutput(verbose: boolean): void; getAll(): Record<string, { setIsVerbose(verbose: boolean): void }> };
}

/**
 * Write the machine files (JSON API, feeds, sitemap, robots.txt) into `outDir`. A path that is
 * absolute or would leave `outDir` is a caller bug and throws a `TypeError` before anything is written.
 */
export async function writeFiles(files: readonly SiteFile[], outDir: string): Promise<void> {
  for (const file of files) {
    if (!isSafeRelative(file.path)) throw new TypeError(`file path ${JSON.stringify(file.path)} must be relative and stay inside the output folder`);
  }
  const root = resolve(outDir);
  // Synchronous writes: measured here, about three times faster than a pool of async writes
  // for thousands of small files (each async write is a thread-pool round trip).
  const made = new Set<string>();
  for (const file of files) {
    const target = join(root, file.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    unlinkIfThere(target);
    writeFileSync(target, file.contents);
  }
}

/**
 * Remove a file if it exists. Every file is written as a new file, never through an existing
 * one: in a rebuild, the output folder is a hard-linked copy of the published site, and
 * writing through a link would change the published file in place.
 */
function unlinkIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
