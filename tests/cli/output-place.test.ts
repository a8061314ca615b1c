/**
 * `--out` never replaces what Verbatim did not make: the working folder or one above it, the
 * seeds, the cache, a folder with the editor's files in it, or the editor's own link. Each is
 * refused with one line and exit status 2 before anything is written, and the project is left
 * exactly as it was. These run the real command in a project folder of their own.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, OutputPlaceError } from '../../src/build/index.ts';
import { tempDir } from '../helpers/tree.ts';
import { runCli, snapshot, writeGoodSeeds } from '../hostile/harness.ts';

let root: string;
let proj: string;
beforeEach(async () => {
  root = await tempDir('out-place');
  proj = join(root, 'proj');
  await writeGoodSeeds(join(proj, 'seeds'));
  await writeFile(join(proj, 'notes.txt'), 'the editor’s notes\n');
  await mkdir(join(proj, 'site'));
  await writeFile(join(proj, 'site', 'about.html'), '<p>the editor’s page</p>\n');
  await mkdir(join(proj, 'www'));
  await writeFile(join(proj, 'www', 'index.html'), '<p>served from here</p>\n');
  await symlink('www', join(proj, 'dist'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Run `verbatim <command> --out <out>` in the project; expect a refusal that leaves everything as it was. */
async function expectRefused(out: string, message: RegExp, options: { command?: string; seeds?: string; cache?: string } = {}): Promise<void> {
  const before = await snapshot(root);
  const command = options.command ?? 'build';
  const args = [command, '--seeds', options.seeds ?? 'seeds', '--out', out, '--cache', options.cache ?? join(root, 'cache'), ...(command === 'build' ? ['--quiet'] : [])];
  const run = await runCli(args, { cwd: proj });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  expect(run.stdout).toBe('');
  expect(await snapshot(root)).toEqual(before);
}

describe('--out', () => {
  it('refuses the working folder and the folders above it', async () => {
    await expectRefused('.', /^verbatim: --out \. is the working folder or a folder above it, .*; choose a folder of its own for the site/);
    await expectRefused('..', /^verbatim: --out \.\. is the working folder or a folder above it/);
  });

  it('refuses the seeds folder, a folder that holds it, and a folder inside it', async () => {
    await expectRefused('seeds', /^verbatim: --out seeds is the seeds folder, .*; choose a folder of its own for the site, e\.g\. --out \.\.\/proj-site$/);
    await expectRefused('seeds/site', /^verbatim: --out seeds\/site is inside the seeds folder seeds, so the site would be read as seeds/);
    await writeGoodSeeds(join(proj, 'content', 'seeds'));
    await expectRefused('content', /^verbatim: --out content holds the seeds folder content\/seeds, .*; choose a folder of its own for the site/, { seeds: 'content/seeds' });
  });

  it('refuses a folder that holds the cache', async () => {
    await mkdir(join(proj, 'cachehome', 'c'), { recursive: true });
    await expectRefused('cachehome', /^verbatim: --out cachehome holds the cache folder cachehome\/c, .*; choose a folder of its own for the site/, { cache: 'cachehome/c' });
  });

  it('refuses a cache inside its own output once that output is built, and never suggests a folder it would refuse', async () => {
    const args = (out: string, cache: string) => ['build', '--seeds', 'seeds', '--out', out, '--cache', cache, '--quiet'];
    expect((await runCli(args('out1', join(root, 'cache')), { cwd: proj })).code).toBe(0);
    await expectRefused('out1', /^verbatim: --out out1 holds the cache folder out1\/\.cache, /, { cache: 'out1/.cache' });
    // With the seeds in the project folder itself, every folder in it is inside the seeds: the suggestion is beside it.
    await expectRefused('public', /^verbatim: --out public is inside the seeds folder \., .*, e\.g\. --out \.\.\/proj-site$/, { seeds: '.' });
  });

  it('refuses a folder with the editor’s files in it, and a file', async () => {
    await expectRefused('site', /^verbatim: --out site is a folder with files in it that Verbatim did not make, .*; move its files elsewhere .*, or choose another --out/);
    await expectRefused('notes.txt', /^verbatim: --out notes\.txt is a file, not a folder/);
  });

  it('refuses a link the editor made, for build and for dev', async () => {
    await expectRefused('dist', /^verbatim: --out dist is a link to www that Verbatim did not make, .*; remove the link yourself, or choose another --out/);
    await expectRefused('dist', /^verbatim: --out dist is a link to www that Verbatim did not make/, { command: 'dev' });
  });

  it('is refused by the build function too, before it writes anything', async () => {
    const before = await snapshot(root);
    const seeds = join(proj, 'seeds');
    await expect(build({ seedsDir: seeds, outDir: seeds, cacheDir: join(root, 'cache'), search: false })).rejects.toThrow(OutputPlaceError);
    await expect(build({ seedsDir: seeds, outDir: join(proj, 'site'), cacheDir: join(root, 'cache'), search: false })).rejects.toThrow(/folder with files in it/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('takes over an empty folder, and rebuilds into its own link', async () => {
    await mkdir(join(proj, 'empty'));
    const args = ['build', '--seeds', 'seeds', '--out', 'empty', '--cache', join(root, 'cache'), '--quiet'];
    expect((await runCli(args, { cwd: proj })).code).toBe(0);
    const again = await runCli(args, { cwd: proj });
    expect(again.code, again.stderr).toBe(0);
    expect((await snapshot(proj)).get('empty')).toMatch(/^-> \.empty\.verbatim\/gen-/);
  });
});
