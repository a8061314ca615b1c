import { existsSync } from 'node:fs';
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { tempDir } from '../helpers/tree.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'site-seeds');
let dir: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), isTTY: false }, out, err };
}

beforeEach(async () => {
  dir = await tempDir('cli');
  await cp(FIXTURES, join(dir, 'seeds'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const args = (command: string, ...more: string[]) => [command, '--seeds', join(dir, 'seeds'), ...(command === 'check' ? [] : ['--out', join(dir, 'dist'), '--cache', join(dir, 'cache')]), ...more];

describe('verbatim build', () => {
  it('exits 0 and ends with the summary line when every seed is published', async () => {
    const { io, out } = capture();
    expect(await main(args('build'), io)).toBe(0);
    expect(out.at(-1)).toMatch(/^verbatim: built .*: 4 articles, \d+ speakers, \d+ quotes; 0 warnings, 0 rejected seeds; [\d.]+ s$/);
  });

  it('exits 1, names the rejected seed with file:line:col, and still publishes the others', async () => {
    await writeFile(join(dir, 'seeds', 'broken.txt'), '---\ntitle: [unclosed\n---\nHeadline\n\nBody.\n');
    const { io, out, err } = capture();
    expect(await main(args('build'), io)).toBe(1);
    expect(err.join('\n')).toMatch(/broken\.txt:\d+:\d+: error: .*\[matter:/);
    expect(out.at(-1)).toMatch(/4 articles, .* 1 rejected seed;/);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
  });

  it('publishes nothing with --strict when a seed is rejected', async () => {
    await writeFile(join(dir, 'seeds', 'empty.txt'), '   \n');
    const { io, out, err } = capture();
    expect(await main(args('build', '--strict'), io)).toBe(1);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(err.join('\n')).toContain('nothing was published');
    expect(out.at(-1)).toMatch(/^verbatim: published nothing:/);
  });

  it('treats warnings as errors with --strict', async () => {
    await writeFile(join(dir, 'seeds', 'odd-field.txt'), '---\ncolour: blue\n---\nA Headline Here\n\nSome text.\n');
    expect(await main(args('build'), capture().io)).toBe(0);
    expect(await main(args('build', '--strict'), capture().io)).toBe(1);
  });

  it('prints the warnings that --strict makes errors, labelled so, even with --quiet, from build and check', async () => {
    await writeFile(join(dir, 'seeds', 'odd-field.txt'), '---\ncolour: blue\n---\nA Headline Here\n\nSome text.\n');
    const warning = /^.*odd-field\.txt:2:1: error \(a warning, under --strict\): front-matter field `colour` is not used by Verbatim; .* \[matter:unknown-field\]$/;
    for (const command of ['build', 'check']) {
      const { io, err } = capture();
      expect(await main(args(command, '--strict', '--quiet'), io)).toBe(1);
      expect(err.filter((line) => warning.test(line)), err.join('\n')).toHaveLength(1);
    }
    const quiet = capture();
    expect(await main(args('build', '--quiet'), quiet.io)).toBe(0);
    expect(quiet.err).toEqual([]);
  });
});

describe('an error in speakers.yml', () => {
  it('is published around but exits 1 from build and check, and --strict names the file', async () => {
    await writeFile(join(dir, 'seeds', 'speakers.yml'), 'speakers:\n  - name: [not, a, name]\n');
    const build = capture();
    expect(await main(args('build'), build.io)).toBe(1);
    expect(build.err.join('\n')).toMatch(/speakers\.yml:\d+:\d+: error: .*\[speakers:directory\]/);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    expect(await main(args('check'), capture().io)).toBe(1);
    const strict = capture();
    await rm(join(dir, 'dist'), { force: true });
    expect(await main(args('build', '--strict'), strict.io)).toBe(1);
    expect(strict.err.join('\n')).toContain('nothing was published because the speaker directory has errors');
  });
});

describe('verbatim check', () => {
  it('reports the same problems as a build and writes nothing', async () => {
    await writeFile(join(dir, 'seeds', 'empty.txt'), '');
    const { io, out, err } = capture();
    expect(await main(args('check'), io)).toBe(1);
    expect(err.join('\n')).toMatch(/empty\.txt:1:1: error: the seed is empty/);
    expect(out.at(-1)).toMatch(/^verbatim: checked 4 articles/);
    expect(await readdir(dir)).toEqual(['seeds']);
  });
});
