/**
 * The search index: Pagefind (its binary comes from the npm package's optional dependency
 * `@pagefind/linux-x64`, run as its command line), in shards.
 *
 * Article pages are spread over `SEARCH_SHARDS` shards by a hash of their URL, so a shard's
 * membership never depends on other articles. Each shard is its own Pagefind index in
 * `pagefind/sNN/`; the search page merges them in the browser (Pagefind's `mergeIndex`),
 * reading the list of non-empty shards from `pagefind/shards.json`. A rebuild re-indexes only
 * the shards whose pages changed, and no indexer run ever holds the whole archive.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, rmSync, unlinkSync, type Dirent } from 'node:fs';
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/** How many shards the index is split into. Fixed, so shard membership is stable. */
export const SEARCH_SHARDS = 16;

/** The shard an article page belongs to. */
export function shardOf(url: string): number {
  return createHash('sha256').update(url).digest().readUInt32BE(0) % SEARCH_SHARDS;
}

/** `3` → `s03`. */
export function shardName(shard: number): string {
  return `s${String(shard).padStart(2, '0')}`;
}

export interface SearchPage {
  readonly url: string;
  /** Output path of its HTML, relative to the site folder. */
  readonly path: string;
  /** Fingerprint of the page (changes when its HTML would). */
  readonly fingerprint: string;
}

/** Group pages by shard and fingerprint each shard. */
export function planShards(pages: readonly SearchPage[]): Map<string, { pages: SearchPage[]; fingerprint: string }> {
  const groups = new Map<string, SearchPage[]>();
  for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    const name = shardName(shardOf(page.url));
    const list = groups.get(name) ?? [];
    list.push(page);
    groups.set(name, list);
  }
  const result = new Map<string, { pages: SearchPage[]; fingerprint: string }>();
  for (const name of [...groups.keys()].sort()) {
    const list = groups.get(name)!;
    const h = createHash('sha256');
    for (const page of list) h.update(page.url).update('\0').update(page.fingerprint).update('\0');
    result.set(name, { pages: list, fingerprint: h.digest('hex') });
  }
  return result;
}

/**
 * The Pagefind binary, found as the `pagefind` package finds it: `PAGEFIND_BINARY_PATH`, else
 * the extended or plain binary of this platform's `@pagefind/<platform>-<arch>` package.
 */
export function pagefindBinary(): string {
  const fromEnv = process.env['PAGEFIND_EXTENDED_BINARY_PATH'] ?? process.env['PAGEFIND_BINARY_PATH'];
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  const pkg = `@pagefind/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  const exe = (name: string): string => (platform() === 'win32' ? `${name}.exe` : name);
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`${pkg}/bin/${exe(name)}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`Pagefind's binary for ${platform()}-${arch()} is not installed (${pkg}); run npm ci, or set PAGEFIND_BINARY_PATH`);
}

/**
 * Index the HTML pages under `site` into `output` with Pagefind's command line, and return
 * how many pages it indexed. The command line writes the same bytes as the Node API, in about
 * half the time (measured on 600 article pages: 0.5–0.7 s, against 1.2 s through the API,
 * which sends every written file back over its pipe).
 */
function runPagefind(site: string, output: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(pagefindBinary(), ['--site', site, '--output-path', output, '--force-language', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer): void => {
      log = (log + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code) => {
      const indexed = /Indexed (\d+) pages?/.exec(log);
      if (code === 0 && indexed) done(Number(indexed[1]));
      else fail(new Error(`Pagefind failed (exit code ${code}) on ${site}:\n${log.trim().split('\n').slice(-12).join('\n')}`));
    });
  });
}

/**
 * Index one shard: its pages (already written under `siteDir`) into `pagefind/<name>/`,
 * replacing what was there. The pages are hard-linked at their own paths into the shard's
 * staging folder `<stageDir>/<name>/`, so Pagefind reads them from disk itself, on every core
 * (measured at 10,000 articles: 21 s, against 33 s sending each page's HTML through its API one
 * by one). One process per shard: one that indexes shard after shard keeps the memory of every
 * shard it has seen (860 MiB by the last).
 *
 * The staging folder outlives the build: its links are removed after indexing, its folders
 * are kept. Removing a folder costs a millisecond or more on this machine's ext4 (mounted with
 * `discard`), against some 15 µs for a link, and a shard has a folder for each of its ~600 pages.
 */
