/**
 * Issue 6, faults: two builds of one output folder at once. The first finishes with a complete
 * site; the second exits 1 at once, naming the first one's pid.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { main } from '../../src/cli/index.ts';
import { hashTree, tempDir, treeDiff } from '../helpers/tree.ts';
import { BIN, REPO, writeGoodSeeds } from '../hostile/harness.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lock');
  await writeGoodSeeds(join(dir, 'seeds'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('two builds at once', () => {
  it('give one complete site, and the second exits 1 naming the first one’s pid', async () => {
    const args = ['build', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'dist'), '--cache', join(dir, 'cache')];
    const first = spawn(process.execPath, [BIN, ...args, '--quiet'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstErr = '';
    first.stderr.on('data', (chunk: Buffer) => (firstErr += chunk.toString()));
    const firstExit = new Promise<number | null>((done) => first.on('exit', (code) => done(code)));

    // Start the second the moment the first holds the lock.
    const lock = join(dir, '.dist.verbatim', 'lock');
    let holder = '';
    for (let waited = 0; holder !== String(first.pid) && waited < 60_000; waited += 5) {
      holder = await readFile(lock, 'utf8').catch(() => '');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(holder).toBe(String(first.pid));
    const out: string[] = [];
    const err: string[] = [];
    const second = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false });

    expect(second).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`^verbatim: another build \\(pid ${first.pid}\\) is writing this site; wait for it to finish, or delete .*lock if that process is gone$`));
    expect(out).toEqual([]);

    expect(await firstExit, firstErr).toBe(0);
    // The site is whole: the same bytes as a build of the same seeds that ran alone.
    const alone = await tempDir('lock-alone');
    try {
      await build({ seedsDir: join(dir, 'seeds'), outDir: join(alone, 'dist'), cacheDir: join(alone, 'cache') });
      expect(treeDiff(await hashTree(join(dir, 'dist')), await hashTree(join(alone, 'dist')))).toEqual([]);
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
    // And the lock is free again.
    expect(await readFile(lock, 'utf8').catch(() => null)).toBeNull();
  });
});
