/**
 * The output folder, made atomic.
 *
 * `dist` is a symbolic link to a complete generation of the site, kept beside it in
 * `.dist.verbatim/gen-*`. A build writes a new generation, then points `dist` at it with one
 * `rename(2)` of a fresh link over the old one: readers (and web servers) see either the old
 * site or the new one, never a mix, even if the build is killed at any moment. Leftover
 * generations and the lock of a dead build are cleaned up by the next build.
 */
import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { lstat, mkdir, open, readFile, readdir, readlink, rename, rm, rmdir, symlink, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { unlinkFiles } from './search.ts';

/** Thrown when another build holds the output folder's lock. */
export class BuildLockedError extends Error {
  override readonly name = 'BuildLockedError';
  constructor(readonly lockPath: string, readonly pid: number) {
    super(`another build (pid ${pid}) is writing this site; wait for it to finish, or delete ${lockPath} if that process is gone`);
  }
}

/** Thrown when the output cannot be written (full disk, read-only folder, …). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(readonly path: string, readonly code: string, cause: unknown) {
    super(`cannot write ${path} (${code}); the previous site is untouched. ${hint(code)}`, { cause });
  }
}

function hint(code: string): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'Free some disk space and build again.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Make the output folder’s parent writable, or choose another --out.';
  return 'Check the path and build again.';
}

/** Thrown when the output folder names a place a build must not replace (the seeds, a folder of the editor's). */
export class OutputPlaceError extends Error {
  override readonly name = 'OutputPlaceError';
}

/** Error codes that mean "the output cannot be written", as opposed to a bug. */
export const OUTPUT_ERROR_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS']);

/** True when a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the `<name>.<pid>.tmp` files of a cache folder whose writer is gone (a build killed
 * between writing a file and renaming it into place). Those of live processes are theirs. Pids
 * are this machine's: with a cache shared between machines, another machine's file may go, which
 * costs that build its write (the cache is only a cache), never a wrong result.
 */
export function removeDeadTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** Where an output folder keeps its generations, lock and search staging folder. */
export interface OutputLayout {
  /** The output path the editor named (a symbolic link once built). */
  readonly out: string;
  /** `.<name>.verbatim/` beside it. */
  readonly state: string;
  readonly lock: string;
}

/** The folder in the state folder where search shards are staged for Pagefind (see `indexShard`); kept between builds. */
export const SEARCH_STAGE = 'search-stage';

export function outputLayout(outDir: string): OutputLayout {
  const out = resolve(outDir);
  const state = join(dirname(out), `.${basename(out)}.verbatim`);
  return { out, state, lock: join(state, 'lock') };
}

/**
 * Take the output folder's lock (an exclusive file holding our pid).
 * A lock left by a dead process is taken over. Returns a release function.
 */
export async function acquireLock(layout: OutputLayout): Promise<() => Promise<void>> {
  await mkdir(layout.state, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(layout.lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(layout.lock).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(layout.lock, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new BuildLockedError(layout.lock, pid);
      await unlink(layout.lock).catch(() => {});
      // The build that held it was killed, perhaps while Pagefind read a shard's staged links:
      // they would stay until that shard is indexed again.
      try {
        unlinkFiles(join(layout.state, SEARCH_STAGE));
      } catch {
        // left for the next run of that shard, which removes them first
      }
    }
  }
  throw new Error(`could not take the build lock ${layout.lock}`);
}

/** The generation folder `out` points at now, or null (no site yet, or `out` is a plain folder). */
export async function currentGeneration(layout: OutputLayout): Promise<string | null> {
  try {
    const target = await readlink(layout.out);
    return resolve(dirname(layout.out), target);
  } catch {
    return null;
  }
}

/** True when `target` (a link's target, resolved) is one of Verbatim's generations of this output. */
function isGeneration(layout: OutputLayout, target: string): boolean {
  return dirname(target) === layout.state && basename(target).startsWith('gen-');
}

/** `path` with every link in it resolved, as far as it exists (the rest as written). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** True when `path` is `folder` or inside it. */
function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Why `out` itself (as it is on disk now) must not be replaced by a build, or null when it may:
 * it is absent, an empty folder, or a link to one of Verbatim's generations (`.<name>.verbatim/gen-*`).
 * A folder with files, a file, or a link Verbatim did not make is the editor's, and never touched.
 */
async function ownOutputProblem(layout: OutputLayout, shown: string): Promise<string | null> {
  const stat = await lstat(layout.out).catch(() => null);
  if (stat === null) return null;
  if (stat.isSymbolicLink()) {
    const target = await readlink(layout.out);
    if (isGeneration(layout, resolve(dirname(layout.out), target))) return null;
    return `--out ${shown} is a link to ${target} that Verbatim did not make, and a build would replace it; remove the link yourself, or choose another --out`;
  }
  if (!stat.isDirectory()) return `--out ${shown} is a file, not a folder; choose another --out`;
  if ((await readdir(layout.out)).length === 0) return null;
  return `--out ${shown} is a folder with files in it that Verbatim did not make, and a build would replace it; move its files elsewhere (or delete it if it is an old build), or choose another --out`;
}

/**
 * Why a build must not publish to `layout.out`, or null when it may. It must not replace the
 * working folder or a folder above it, hold the seeds or the cache, lie inside the seeds (its
 * files would be read as seeds), or be anything Verbatim did not make (see `ownOutputProblem`).
 * `shown` is how the message names the output (as the editor typed it). Nothing is written.
 *
 * @example
 *   await outputPlaceProblem(outputLayout('.'), { seeds: 'seeds', cache: '.verbatim-cache', cwd: process.cwd() }, '.')
 *   // '--out . is the working folder …'
 */
export async function outputPlaceProblem(
  layout: OutputLayout,
  others: { readonly seeds: string; readonly cache: string; readonly cwd: string },
  shown: string = layout.out,
): Promise<string | null> {
  const clash = placeClash(layout.out, others);
  if (clash !== null) {
    const better = ['dist', 'site', join('..', `${basename(resolve(others.cwd))}-site`)].find((c) => {
      const candidate = resolve(others.cwd, c);
      return candidate !== layout.out && placeClash(candidate, others) === null && isFreeForOutput(candidate);
    });
    return `--out ${shown} ${clash}; choose a folder of its own for the site${better === undefined ? '' : `, e.g. --out ${better}`}`;
  }
  return ownOutputProblem(layout, shown);
}

/** True when nothing is at `path`, or an empty folder, or Verbatim's own link (a suggestion may name it). */
function isFreeForOutput(path: string): boolean {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return isGeneration(outputLayout(path), resolve(dirname(path), readlinkSync(path)));
    return stat.isDirectory() && readdirSync(path).length === 0;
  } catch {
    return true;
  }
}

/**
 * How an output folder at `out` (absolute) would overlap the working folder, the seeds or the
 * cache, or null. Paths are compared as written and with links resolved; `out` itself is also
 * followed, as it is Verbatim's link once built (a cache given as `dist/.cache` is then inside a generation).
 */
function placeClash(out: string, others: { readonly seeds: string; readonly cache: string; readonly cwd: string }): string | null {
  const outs = [out, join(realPath(dirname(out)), basename(out)), realPath(out)];
  const forms = (path: string): string[] => [resolve(others.cwd, path), realPath(resolve(others.cwd, path))];
  const holds = (path: string): boolean => forms(path).some((p) => outs.some((o) => isWithin(p, o)));
  const seeds = forms(others.seeds);
  if (forms(others.cwd).some((p) => outs.some((o) => isWithin(p, o)))) return 'is the working folder or a folder above it, and a build would replace it';
  if (seeds.some((p) => outs.includes(p))) return 'is the seeds folder, and a build would replace it';
  if (holds(others.seeds)) return `holds the seeds folder ${others.seeds}, and a build would replace it`;
  if (outs.some((o) => seeds.some((p) => isWithin(o, p)))) return `is inside the seeds folder ${others.seeds}, so the site would be read as seeds`;
  if (holds(others.cache)) return `holds the cache folder ${others.cache}, and a build would replace it`;
  return null;
}

/** A new, empty generation folder's path (not created). */
export function newGeneration(layout: OutputLayout): string {
  return join(layout.state, `gen-${Date.now().toString(36)}-${process.pid}`);
}

/**
 * Remove what earlier builds left behind: every generation and folder that `out` does not
 * point at, except those in `keep` (the spare generation a rebuild recycles), the lock and
 * the search staging folder (`SEARCH_STAGE`).
 * Call only while holding the lock.
 *
 * With `background`, the folders are first renamed to `trash-*` (instant, so no stale
 * generation is ever visible) and deleted by a detached `rm` that outlives this process:
 * deleting tens of thousands of files takes seconds the editor need not wait for. Any
 * `trash-*` a background delete did not finish is removed by the next build.
 */
export async function collectGarbage(layout: OutputLayout, options: { background?: boolean; keep?: readonly string[] } = {}): Promise<void> {
  const current = await currentGeneration(layout);
  const keep = new Set([current, ...(options.keep ?? [])].map((path) => (path === null ? null : resolve(path))));
  let names: string[];
  try {
    names = await readdir(layout.state);
  } catch {
    return;
  }
  const garbage = names.filter((name) => name !== 'lock' && name !== SEARCH_STAGE && !keep.has(join(layout.state, name)));
  if (options.background !== true) {
    for (const name of garbage) await rm(join(layout.state, name), { recursive: true, force: true });
    return;
  }
  const trash: string[] = [];
  for (const name of garbage) {
    const path = join(layout.state, name.startsWith('trash-') ? name : `trash-${name}`);
    if (!name.startsWith('trash-')) await rename(join(layout.state, name), path);
    trash.push(path);
  }
  if (trash.length === 0) return;
  try {
    const child = spawn('rm', ['-rf', '--', ...trash], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no `rm`: the next build removes the trash
  }
}

/**
 * Point `out` at a finished generation, atomically: a new symbolic link is made beside it
 * and renamed over the old one. The first time, `out` is absent or an empty folder (which is
 * removed first); anything else at `out` is refused with an `OutputPlaceError`, never moved
 * or deleted (`outputPlaceProblem` says so before the build starts).
 */
export async function publish(layout: OutputLayout, generation: string): Promise<void> {
  const problem = await ownOutputProblem(layout, layout.out);
  if (problem !== null) throw new OutputPlaceError(problem);
  const stat = await lstat(layout.out).catch(() => null);
  if (stat?.isDirectory() === true) await rmdir(layout.out); // empty, as just checked; fails rather than delete a file put there since
  const link = join(layout.state, `link-${process.pid}`);
  await rm(link, { force: true });
  const target = join(basename(layout.state), basename(generation));
  await symlink(target, link);
  await rename(link, layout.out);
}
