/**
 * The end-to-end harness for issue 6's matrix: a fixed set of good seeds, a build of them
 * alone (the baseline), and builds of the good seeds plus one bad case, in fresh folders.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { build, type BuildReport } from '../../src/build/index.ts';
import { hashTree, tempDir } from '../helpers/tree.ts';

export const REPO = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'verbatim.js');
export const FIXTURES = join(REPO, 'tests', 'fixtures', 'site-seeds');
export const HOSTILE_FIXTURES = join(REPO, 'tests', 'fixtures', 'hostile');
export const SAMPLE = join(REPO, 'seeds', '000_4214a0f614e41956.txt');
/** The good seeds every matrix build includes, by file name. */
export const GOOD = ['000_4214a0f614e41956.txt', '2024-budget-reaction.md', '2024-budget-vote.txt', '2024-flood-warning.txt', 'undated-column.txt'];

/** Copy the good seeds into `dir`. */
export async function writeGoodSeeds(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of GOOD) await cp(name === GOOD[0] ? SAMPLE : join(FIXTURES, name), join(dir, name));
}

export interface Site {
  /** The temporary folder holding `seeds/`, `dist` and `cache/`. */
  readonly dir: string;
  readonly seeds: string;
  readonly out: string;
  readonly report: BuildReport;
  /** Output path → sha256 of every file of the published site (empty when nothing was published). */
  readonly tree: Map<string, string>;
  /** A file of the published site, as text. */
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

export type SeedFiles = Readonly<Record<string, string | Uint8Array>>;

/** Write `files` (relative paths) into `dir`. */
export async function writeSeeds(dir: string, files: SeedFiles): Promise<void> {
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), contents);
  }
}

/** Build the good seeds plus `extra` into a fresh folder (search off unless asked: it is slow and not under test). */
export async function buildSite(extra: SeedFiles, options: { search?: boolean; good?: boolean } = {}): Promise<Site> {
  const dir = await tempDir('hostile');
  const seeds = join(dir, 'seeds');
  if (options.good !== false) await writeGoodSeeds(seeds);
  await mkdir(seeds, { recursive: true });
  await writeSeeds(seeds, extra);
  const out = join(dir, 'dist');
  const report = await build({ seedsDir: seeds, outDir: out, cacheDir: join(dir, 'cache'), cwd: dir, search: options.search === true });
  const tree = report.published ? await hashTree(out) : new Map<string, string>();
  return {
    dir,
    seeds,
    out,
    report,
    tree,
    read: (path) => readFile(join(out, path), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

let baseline: Promise<Site> | null = null;
/** The good seeds built alone, once per test file. */
export function goodSite(): Promise<Site> {
  baseline ??= buildSite({});
  return baseline;
}

interface ApiIndex {
  readonly articles: readonly { readonly id: string; readonly slug: string; readonly url: string; readonly headline: string }[];
}

/** The site's `api/index.json`. */
export async function apiIndex(site: Site): Promise<ApiIndex> {
  return JSON.parse(await site.read('api/index.json')) as ApiIndex;
}

/** The output paths that belong to each good article: its page and its API record. */
export async function goodArticlePaths(): Promise<string[]> {
  const index = await apiIndex(await goodSite());
  const good = new Set(GOOD.map((name) => name.replace(/\.[^.]+$/, '')));
  const paths = index.articles.filter((a) => good.has(a.id)).flatMap((a) => [`articles/${a.slug}/index.html`, `api/articles/${a.slug}.json`]);
  if (paths.length !== GOOD.length * 2) throw new Error(`expected every good seed in the baseline, got ${JSON.stringify(index.articles.map((a) => a.id))}`);
  return paths;
}

/** Good articles' pages and API records whose bytes differ from the baseline (empty when all are unchanged). */
export async function changedGoodPages(site: Site): Promise<string[]> {
  const base = (await goodSite()).tree;
  return (await goodArticlePaths()).filter((path) => site.tree.get(path) !== base.get(path)).map((path) => `${path}: ${site.tree.has(path) ? 'differs' : 'missing'}`);
}

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly pid: number;
}

/** Run the real CLI (`node bin/verbatim.js …`) to completion. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; shell?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child =
      options.shell === undefined
        ? spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: options.env ?? process.env })
        : spawn('sh', ['-c', `${options.shell} "$@"`, 'sh', process.execPath, BIN, ...args], { cwd: options.cwd ?? REPO, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr, pid: child.pid ?? -1 }));
  });
}

/**
 * Every entry below `dir` without following links: path → sha256 of a file, `dir`, or `-> target`
 * for a symbolic link. For "nothing changed outside the output folder" checks.
 */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name);
    const stat = await lstat(path);
    const rel = relative(dir, path);
    if (stat.isSymbolicLink()) result.set(rel, `-> ${await readlink(path)}`);
    else if (stat.isDirectory()) result.set(rel, 'dir');
    else result.set(rel, createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return result;
}

/**
 * A private copy of the code (src, templates, bin; node_modules linked) for tests that compare
 * many builds over time: colleagues editing the shared tree must not change the site mid-test.
 * Returns the copy's `bin/verbatim.js`.
 */
export async function isolatedBin(dir: string): Promise<string> {
  for (const name of ['src', 'templates', 'bin', 'package.json', 'tsconfig.json']) await cp(join(REPO, name), join(dir, name), { recursive: true });
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return join(dir, 'bin', 'verbatim.js');
}
