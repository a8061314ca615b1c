/**
 * Issue 6, faults: `kill -9` at moments spread over a whole build. After every kill, `dist`
 * is exactly one complete build, the old one or the new one; the next build cleans up what
 * the killed one left (generations, scratch space, its lock).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_STAGE } from '../../src/build/fsutil.ts';
import { parseManifest } from '../../src/build/incremental.ts';
import { hashTree, tempDir, treeDiff } from '../helpers/tree.ts';
import { isolatedBin, writeGoodSeeds } from '../hostile/harness.ts';

/** How many builds are killed. */
const KILLS = Number(process.env['KILL_RUNS'] ?? 20);

let dir: string;
let bin: string;
const seeds = () => join(dir, 'seeds');
const args = () => ['build', '--seeds', seeds(), '--out', join(dir, 'dist'), '--cache', join(dir, 'cache'), '--quiet'];
const EXTRA = 'zz-kill-extra.txt';
const EXTRA_TEXT = '---\ndate: 2024-05-05\nsource: The Example Times\ntags: [budget]\n---\nThe Budget, One More Time\n\n“We are not finished,” Finance Minister Maria Okafor said.\n';

/** Seeds of the old (false) or new (true) site. */
async function useSeeds(extra: boolean): Promise<void> {
  if (extra) await writeFile(join(seeds(), EXTRA), EXTRA_TEXT);
  else await rm(join(seeds(), EXTRA), { force: true });
}

/** A build left to finish; returns how long it held the lock. */
async function fullBuild(): Promise<number> {
  const { code, held } = await killedBuild(Infinity);
  expect(code).toBe(0);
  return held;
}

/** When the build with this pid took the output's lock (it polls the lock file). */
async function lockTaken(pid: number, exited: () => boolean): Promise<boolean> {
  const lock = join(dir, '.dist.verbatim', 'lock');
  while (!exited()) {
    if ((await readFile(lock, 'utf8').catch(() => '')) === String(pid)) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return false;
}

/**
 * Run a build; with `delay`, kill it with SIGKILL that many ms after it took the lock (the
 * start-up before that, loading Node and the code, is not worth killing in). Returns whether
 * it was killed and how long it held the lock.
 */
async function killedBuild(delay: number): Promise<{ killed: boolean; code: number | null; held: number }> {
  const child = spawn(process.execPath, [bin, ...args()], { cwd: dir, stdio: 'ignore' });
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      exited = true;
      done({ code, signal });
    });
  });
  const locked = await lockTaken(child.pid!, () => exited);
  const started = performance.now();
  const timer = locked && Number.isFinite(delay) ? setTimeout(() => child.kill('SIGKILL'), delay) : undefined;
  const { code, signal } = await exit;
  clearTimeout(timer);
  return { killed: signal === 'SIGKILL', code, held: performance.now() - started };
}

let oldTree: Map<string, string>;
let newTree: Map<string, string>;
let duration = 0;

beforeAll(async () => {
  dir = await tempDir('kill');
  bin = await isolatedBin(join(dir, 'code'));
  await writeGoodSeeds(seeds());
  await useSeeds(true);
  await fullBuild();
  newTree = await hashTree(join(dir, 'dist'));
  await useSeeds(false);
  await fullBuild();
  oldTree = await hashTree(join(dir, 'dist'));
  // How long a rebuild holds the lock, each way (the first builds above were cold).
  await useSeeds(true);
  const toNew = await fullBuild();
  await useSeeds(false);
  duration = Math.max(toNew, await fullBuild());
  expect(treeDiff(await hashTree(join(dir, 'dist')), oldTree)).toEqual([]);
  expect(treeDiff(oldTree, newTree).length).toBeGreaterThan(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kill -9 during a build', () => {
  it(`leaves dist as one complete old or new site after each of ${KILLS} kills, and the next build cleans up`, async () => {
    let current: 'old' | 'new' = 'old';
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const target = current === 'old' ? 'new' : 'old';
      await useSeeds(target === 'new');
      // Moments spread evenly over the whole build (golden-ratio sequence), up to a little past
      // its usual end, so some kills land after the swap and some builds finish.
      const delay = Math.round(1.15 * duration * ((i * 0.618_033_988_75 + 0.05) % 1));
      const { killed, code, held } = await killedBuild(delay);
      // Keep the estimate honest on a busy machine: a build that outlived it raises it.
      if (!killed) duration = (duration + held) / 2;
      else if (delay > 0.9 * duration) duration *= 1.25;
      if (!killed) expect(code, `run ${i} finished without being killed`).toBe(0);
      const tree = await hashTree(join(dir, 'dist'));
      const isOld = treeDiff(tree, oldTree).length === 0;
      const isNew = treeDiff(tree, newTree).length === 0;
      expect(isOld || isNew, `after a kill at ${delay} ms, dist is neither site: ${treeDiff(tree, current === 'old' ? oldTree : newTree).slice(0, 5).join('; ')}`).toBe(true);
      if (!killed) expect(isOld ? 'old' : 'new').toBe(target);
      current = isOld ? 'old' : 'new';
      outcomes.push(`${delay}ms:${killed ? 'killed' : 'done'}:${current}`);
    }
    expect(outcomes.filter((o) => o.includes('killed')).length).toBeGreaterThanOrEqual(KILLS / 2);
    if (process.env['KILL_LOG'] !== undefined) console.log(`build ${Math.round(duration)} ms; ${outcomes.join(' ')}`);

    await useSeeds(false);
    await fullBuild();
    expect(treeDiff(await hashTree(join(dir, 'dist')), oldTree)).toEqual([]);
    const state = join(dir, '.dist.verbatim');
    const published = basename(await readlink(join(dir, 'dist')));
    // The generation published before is kept as the spare the next rebuild recycles, and the
    // search shards' staging folders (empty of files); nothing else.
    const spareFile = (await readdir(join(dir, 'cache', 'outputs'))).find((f) => f.endsWith('.spare.manifest'));
    const spare = spareFile === undefined ? '' : basename(parseManifest(await readFile(join(dir, 'cache', 'outputs', spareFile), 'utf8'))!.generation);
    // The detached delete of old generations may still be running; give it a moment.
    let left: string[] = [];
    for (let wait = 0; wait < 50; wait++) {
      left = (await readdir(state)).filter((name) => name !== published && name !== spare && name !== SEARCH_STAGE);
      if (left.every((name) => name.startsWith('trash-')) && left.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(left.filter((name) => !name.startsWith('trash-'))).toEqual([]);
    expect(existsSync(join(state, 'lock'))).toBe(false);
    const staged = await readdir(join(state, SEARCH_STAGE), { recursive: true, withFileTypes: true }).catch(() => []);
    expect(staged.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(await readdir(join(dir))).toEqual(expect.arrayContaining(['dist', 'seeds', 'cache']));
  }, 300_000);
});
