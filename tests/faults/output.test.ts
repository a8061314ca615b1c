/**
 * Issue 6, faults: the output cannot be written. A full disk (a small tmpfs when this runs
 * as root and may mount one; otherwise ENOSPC injected by a preload) and a read-only output
 * parent (the build runs as `nobody`, so permissions apply): a clear error naming the path,
 * exit status 1, no stack trace, and the previous site untouched.
 */
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, readlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashTree, tempDir, treeDiff } from '../helpers/tree.ts';
import { runCli, snapshot, writeGoodSeeds } from '../hostile/harness.ts';

const IS_ROOT = process.getuid?.() === 0;

function canMountTmpfs(): boolean {
  if (!IS_ROOT) return false;
  const probe = join(process.env['TMPDIR'] ?? '/tmp', `verbatim-mount-probe-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', probe]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    execFileSync('rmdir', [probe]);
  }
}
const TMPFS = canMountTmpfs();
const HAVE_SETPRIV = IS_ROOT && (() => {
  try {
    execFileSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']);
    return true;
  } catch {
    return false;
  }
})();

/** A seed whose article page alone is far bigger than the space left. */
const BIG = `A Very Long Article Indeed\n\n${`${'Words and more words in a long paragraph. '.repeat(20)}\n\n`.repeat(300)}`;

let dir: string;
beforeEach(async () => {
  dir = await tempDir('output-fault');
  await chmod(dir, 0o755);
  await writeGoodSeeds(join(dir, 'seeds'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The published site as it is: where `dist` points and every file's hash. */
async function site(out: string) {
  return { link: await readlink(out), tree: await hashTree(out) };
}

function expectClearError(run: { code: number | null; stderr: string }, path: string, code: string): void {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(new RegExp(`^verbatim: cannot write ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\S* \\(${code}\\); the previous site is untouched\\.`));
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('a full disk', () => {
  it.skipIf(!TMPFS)('on a tmpfs that fills up, fails with ENOSPC naming the output and leaves the previous site untouched', async () => {
    const mnt = join(dir, 'mnt');
    await mkdir(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mnt]);
    try {
      const out = join(mnt, 'dist');
      const args = ['build', '--seeds', join(dir, 'seeds'), '--out', out, '--cache', join(dir, 'cache'), '--quiet'];
      expect((await runCli(args)).code).toBe(0);
      const before = await site(out);
      const used = Number(execFileSync('df', ['-k', '--output=used', mnt], { encoding: 'utf8' }).trim().split('\n').at(-1));
      execFileSync('mount', ['-o', `remount,size=${used + 16}k`, mnt]);
      await writeFile(join(dir, 'seeds', 'zz-big.txt'), BIG);

      const run = await runCli(args);
      expectClearError(run, mnt, 'ENOSPC');
      expect(run.stderr).toContain('Free some disk space');
      const after = await site(out);
      expect(after.link).toBe(before.link);
      expect(treeDiff(after.tree, before.tree)).toEqual([]);
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });

  it('with ENOSPC injected into every write of the new generation, fails naming the output and leaves the previous site untouched', async () => {
    const out = join(dir, 'site', 'dist');
    const args = ['build', '--seeds', join(dir, 'seeds'), '--out', out, '--cache', join(dir, 'cache'), '--quiet'];
    expect((await runCli(args)).code).toBe(0);
    const before = await site(out);
    await writeFile(join(dir, 'seeds', 'zz-new.txt'), 'A New Headline\n\nBody.\n');
    const preload = new URL('./enospc-preload.mjs', import.meta.url).href;
    const run = await runCli(args, { env: { ...process.env, NODE_OPTIONS: `--import=${preload}`, VERBATIM_ENOSPC_UNDER: join(dir, 'site', '.dist.verbatim') } });
    expectClearError(run, join(dir, 'site'), 'ENOSPC');
    const after = await site(out);
    expect(after.link).toBe(before.link);
    expect(treeDiff(after.tree, before.tree)).toEqual([]);
  });
});

describe('a read-only output folder', () => {
  it.skipIf(!HAVE_SETPRIV)('run as nobody, fails with EACCES naming the path and leaves the previous site untouched', async () => {
    const parent = join(dir, 'site');
    const out = join(parent, 'dist');
    const cache = join(dir, 'cache');
    expect((await runCli(['build', '--seeds', join(dir, 'seeds'), '--out', out, '--cache', cache, '--quiet'])).code).toBe(0);
    await writeFile(join(dir, 'seeds', 'zz-new.txt'), 'A New Headline\n\nBody.\n');
    execFileSync('chmod', ['-R', 'a+rX', join(dir, 'seeds')]);
    execFileSync('chown', ['-R', 'nobody', cache]);
    await chmod(parent, 0o555);
    const before = await snapshot(parent);
    const tree = await hashTree(out);

    const run = await runCli(['build', '--seeds', 'seeds', '--out', 'site/dist', '--cache', 'cache', '--quiet'], {
      cwd: dir,
      shell: 'exec setpriv --reuid=nobody --regid=nogroup --clear-groups',
    });
    expectClearError(run, parent, 'EACCES');
    expect(run.stderr).toContain('writable');
    expect(treeDiff(await snapshot(parent), before)).toEqual([]);
    expect(treeDiff(await hashTree(out), tree)).toEqual([]);

    // A parent that has never held a site: the state folder cannot even be made.
    const fresh = join(dir, 'fresh');
    await mkdir(fresh, { mode: 0o555 });
    await chown(fresh, 0, 0);
    const first = await runCli(['build', '--seeds', 'seeds', '--out', 'fresh/dist', '--cache', 'cache', '--quiet'], {
      cwd: dir,
      shell: 'exec setpriv --reuid=nobody --regid=nogroup --clear-groups',
    });
    expectClearError(first, fresh, 'EACCES');
  });
});
