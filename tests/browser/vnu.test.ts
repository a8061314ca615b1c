/**
 * Valid HTML: the Nu HTML checker (npm `vnu-jar`, run with Java) reports no error on any page
 * of the built site, which covers every page type. Needs no browser.
 */
import { execFile } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HAVE_JAVA, REQUIRE_BROWSER } from './env.ts';
import { pageTypes, site } from './harness.ts';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

interface VnuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

// Without Java the checker cannot run: skipped (CI, which requires the browser suite, installs Java and never skips).
describe.skipIf(!HAVE_JAVA && !REQUIRE_BROWSER)('valid HTML', () => {
  it('has no Nu HTML checker error on any page of the site', async () => {
    const root = realpathSync(site().outDir);
    const files = htmlFiles(root).sort();
    // Every page type is among the files checked (the 404 page is /404.html).
    const checked = new Set(files.map((f) => `/${relative(root, f)}`.replace(/index\.html$/, '')));
    for (const type of pageTypes()) expect(checked.has(type.status === 404 ? '/404.html' : type.path), type.name).toBe(true);

    const { stderr } = await promisify(execFile)('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stderr?: string; code?: unknown }) => {
        if (typeof error.stderr !== 'string' || error.stderr === '') throw new Error(`the Nu HTML checker did not run (java -jar ${VNU}): ${String(error.code)}`);
        return { stderr: error.stderr };
      },
    );
    const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    const errors = messages
      .filter((m) => m.type === 'error' || (m.type === 'non-document-error'))
      .map((m) => `${relative(root, new URL(m.url ?? 'file:///?').pathname)}:${m.lastLine ?? 0}:${m.firstColumn ?? 0}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 80)}]` : ''}`);
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
