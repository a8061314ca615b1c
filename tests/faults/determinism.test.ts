/**
 * Issue 6, faults: determinism. Two CLI builds of the same seeds under a different TZ, locale,
 * umask, working folder and file-creation order (and file times) give byte-identical trees,
 * with SOURCE_DATE_EPOCH set and unset.
 */
import { readFile, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, tempDir, treeDiff } from '../helpers/tree.ts';
import { FIXTURES, GOOD, runCli, SAMPLE } from '../hostile/harness.ts';

/** The good seeds plus one whose case mapping differs by locale (Turkish dotted and dotless i). */
async function seedFiles(): Promise<[string, Buffer][]> {
  const files: [string, Buffer][] = [];
  for (const name of GOOD) files.push([name, await readFile(name === GOOD[0] ? SAMPLE : join(FIXTURES, name))]);
  files.push(['zz-istanbul.txt', Buffer.from('---\ndate: 2024-06-01T23:59:00\ntags: [İstanbul, IĞDIR]\n---\nINDIA and İstanbul: Iğdır Is Quiet\n\n“It is quiet,” said Ilkay Işık.\n')]);
  return files;
}

interface Variant {
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  readonly umask: string;
  /** Where the seeds go, relative to the variant's folder, and the working folder. */
  readonly seeds: string;
  readonly cwd: string;
  readonly reverse: boolean;
}

const VARIANTS: readonly Variant[] = [
  { name: 'a', env: { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }, umask: '022', seeds: 'seeds', cwd: '.', reverse: false },
  { name: 'b', env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, umask: '077', seeds: 'in/put', cwd: 'work/here', reverse: true },
];

let root: string;
beforeAll(async () => {
  root = await tempDir('determinism');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Lay out the seeds for a variant (in its creation order, with its own file times) and build them with the CLI. */
async function buildVariant(variant: Variant, epoch: string | undefined): Promise<Map<string, string>> {
  const base = join(root, `${variant.name}-${epoch ?? 'none'}`);
  const seeds = join(base, variant.seeds);
  await mkdir(seeds, { recursive: true });
  await mkdir(join(base, variant.cwd), { recursive: true });
  const files = await seedFiles();
  if (variant.reverse) files.reverse();
  for (const [i, [name, bytes]] of files.entries()) {
    await writeFile(join(seeds, name), bytes);
    const time = variant.reverse ? 2_000_000_000 - i * 3600 : 1_000_000_000 + i * 3600;
    await utimes(join(seeds, name), time, time);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...variant.env };
  if (epoch === undefined) delete env['SOURCE_DATE_EPOCH'];
  else env['SOURCE_DATE_EPOCH'] = epoch;
  const rel = (path: string) => join(...Array(variant.cwd.split('/').filter((p) => p !== '.').length).fill('..'), path);
  const run = await runCli(['build', '--seeds', rel(variant.seeds), '--out', rel('dist'), '--cache', rel('cache'), '--quiet'], {
    cwd: join(base, variant.cwd),
    env,
    shell: `umask ${variant.umask} && exec`,
  });
  expect(run.code, run.stderr).toBe(0);
  return hashTree(join(base, 'dist'));
}

describe('two builds under different environments', () => {
  it.each([['set', '1700000000'], ['unset', undefined]] as const)('are byte-identical with SOURCE_DATE_EPOCH %s', async (_, epoch) => {
    const [a, b] = await Promise.all(VARIANTS.map((v) => buildVariant(v, epoch)));
    expect(a!.size).toBeGreaterThan(100);
    expect(treeDiff(a!, b!)).toEqual([]);
    const feed = [...a!.keys()].filter((p) => p === 'feed.xml');
    expect(feed).toEqual(['feed.xml']);
  });

  it('takes the feed’s updated time from SOURCE_DATE_EPOCH when it is set, else from the newest article', async () => {
    const set = await readFile(join(root, 'a-1700000000', 'dist', 'feed.xml'), 'utf8');
    const unset = await readFile(join(root, 'a-none', 'dist', 'feed.xml'), 'utf8');
    expect(set).toContain('<updated>2023-11-14T22:13:20Z</updated>');
    expect(unset).toContain('<updated>2024-06-01T00:00:00Z</updated>');
  });
});
