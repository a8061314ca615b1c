/**
 * The `build` stage: the only place that touches the disk. It lists and reads the seeds,
 * runs each through the pipeline (or takes it from the cache), builds the archive and the
 * site plan, renders everything into a staging folder, indexes it for search and swaps it
 * in whole. A failed or killed build leaves the previous site as it was.
 */
import { createHash } from 'node:crypto';
import { statSync, type BigIntStats } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { processSeed } from '../pipeline.ts';
import { loadEleventy } from '../site/eleventy.ts';
import { planSite } from '../site/index.ts';
import type { SiteOptions } from '../site/types.ts';
import type { Archive, Message, Rejection } from '../types.ts';
import { collect, type Processed } from './collect.ts';
import { RecordCache } from './cache.ts';
import { ExtractPool } from './pool.ts';
import { RenderThread } from './render-thread.ts';
import { SeedIndex } from './seed-index.ts';
import { acquireLock, collectGarbage, currentGeneration, newGeneration, OUTPUT_ERROR_CODES, OutputError, outputLayout, OutputPlaceError, outputPlaceProblem, publish } from './fsutil.ts';
import { serializeDelta, serializeManifest, type Delta, type Manifest } from './incremental.ts';
import { codeHash, loadManifest, loadSpare, pipelineHash, rendererHash, startCopy, writeGeneration } from './generation.ts';

export { BuildLockedError, OutputError, OutputPlaceError, outputLayout, outputPlaceProblem } from './fsutil.ts';
export { DIRECTORY_FILE, listSeeds } from './collect.ts';

export interface BuildOptions {
  readonly seedsDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
  /** Absolute site URL for feeds and canonical links; default `http://localhost:8080`. */
  readonly baseUrl?: string;
  /** Warnings count as errors, and nothing is published when anything fails. */
  readonly strict?: boolean;
  /** Skip the search index (tests that don't need it). */
  readonly search?: boolean;
  /** Called with progress: stage name, done, total. */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** The working folder messages are relative to; default `process.cwd()`. */
  readonly cwd?: string;
  /** `SOURCE_DATE_EPOCH` (seconds), for a reproducible build date. */
  readonly sourceDateEpoch?: string;
  /**
   * Render a rebuild's pages on a worker thread that loads Eleventy while this thread loads the
   * records and plans (see `render-thread.ts`). For one-off processes (the CLI); a long-lived one
   * that builds again and again (the dev server, tests) has Eleventy loaded already.
   */
  readonly renderThread?: boolean;
}

export interface BuildReport {
  readonly published: boolean;
  readonly articles: number;
  readonly speakers: number;
  readonly quotes: number;
  /** Seeds that went through the pipeline; the others' records came from the cache. */
  readonly extracted: number;
  /** Seed files read; the others were known unchanged by their file status (see `seed-index.ts`). */
  readonly read: number;
  /** Pages rendered and machine files written: on a rebuild, only those that differ from the published site. */
  readonly written: number;
  /** Search shards (re-)indexed. */
  readonly indexed: number;
  /** Every content message, rejections included, in file order. */
  readonly messages: readonly Message[];
  readonly rejected: readonly Rejection[];
  readonly warnings: number;
  readonly ms: number;
  readonly outDir: string;
  /** Milliseconds spent in each step, in order (for `--timings` and the benchmark). */
  readonly timings: Readonly<Record<string, number>>;
}

/** The content hash of a seed, as the seed index keeps it. */
function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function cacheKey(pipeline: string, path: string, content: string): string {
  return createHash('sha256').update(`record 2\0${pipeline}\0${path}\0${content}`).digest('hex');
}

/** Cache misses handled in this thread before a worker pool is started (pool start-up costs more than a few seeds). */
const POOL_THRESHOLD = 48;

interface CachedProcessor {
  /** A seed's record, when the seed index knows its file unchanged and the cache has the record; else undefined. */
  unchanged(path: string, file: string): Processed | undefined;
  /** A seed's record: from the cache when its content and the pipeline are unchanged, else from the pipeline. */
  process(path: string, bytes: Uint8Array, file: string, stat: BigIntStats): Promise<Processed>;
  close(): Promise<void>;
  /** Seeds that went through the pipeline. */
  readonly extracted: number;
  /** Seed files read. */
  readonly read: number;
}

/**
 * A seed processor that uses the cache when the seed's content and the pipeline are unchanged,
 * and otherwise runs the pipeline: here for the first few misses, then on a worker pool. The
 * seed index (`seed-index.ts`) lets it skip reading seeds whose files have not changed.
 */
