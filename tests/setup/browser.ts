/**
 * Global setup of the `browser` project: build one site for the whole suite, serve it on
 * localhost, and (when Chromium is installed) start one Chromium that every test file
 * connects to. Vitest runs this only when a test file of that project is in the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { build } from '../../src/build/index.ts';
import { serveSite, type SiteServer } from '../../src/cli/serve.ts';
import { CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM } from '../browser/env.ts';
import { writeSuiteSeeds } from '../browser/seeds.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's site, served on localhost. */
    site: { readonly url: string; readonly outDir: string; readonly seedsDir: string; readonly tmp: string };
    /** The shared Chromium's WebSocket endpoint, or null when Chromium is absent. */
    browserEndpoint: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(join(tmpdir(), 'verbatim-browser-'));
  const seedsDir = join(tmp, 'seeds');
  const outDir = join(tmp, 'dist');
  writeSuiteSeeds(seedsDir);
  let server: SiteServer | null = null;
  let browser: BrowserServer | null = null;
  const teardown = async (): Promise<void> => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    // Serve first: the port fixes the base URL the pages' absolute links use.
    server = await serveSite(outDir, { port: 0 });
    const report = await build({ seedsDir, outDir, cacheDir: join(tmp, 'cache'), baseUrl: server.url, cwd: tmp });
    if (!report.published) throw new Error(`the browser suite's site was not published (${report.rejected.length} seeds rejected)`);
    if (report.rejected.length > 0) {
      throw new Error(`the browser suite's seeds must all publish, but ${report.rejected.map((r) => r.path).join(', ')} were rejected`);
    }
    if (HAVE_CHROMIUM) browser = await chromium.launchServer({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], headless: true });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('site', { url: server.url, outDir, seedsDir, tmp });
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? null);
  return teardown;
}
