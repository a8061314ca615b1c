/**
 * Writing one generation of the site: from scratch, or from the previous generation plus
 * only what changed (see `incremental.ts`).
 */
import { spawn } from 'node:child_process';
import { link, mkdir, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_VERSION } from '../pipeline.ts';
import { SEARCH_STAGE } from './fsutil.ts';
import { checkUrl, loadEleventy, renderPages, writeFiles } from '../site/eleventy.ts';
import type { SitePage, SitePlan } from '../site/types.ts';
import { diffOutputs, hashFolders, outputPathOf, parseDelta, parseManifest, type CodeVersion, type Delta, type Manifest } from './incremental.ts';
import { indexShards, planShards, shardIndexer, writeShardList, type SearchPage } from './search.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Which page templates are indexed for search. */
export const SEARCH_TEMPLATES: ReadonlySet<string> = new Set(['article']);

/**
 * The pipeline's version, Node's and its Unicode data's (sentence breaks, normalisation), and
 * the given packages' versions.
 */
async function versionsOf(packages: readonly string[]): Promise<string[]> {
  const versions: string[] = [PIPELINE_VERSION, `node@${process.versions.node}`, `icu@${process.versions.icu}`, `unicode@${process.versions.unicode}`];
  for (const pkg of packages) {
    const json = JSON.parse(await readFile(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
    versions.push(`${pkg}@${json.version}`);
  }
  return versions;
}

/** Hash of everything that turns page data into bytes: templates, site code, library versions. */
export async function rendererHash(): Promise<string> {
  return hashFolders([join(ROOT, 'templates'), join(ROOT, 'src', 'site')], await versionsOf(['@11ty/eleventy', 'pagefind']));
}

/** Hash of all the code and the libraries the site is made with: keyed outputs are comparable only under the same one. */
export async function codeHash(): Promise<string> {
  return hashFolders(
    [join(ROOT, 'src'), join(ROOT, 'templates')],
    await versionsOf(['@11ty/eleventy', 'pagefind', 'gray-matter', 'yaml', 'unified', 'remark-parse', 'remark-html']),
  );
}

/**
 * Hash of everything that turns a seed into its cached record: the per-article stages' code
 * and the libraries they use. Part of every cache key, so a changed stage never serves a stale record.
 */
export async function pipelineHash(): Promise<string> {
  const src = join(ROOT, 'src');
  return hashFolders(
    [join(src, 'read'), join(src, 'parse'), join(src, 'quotes'), join(src, 'speakers')],
    [
      ...(await versionsOf(['gray-matter', 'yaml', 'unified', 'remark-parse', 'remark-html'])),
      ...(await Promise.all(['pipeline.ts', 'types.ts', 'messages.ts'].map((f) => readFile(join(src, f), 'utf8')))),
    ],
  );
}

/** A manifest file, if it is readable, of this version, and its generation folder still exists. */
async function readManifest(file: string): Promise<Manifest | null> {
  try {
    const manifest = parseManifest(await readFile(file, 'utf8'));
    return manifest !== null && (await isFolder(manifest.generation)) ? manifest : null;
  } catch {
    return null;
  }
}

/** The previous build's manifest, if it describes the generation that is published now. */
export async function loadManifest(file: string, published: string | null): Promise<Manifest | null> {
  if (published === null) return null;
  const manifest = await readManifest(file);
  return manifest?.generation === published ? manifest : null;
}

/**
 * The spare: the generation published before the current one, kept whole so the next rebuild
 * can bring it up to date in place instead of copying the current one. It is brought level
 * (`catchUp`) by its `delta` when the last build left one leading from it to the published
 * generation, else by comparing its manifest with the published one's.
 */
export interface Spare {
  readonly generation: string;
  readonly renderer: string;
  /** What the build that published the current generation changed, starting from this one. */
  readonly delta: Delta | null;
  /** Its manifest, read only when there is no such delta (or no usable published manifest). */
  readonly manifest: Manifest | null;
}

async function readDelta(file: string): Promise<Delta | null> {
  try {
    return parseDelta(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The spare, if there is one. Its delta serves when it leads from the spare's folder (still
 * there) to the published generation, whose manifest `previous` is, under the same renderer;
 * else the spare's manifest is read. Null when there is no spare, or it is the published
 * generation, or its folder is gone (a build that recycled it was killed).
 */
export async function loadSpare(spareFile: string, deltaFile: string, published: string | null, previous: Manifest | null): Promise<Spare | null> {
  const delta = previous === null ? null : await readDelta(deltaFile);
  if (delta !== null && delta.to === published && delta.from !== published && delta.renderer === previous?.renderer && (await isFolder(delta.from))) {
    return { generation: delta.from, renderer: delta.renderer, delta, manifest: null };
  }
  const manifest = await readManifest(spareFile);
  return manifest !== null && manifest.generation !== published ? { generation: manifest.generation, renderer: manifest.renderer, delta: null, manifest } : null;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

/** Copy a folder as hard links (`cp -al`, with a portable fallback). */
async function linkTree(from: string, to: string): Promise<void> {
  const ok = await new Promise<boolean>((done) => {
    const child = spawn('cp', ['-al', from, to], { stdio: 'ignore' });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
  if (ok) return;
  await rm(to, { recursive: true, force: true });
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    if (entry.isDirectory()) await mkdir(target, { recursive: true });
    else {
      await mkdir(dirname(target), { recursive: true });
      await link(source, target);
    }
  }
}

async function unlinkIfThere(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Remove a file and then its parent folders while they are empty (up to `root`). */
async function removeOutput(root: string, path: string): Promise<void> {
  await unlinkIfThere(join(root, path));
  let dir = dirname(join(root, path));
  while (dir.startsWith(root + '/')) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/**
 * Bring a recycled spare (now at `generation`) level with the published generation `published`:
 * every output and search shard that differs is replaced by a hard link to the published one,
 * and what the published generation no longer has is removed. What differs is the spare's
 * delta when it has one (what the last build changed), else what the two manifests disagree
 * on. Linking costs a system call a file, so a rebuild renders only what changed since the
 * last build, not what changed over the last two. Files are replaced, never written through.
 */
async function catchUp(generation: string, spare: Spare, published: Manifest): Promise<void> {
  const { delta, manifest } = spare;
  let removed: Iterable<string>;
  let changed: Iterable<string>;
  let shards: Iterable<string>;
  if (delta !== null) ({ removed, changed, shards } = delta);
  else if (manifest !== null) {
    removed = [...manifest.outputs.keys()].filter((path) => !published.outputs.has(path));
    changed = [...published.outputs].filter(([path, fingerprint]) => manifest.outputs.get(path) !== fingerprint).map(([path]) => path);
    shards = [...new Set([...Object.keys(manifest.shards), ...Object.keys(published.shards)])].filter((name) => manifest.shards[name] !== published.shards[name]);
  } else throw new TypeError('catchUp: a spare has a delta or a manifest');
  for (const path of removed) await removeOutput(generation, path);
  for (const path of changed) {
    const target = join(generation, path);
    await mkdir(dirname(target), { recursive: true });
    await unlink(target).catch(() => {});
    await link(join(published.generation, path), target);
  }
  for (const name of shards) {
    const target = join(generation, 'pagefind', name);
    await rm(target, { recursive: true, force: true });
    if (name in published.shards) await linkTree(join(published.generation, 'pagefind', name), target);
  }
}

/**
 * Pages per Eleventy run: bounds memory, and Eleventy's per-run bookkeeping grows faster than
 * linearly. A cold build of 10,000 articles (43,000 outputs) peaked at 756–768 MiB for the whole
 * process tree with 1,000, against 812–961 MiB with 2,000, and took no longer (45.8–53.1 s against
 * 53.6–55.4 s, three runs each on a noisy disk).
 */
export const RENDER_CHUNK = 1000;

/**
 * The article pages of a cold build in render batches of whole search shards (at least half
 * `RENDER_CHUNK` pages each), so each batch's shards can be indexed as soon as it is written.
 * Without search, plain chunks with no shards.
 */
function articleBatches(
  pages: readonly SitePage[],
  shards: ReadonlyMap<string, { pages: readonly SearchPage[] }>,
  search: boolean,
): { pages: SitePage[]; shards: string[] }[] {
  const articles = pages.filter((page) => SEARCH_TEMPLATES.has(page.template));
  const batches: { pages: SitePage[]; shards: string[] }[] = [];
  if (!search) {
    for (let start = 0; start < articles.length; start += RENDER_CHUNK) batches.push({ pages: articles.slice(start, start + RENDER_CHUNK), shards: [] });
    return batches;
  }
  const byUrl = new Map(articles.map((page) => [page.url, page]));
  let batch: { pages: SitePage[]; shards: string[] } = { pages: [], shards: [] };
  for (const [name, shard] of shards) {
    batch.shards.push(name);
    for (const page of shard.pages) batch.pages.push(byUrl.get(page.url)!);
    if (batch.pages.length >= RENDER_CHUNK / 2) {
      batches.push(batch);
      batch = { pages: [], shards: [] };
    }
  }
  if (batch.shards.length > 0) batches.push(batch);
  return batches;
}

/** Renders pages into a folder: `renderPages` here, or on a `RenderThread`. */
export type Render = (pages: readonly SitePage[], outDir: string) => Promise<void>;

/**
 * Pages a rebuild may render on a `RenderThread` (their data is cloned to it); a rebuild with
 * more (new templates re-render everything) renders in this thread, as a cold build does.
 */
export const RENDER_THREAD_LIMIT = 5000;

async function renderInChunks(
  render: Render,
  pages: readonly SitePage[],
  dir: string,
  offset: number,
  total: number,
  progress: (stage: string, done: number, total: number) => void,
): Promise<void> {
  for (let start = 0; start < pages.length; start += RENDER_CHUNK) {
    await render(pages.slice(start, start + RENDER_CHUNK), dir);
    progress('render', offset + Math.min(start + RENDER_CHUNK, pages.length), total);
  }
}

/**
 * Start hard-linking the published generation into `generation` (`cp -al`, in a process of
 * its own) when the coming rebuild will need that copy: when there is a published generation
 * of the same renderer and no spare to recycle (the first rebuild after a cold build). The
 * copy runs on the other core while this thread extracts and plans; at 10,000 articles it
 * takes some 2.6 s (17,700 folders, 53,900 links). Null when no copy is needed.
 */
export function startCopy(previous: Manifest | null, spare: Spare | null, renderer: string, generation: string): Promise<void> | null {
  const { recycled, usable } = startingPoint(previous, spare, renderer);
  return recycled === null && usable !== null ? linkTree(usable.generation, generation) : null;
}

/**
 * What a build starts from: the spare to recycle, if it has this renderer, and the manifest
 * to compare against (the published generation's when it has this renderer, else the spare's).
 * Both `startCopy` and `writeGeneration` decide by this, so a copy is started exactly when
 * `writeGeneration` will use one.
 */
function startingPoint(previous: Manifest | null, spare: Spare | null, renderer: string): { recycled: Spare | null; usable: Manifest | null } {
  const recycled = spare !== null && spare.renderer === renderer ? spare : null;
  const current = previous !== null && previous.renderer === renderer ? previous : null;
  // A recycled spare is first brought level with the published generation (see `catchUp`), so
  // the pages to render are those that differ from the published site, not from the spare.
  // (A spare is read with only its delta when `previous` is usable, so `usable` is then `current`.)
  return { recycled, usable: current ?? recycled?.manifest ?? null };
}

/**
 * Write a complete generation of the site into `generation` (which must not exist).
 * - With a usable `spare` (an unpublished older generation and its manifest), the spare is
 *   renamed to `generation`, brought level with the published generation by hard links
 *   (`catchUp`), and then only what differs from the published site is written.
 * - Else, with a usable `previous` manifest (the published generation), that generation is
 *   hard-linked (`cp -al`) and only what changed is written.
 * - Else everything is rendered.
 * `lap` is called as each step ends (diff, render, search; in a cold build the search index is
 * written while pages render, and `search` is the wait for it after). Returns the new manifest
 * and how much was written: pages rendered plus machine files, and search shards indexed.
 */
export async function writeGeneration(
  plan: SitePlan,
  version: CodeVersion,
  {
    previous,
    spare,
    copy = null,
    thread = null,
  }: {
    readonly previous: Manifest | null;
    readonly spare: Spare | null;
    /** `startCopy`'s copy of `previous` into `generation`, under way. */
    readonly copy?: Promise<void> | null;
    /**
     * Where a rebuild renders, if not in this thread (a `RenderThread`); see `RENDER_THREAD_LIMIT`.
     * Closed at once when it will not be used (a cold build, or too many pages), to free its memory.
     */
    readonly thread?: { render: Render; close(): Promise<void> } | null;
  },
  generation: string,
  stateDir: string,
  search: boolean,
  progress: (stage: string, done: number, total: number) => void,
  lap: (step: string) => void = () => {},
): Promise<{ manifest: Manifest; delta: Delta | null; written: number; indexed: number }> {
  const { renderer } = version;
  const { recycled, usable } = startingPoint(previous, spare, renderer);
  const diff = diffOutputs(plan, version, usable);
  lap('diff');
  const render: Render = thread !== null && usable !== null && diff.pages.length <= RENDER_THREAD_LIMIT ? (pages, dir) => thread.render(pages, dir) : renderPages;
  if (thread !== null && render === renderPages) {
    await thread.close();
    loadEleventy().catch(() => {}); // while the rest is set up; a failure surfaces when pages render
  }

  const searchPages: SearchPage[] = plan.pages
    .filter((page) => SEARCH_TEMPLATES.has(page.template))
    .map((page) => {
      const path = outputPathOf(page.url);
      return { url: page.url, path, fingerprint: diff.outputs.get(path)! };
    });
  const shards = search ? planShards(searchPages) : new Map<string, { pages: SearchPage[]; fingerprint: string }>();
  const before = usable?.shards ?? {};
  const dirty = new Set([...shards].filter(([name, shard]) => before[name] !== shard.fingerprint).map(([name]) => name));
  const gone = Object.keys(before).filter((name) => !shards.has(name));
  const index = (): Promise<void> =>
    search ? indexShards(generation, join(stateDir, SEARCH_STAGE), shards, dirty, gone, progress) : rm(join(generation, 'pagefind'), { recursive: true, force: true });

  if (usable === null) {
    // Cold: render straight into the new generation. Article pages go first, a few search
    // shards' worth at a time, and each batch's shards are queued for indexing as soon as they
    // are written. Staging a shard is synchronous (see `indexShard`), so its Pagefind runs beside
    // Eleventy, one shard at a time while rendering goes on and two after. (Staged asynchronously,
    // it waited on the event loop, which Eleventy starves, and all the indexing ran after rendering.)
    await mkdir(generation, { recursive: true });
    const batches = articleBatches(diff.pages, shards, search);
    const others = diff.pages.filter((page) => !SEARCH_TEMPLATES.has(page.template));
    let rendered = 0;
    let indexed = 0;
    progress('search', 0, shards.size);
    const indexer = shardIndexer(generation, join(stateDir, SEARCH_STAGE), () => progress('search', ++indexed, shards.size));
    try {
      for (const batch of batches) {
        await renderPages(batch.pages, generation);
        rendered += batch.pages.length;
        progress('render', rendered, diff.pages.length);
        for (const name of batch.shards) indexer.add(name, shards.get(name)!.pages);
      }
      await renderInChunks(renderPages, others, generation, rendered, diff.pages.length, progress);
      await writeFiles(diff.files, generation);
    } catch (error) {
      // Never leave an indexer writing into a generation the caller is about to delete.
      await indexer.done().catch(() => {});
      throw error;
    }
    lap('render');
    indexer.widen();
    await indexer.done();
    if (search) await writeShardList(generation, [...shards.keys()]);
    else await rm(join(generation, 'pagefind'), { recursive: true, force: true });
    lap('search');
  } else {
    // Rebuild: start from the spare (renamed: it is not published, and one rename is instant)
    // or from a hard-linked copy of the published generation; drop what is gone, and render what
    // changed in place. Every file to be written is unlinked first, so nothing is written through
    // a link shared with the published generation. (Rendering into scratch space and moving the
    // files in cost a directory removal a page: on this machine's ext4, a millisecond or more each.)
    if (recycled !== null) {
      await rename(recycled.generation, generation);
      if (usable !== recycled.manifest) await catchUp(generation, recycled, usable);
    } else await (copy ?? linkTree(usable.generation, generation));
    for (const path of diff.removed) await removeOutput(generation, path);
    for (const page of diff.pages) checkUrl(page.url); // before anything is unlinked
    for (const page of diff.pages) await unlinkIfThere(join(generation, outputPathOf(page.url)));
    // The article pages first: the search index needs only them, so it is made (by Pagefind, in
    // processes of its own, on the other core) while the rest of the pages render.
    const articles = diff.pages.filter((page) => SEARCH_TEMPLATES.has(page.template));
    const others = diff.pages.filter((page) => !SEARCH_TEMPLATES.has(page.template));
    await renderInChunks(render, articles, generation, 0, diff.pages.length, progress);
    const searching = index();
    searching.catch(() => {}); // handled below, after rendering; not an unhandled rejection meanwhile
    try {
      await renderInChunks(render, others, generation, articles.length, diff.pages.length, progress);
      await writeFiles(diff.files, generation);
    } catch (error) {
      // Never leave an indexer writing into a generation the caller is about to delete.
      await searching.catch(() => {});
      throw error;
    }
    lap('render');
    await searching;
    lap('search');
  }

  const manifest: Manifest = {
    version: 2,
    generation,
    renderer,
    outputs: diff.outputs,
    shards: Object.fromEntries([...shards].map(([name, shard]) => [name, shard.fingerprint])),
    code: version.code,
    keys: diff.keys,
  };
  const delta: Delta | null =
    usable === null
      ? null
      : {
          version: 1,
          from: usable.generation,
          to: generation,
          renderer,
          changed: [...diff.pages.map((page) => outputPathOf(page.url)), ...diff.files.map((file) => file.path)],
          removed: diff.removed,
          shards: [...dirty, ...gone],
        };
  return { manifest, delta, written: diff.pages.length + diff.files.length, indexed: search ? dirty.size : 0 };
}
