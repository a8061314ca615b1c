/**
 * The `verbatim` command runs from a bundle of the sources (bin/compile.js). These tests run
 * the real bin on a copy of the repository's code, so editing that copy cannot touch the tree.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tree.ts';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '..', '..');
let copy: string;

beforeAll(async () => {
  copy = await tempDir('bundle');
  for (const part of ['bin', 'src', 'templates', 'package.json', 'tsconfig.json']) await cp(join(REPO, part), join(copy, part), { recursive: true });
  await symlink(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

/** The copy's bundles: inside the copy, though its node_modules is a link to the repository's. */
const bundles = async (): Promise<string[]> => (await readdir(join(copy, '.verbatim-bundle', 'cli'))).filter((n) => n.startsWith('cli-'));
const verbatim = (...args: string[]) => run(process.execPath, [join(copy, 'bin', 'verbatim.js'), ...args]);

describe('the verbatim command', () => {
  it('runs the sources as they are now: an edited source makes a new bundle, never runs a stale one', async () => {
    const before = await run(process.execPath, [join(copy, 'bin', 'verbatim.js'), '--help']);
    expect(before.stdout).toContain('Read the seeds and write the static site.');
    const file = join(copy, 'src', 'cli', 'index.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Read the seeds and write the static site.', 'Read the seeds and write the edited site.'));
    const after = await run(process.execPath, [join(copy, 'bin', 'verbatim.js'), '--help']);
    expect(after.stdout).toContain('Read the seeds and write the edited site.');
    expect(after.stdout).not.toContain('write the static site');
    // The edit's bundle beside the original's; without the bundle the tsx fallback gives the same help.
    expect((await bundles()).length).toBe(2);
    const fallback = await run(process.execPath, [join(copy, 'bin', 'verbatim.js'), '--help'], { env: { ...process.env, VERBATIM_NO_BUNDLE: '1' } });
    expect(fallback.stdout).toBe(after.stdout);
  }, 60_000);

  it('rebuilds with a view as it is now: pages and paths come from this copy, not from where node_modules lives', async () => {
    const dir = await tempDir('bundle-view');
    try {
      await mkdir(join(dir, 'seeds'));
      await writeFile(join(dir, 'seeds', 'a.txt'), 'A Headline\n\n“We will see,” said Mayor Ann Lee.\n');
      const args = ['build', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'dist'), '--cache', join(dir, 'cache'), '--quiet'];
      await verbatim(...args);
      const page = join(dir, 'dist', 'articles', 'a-headline', 'index.html');
      expect(await readFile(page, 'utf8')).toContain('>Speakers</a>');
      const view = join(copy, 'templates', 'views', 'layout.ts');
      await writeFile(view, (await readFile(view, 'utf8')).replace("label: 'Speakers'", "label: 'People quoted'"));
      await verbatim(...args);
      expect(await readFile(page, 'utf8')).toContain('>People quoted</a>');
      expect(await readFile(page, 'utf8')).not.toContain('>Speakers</a>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('extracts a cold archive on the worker pool from the bundle', async () => {
    const dir = await tempDir('bundle-build');
    try {
      await mkdir(join(dir, 'seeds'));
      // More seeds than the build handles in its own thread before starting workers.
      for (let i = 0; i < 60; i++) {
        await writeFile(join(dir, 'seeds', `s${String(i).padStart(2, '0')}.txt`), `Headline number ${i}\n\n“We will see,” said Mayor Ann Lee of town ${i}.\n`);
      }
      const { stdout, stderr } = await verbatim('build', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'dist'), '--cache', join(dir, 'cache'), '--quiet', '--timings');
      expect(stderr).toMatch(/60 of 60 seeds extracted/);
      expect(stdout).toMatch(/built .*: 60 articles, 1 speakers?, 60 quotes/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