function cachedProcessor(cacheDir: string, seedsDir: string, pipeline: string, startedMs: number): CachedProcessor {
  const index = SeedIndex.open(cacheDir, seedsDir, startedMs);
  const cache = RecordCache.open<Processed>(cacheDir, pipeline); // holds the pack open until `close`
  let misses = 0;
  let read = 0;
  let pool: ExtractPool | null = null;
  return {
    unchanged(path, file) {
      const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
      if (stat === undefined) return undefined;
      const content = index.lookup(file, stat);
      return content === undefined ? undefined : cache.get(cacheKey(pipeline, path, content));
    },
    async process(path, bytes, file, stat) {
      read++;
      const content = contentHash(bytes);
      index.record(file, stat, content);
      const key = cacheKey(pipeline, path, content);
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      misses++;
      if (misses > POOL_THRESHOLD && pool === null) pool = new ExtractPool();
      if (pool === null) {
        const result = processSeed({ path, bytes });
        cache.put(key, JSON.stringify(result));
        return result;
      }
      const json = await pool.run(path, bytes);
      cache.put(key, json);
      return JSON.parse(json) as Processed;
    },
    async close() {
      try {
        await pool?.close();
      } finally {
        cache.close();
        index.save();
      }
    },
    get extracted() {
      return misses;
    },
    get read() {
      return read;
    },
  };
}

/** Write a file whole or not at all. */
async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/** The largest `SOURCE_DATE_EPOCH` a build date can be written for: 9999-12-31T23:59:59Z. */
const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/**
 * Why `value` cannot be a `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC, up to the end
 * of year 9999), or null when it can.
 *
 * @example
 *   sourceDateEpochProblem('99999999999999') // 'is after the end of year 9999 (the largest is 253402300799)'
 */
export function sourceDateEpochProblem(value: string): string | null {
  if (!/^\d+$/.test(value)) return 'is not a whole number of seconds since 1970-01-01';
  if (Number(value) > MAX_SOURCE_DATE_EPOCH) return `is after the end of year 9999 (the largest is ${MAX_SOURCE_DATE_EPOCH})`;
  return null;
}

/**
 * The build date: from SOURCE_DATE_EPOCH, else the newest article's date, else null. Never the clock.
 * Throws a `TypeError` for a `sourceDateEpoch` that `sourceDateEpochProblem` refuses.
 */
