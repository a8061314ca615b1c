/**
 * File-system helpers for the build: the lock, staging folders and the swap.
 * Everything that can leave state behind is named after the output folder so the
 * next build can find and clean it.
 */
import { mkdir, open, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
  if (code === 'ENOSPC') return 'Free some disk space and build again.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Make the output folder’s parent writable, or choose another --out.';
  return 'Check the path and build again.';
}

/** True when a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Paths that belong to an output folder. */
export function outputPaths(outDir: string): { lock: string; staging: (pid: number) => string; old: (pid: number) => string; parent: string; prefix: string } {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.verbatim-`;
  return {
    parent,
    prefix,
    lock: join(parent, `${prefix}lock`),
    staging: (pid) => join(parent, `${prefix}staging-${pid}`),
    old: (pid) => join(parent, `${prefix}old-${pid}`),
  };
}

/**
 * Take the output folder's lock (an exclusive file holding our pid).
 * A lock left by a dead process is taken over. Returns a release function.
 */
export async function acquireLock(outDir: string): Promise<() => Promise<void>> {
  const { lock, parent } = outputPaths(outDir);
  await mkdir(parent, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(lock).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && pid !== process.pid) throw new BuildLockedError(lock, pid);
      await unlink(lock).catch(() => {});
    }
  }
  throw new Error(`could not take the build lock ${lock}`);
}

/**
 * Remove what killed builds left behind: staging folders of dead processes, and
 * restore the previous site if a build died between the two renames of a swap.
 */
export async function recover(outDir: string): Promise<void> {
  const { parent, prefix } = outputPaths(outDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  const outExists = names.includes(basename(outDir));
  const olds = names.filter((n) => n.startsWith(`${prefix}old-`)).sort();
  if (!outExists && olds.length > 0) {
    await rename(join(parent, olds.at(-1)!), outDir);
    olds.pop();
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || name === `${prefix}lock`) continue;
    if (name.startsWith(`${prefix}staging-`) || olds.includes(name)) {
      const pid = Number.parseInt(name.slice(name.lastIndexOf('-') + 1), 10);
      if (pid !== process.pid && isAlive(pid) && name.startsWith(`${prefix}staging-`)) continue;
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Put a finished staging folder in place of the output folder.
 * The old site is renamed aside first, then the new one renamed in; both are
 * single `rename(2)` calls on the same file system. If the process dies between them,
 * `recover` restores the old site on the next build.
 */
export async function swapIn(staging: string, outDir: string): Promise<void> {
  const { old } = outputPaths(outDir);
  const aside = old(process.pid);
  let moved = false;
  try {
    await rename(outDir, aside);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(staging, outDir);
  if (moved) await rm(aside, { recursive: true, force: true });
}