export async function indexShard(siteDir: string, name: string, pages: readonly SearchPage[], stageDir: string): Promise<void> {
  const root = join(siteDir, 'pagefind');
  const staging = join(stageDir, name);
  try {
    // Synchronous up to Pagefind's start (some 20–60 ms of this thread for a shard of ~600
    // pages, now that no folder is removed), so Pagefind is running by the time this function
    // first yields: a rebuild renders its other pages meanwhile, and asynchronous staging would
    // wait on an event loop that Eleventy's synchronous writes starve.
    rmSync(join(root, name), { recursive: true, force: true });
    unlinkFiles(staging); // links a killed build left
    const made = new Set<string>();
    for (const page of pages) {
      const target = join(staging, page.path);
      if (!made.has(dirname(target))) {
        mkdirSync(dirname(target), { recursive: true });
        made.add(dirname(target));
      }
      linkSync(join(siteDir, page.path), target);
    }
    const indexed = await runPagefind(staging, join(root, name));
    if (indexed !== pages.length) throw new Error(`Pagefind indexed ${indexed} of shard ${name}'s ${pages.length} pages`);
  } finally {
    try {
      unlinkFiles(staging);
    } catch {
      // left for the next run of this shard, which removes them first; never hides Pagefind's error
    }
  }
}

/** Remove every file under `dir` (if it exists), leaving its folders. */
export function unlinkFiles(dir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) if (!entry.isDirectory()) unlinkSync(join(entry.parentPath, entry.name));
}

/**
 * How many shards are indexed at once when nothing else runs: Pagefind's indexing of a shard
 * runs mostly on one core, and this machine class has two.
 */
export const INDEX_CONCURRENCY = 2;

/**
 * A queue of shards to index in the order they are added: one at a time while the build is
 * still rendering (Eleventy has the other core, and each indexer process adds its memory),
 * `INDEX_CONCURRENCY` at a time once `widen()` says rendering is over. `done()` settles when
 * everything added so far is indexed, and rejects with the first failure.
 */
export function shardIndexer(
  siteDir: string,
  stageDir: string,
  onIndexed: () => void = () => {},
): { add(name: string, pages: readonly SearchPage[]): void; widen(): void; done(): Promise<void> } {
  let concurrency = 1;
  const waiting: { name: string; pages: readonly SearchPage[] }[] = [];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const pump = (): void => {
    while (running.size < concurrency && waiting.length > 0 && failure === null) {
      const { name, pages } = waiting.shift()!;
      const task: Promise<void> = indexShard(siteDir, name, pages, stageDir).then(
        () => {
          running.delete(task);
          onIndexed();
          pump();
        },
        (error: unknown) => {
          running.delete(task);
          failure ??= { error };
        },
      );
      running.add(task);
    }
  };
  return {
    add(name, pages) {
      waiting.push({ name, pages });
      pump();
    },
    widen() {
      concurrency = INDEX_CONCURRENCY;
      pump();
    },
    async done() {
      while (running.size > 0) await Promise.all(running);
      if (failure !== null) throw failure.error;
    },
  };
}

/** Write `pagefind/shards.json`, the list of shards the search page merges. */
export async function writeShardList(siteDir: string, names: readonly string[]): Promise<void> {
  const root = join(siteDir, 'pagefind');
  await mkdir(root, { recursive: true });
  await replaceFile(join(root, 'shards.json'), `${JSON.stringify([...names].sort().map((n) => `/pagefind/${n}/`))}\n`);
}

/**
 * (Re-)index the given shards of the site in `siteDir`, remove shards that are gone, and
 * write `pagefind/shards.json`. Unchanged shards are left as they are.
 */
export async function indexShards(
  siteDir: string,
  stageDir: string,
  shards: ReadonlyMap<string, { pages: readonly SearchPage[]; fingerprint: string }>,
  dirty: ReadonlySet<string>,
  removed: readonly string[],
  progress: (stage: string, done: number, total: number) => void = () => {},
): Promise<void> {
  for (const name of removed) await rm(join(siteDir, 'pagefind', name), { recursive: true, force: true });
  const todo = [...dirty].sort();
  let done = 0;
  progress('search', 0, todo.length);
  const indexer = shardIndexer(siteDir, stageDir, () => progress('search', ++done, todo.length));
  indexer.widen();
  for (const name of todo) {
    const shard = shards.get(name);
    if (shard) indexer.add(name, shard.pages);
    else await rm(join(siteDir, 'pagefind', name), { recursive: true, force: true });
  }
  await indexer.done();
  await writeShardList(siteDir, [...shards.keys()]);
}

/** Write a file by replacing it (never writing through a hard link shared with an older generation). */
async function replaceFile(path: string, contents: string): Promise<void> {
  await unlink(path).catch(() => {});
  await writeFile(path, contents);
}