export function buildDate(archive: Archive, sourceDateEpoch?: string): string | null {
  if (sourceDateEpoch !== undefined) {
    const problem = sourceDateEpochProblem(sourceDateEpoch);
    if (problem !== null) throw new TypeError(`sourceDateEpoch ${JSON.stringify(sourceDateEpoch)} ${problem}`);
    return new Date(Number(sourceDateEpoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const newest = archive.articles.find((a) => a.date !== null)?.date;
  return newest ? `${newest}T00:00:00Z` : null;
}

/**
 * The `OutputError` behind `error` when it means the output cannot be written (full disk,
 * read-only folder), else null. Looks through wrappers: Eleventy reports a failed write as an
 * `EleventyTemplateError` whose `originalError` holds the file system's error.
 */
function asOutputError(error: unknown, fallbackPath: string): OutputError | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    // A failed copy names its source in `path` and the file it could not write in `dest`.
    const { code, path, dest } = current as NodeJS.ErrnoException & { dest?: string };
    if (code !== undefined && OUTPUT_ERROR_CODES.has(code)) return new OutputError(dest ?? path ?? fallbackPath, code, error);
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return null;
}

/**
 * Build the site. Throws `OutputPlaceError`, before anything is written, when `outDir` is a place
 * a build must not replace (see `outputPlaceProblem`).
 *
 * @example
 *   const report = await build({ seedsDir: 'seeds', outDir: 'dist', cacheDir: '.verbatim-cache' })
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const startedMs = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const progress = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  let mark = started;
  const lap = (step: string): void => {
    const now = performance.now();
    timings[step] = Math.round(now - mark);
    mark = now;
  };
  const layout = outputLayout(options.outDir);
  // Before anything is written: never replace the seeds, the working folder or a folder of the editor's.
  const problem = await outputPlaceProblem(layout, { seeds: options.seedsDir, cache: options.cacheDir, cwd: process.cwd() });
  if (problem !== null) throw new OutputPlaceError(problem);
  const release = await acquireLock(layout).catch((error: unknown) => {
    throw asOutputError(error, layout.state) ?? error;
  });
  let thread: RenderThread | null = null;
  const manifestFile = join(options.cacheDir, 'outputs', `${createHash('sha256').update(layout.out).digest('hex').slice(0, 16)}.manifest`);
  const spareFile = manifestFile.replace(/\.manifest$/, '.spare.manifest');
  const deltaFile = manifestFile.replace(/\.manifest$/, '.delta');
  try {
    const published = await currentGeneration(layout);
    const previous = await loadManifest(manifestFile, published);
    // Eleventy starts loading now: in this thread, or for a rebuild on a render thread.
    thread = options.renderThread === true && previous !== null ? new RenderThread() : null;
    if (thread === null) loadEleventy().catch(() => {}); // a failure to load surfaces when pages render
    const spare = await loadSpare(spareFile, deltaFile, published, previous);
    // Leftovers of earlier builds (a killed build's generation, a delete still running) are renamed
    // out of the way and deleted in the background: this build never waits on tens of thousands of files.
    await collectGarbage(layout, { background: true, keep: spare === null ? [] : [spare.generation] });

    // The code's hashes are taken now, as close as possible to when the code was loaded: a
    // template saved during a long build then counts as a change for the next build.
    const [pipeline, version] = await Promise.all([
      pipelineHash(),
      Promise.all([rendererHash(), codeHash()]).then(([renderer, code]) => ({ renderer, code, verifyKeys: process.env.VERBATIM_VERIFY_KEYS === '1' })),
    ]);

    // The rebuild's copy of the published site, if it needs one, starts now on the other core.
    const generation = newGeneration(layout);
    const copy = startCopy(previous, spare, version.renderer, generation);
    copy?.catch(() => {}); // awaited where it is used; not an unhandled rejection meanwhile
    /** Remove the unpublished generation (once its copy has finished and the render thread is stopped). */
    const discard = async (): Promise<void> => {
      await thread?.close();
      await copy?.catch(() => {});
      await rm(generation, { recursive: true, force: true }).catch(() => {});
    };

    let summary: Omit<BuildReport, 'published' | 'written' | 'indexed' | 'ms'>;
    let written: number;
    let indexed: number;
    let manifestText: string;
    let delta: Delta | null;
    /** Past this point, failures are the output's (a full disk, a read-only folder) and reported as such. */
    let writing = false;
    try {
      // read → parse → quotes → speakers, per seed (cached), then the archive
      const processor = cachedProcessor(options.cacheDir, options.seedsDir, pipeline, startedMs);
      const { archive, rejected, messages, directoryFailed } = await collect(options.seedsDir, cwd, processor.process, progress, processor.unchanged).finally(
        () => processor.close(),
      );
      lap('extract');
      const warnings = messages.filter((m) => m.severity === 'warning').length;
      const failed = rejected.length > 0 || directoryFailed || (options.strict === true && warnings > 0);
      const quotes = archive.articles.reduce((n, a) => n + a.quotes.length, 0);
      summary = { articles: archive.articles.length, speakers: archive.speakers.length, quotes, extracted: processor.extracted, read: processor.read, messages, rejected, warnings, outDir: options.outDir, timings };

      if (options.strict === true && failed) {
        await discard();
        return { ...summary, published: false, written: 0, indexed: 0, ms: performance.now() - started };
      }

      // archive → site, rendered into the new generation, then swapped in
      const siteOptions: SiteOptions = {
        baseUrl: (options.baseUrl ?? 'http://localhost:8080').replace(/\/+$/, ''),
        buildDate: buildDate(archive, options.sourceDateEpoch),
        title: 'Verbatim',
      };
      const plan = planSite(archive, siteOptions);
      lap('plan');
      let manifest: Manifest;
      writing = true;
      ({ manifest, delta, written, indexed } = await writeGeneration(plan, version, { previous, spare, copy, thread }, generation, layout.state, options.search !== false, progress, lap));
      manifestText = serializeManifest(manifest); // before publishing: a failure here leaves the old site and its manifest
      await publish(layout, generation);
    } catch (error) {
      await discard();
      throw (writing ? asOutputError(error, options.outDir) : null) ?? error;
    }
    // The generation that was published until now becomes the spare the next build recycles:
    // its manifest file is renamed (it is `previous`, as read), not written again.
    if (previous !== null) await rename(manifestFile, spareFile);
    else await rm(spareFile, { force: true });
    await writeText(manifestFile, manifestText);
    // What this build changed from the new spare, so the next one can catch it up without its manifest.
    if (delta !== null && delta.from === previous?.generation) await writeText(deltaFile, serializeDelta(delta));
    else await rm(deltaFile, { force: true });
    // Manifests of the JSON format before this one are never read again.
    for (const legacy of ['.json', '.spare.json']) await rm(manifestFile.replace(/\.manifest$/, legacy), { force: true });
    await collectGarbage(layout, { background: true, keep: previous === null ? [] : [previous.generation] });
    lap('publish');
    return { ...summary, published: true, written, indexed, ms: performance.now() - started };
  } finally {
    await thread?.close();
    await release();
  }
}
