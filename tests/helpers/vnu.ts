/**
 * The Nu HTML checker (npm `vnu-jar`, run with Java) on built pages: its errors as readable lines.
 * Tests that use it skip without Java unless the run requires the browser suite (CI installs Java).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HAVE_JAVA, REQUIRE_BROWSER } from '../browser/env.ts';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** True when the checker can run, or must (a test that needs it then fails instead of skipping). */
export const CAN_VALIDATE = HAVE_JAVA || REQUIRE_BROWSER;

/** Every HTML page below `dir` (Pagefind's folder left out). */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Every error the checker reports on `files`, as `file:line:col: message [extract]` (empty when all are valid). */
export async function vnuErrors(files: readonly string[]): Promise<string[]> {
  const { stderr } = await promisify(execFile)('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stderr?: string; code?: unknown }) => {
      if (typeof error.stderr !== 'string' || error.stderr === '') throw new Error(`the Nu HTML checker did not run (java -jar ${VNU}): ${String(error.code)}`);
      return { stderr: error.stderr };
    },
  );
  const messages = (JSON.parse(stderr) as { messages: { type: string; url?: string; lastLine?: number; firstColumn?: number; message: string; extract?: string }[] }).messages;
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${decodeURIComponent(new URL(m.url ?? 'file:///?').pathname)}:${m.lastLine ?? 0}:${m.firstColumn ?? 0}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 80)}]` : ''}`);
}
