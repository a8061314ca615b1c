/** Test helpers: hash a whole folder tree, and make temporary seed folders. */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Every file (and empty folder) under `dir`, following the output link, as path → sha256. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const root = await realpath(dir);
  const result = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) {
      if ((await readdir(path)).length === 0) result.set(`${rel}/`, 'empty');
    } else {
      result.set(rel, createHash('sha256').update(await readFile(path)).digest('hex'));
    }
  }
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The differences between two tree hashes, as readable lines (empty when identical). */
export function treeDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [path, hash] of a) {
    if (!b.has(path)) lines.push(`only in first: ${path}`);
    else if (b.get(path) !== hash) lines.push(`differs: ${path}`);
  }
  for (const path of b.keys()) if (!a.has(path)) lines.push(`only in second: ${path}`);
  return lines;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `verbatim-${prefix}-`));
}

/**
 * Temporary folders removed after each test: call at the top of a test file, then
 * `await temp('name')` in its tests. `track(dir)` adds a folder made elsewhere.
 */
export function tempDirsPerTest(): { temp: (prefix: string) => Promise<string>; track: (dir: string) => void } {
  let dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    dirs = [];
  });
  return {
    async temp(prefix) {
      const dir = await tempDir(prefix);
      dirs.push(dir);
      return dir;
    },
    track(dir) {
      dirs.push(dir);
    },
  };
}

/** Copy seed files into a new temporary seeds folder. */
export async function seedsFrom(files: readonly string[]): Promise<string> {
  const dir = await tempDir('seeds');
  for (const file of files) await cp(file, join(dir, file.split('/').at(-1)!));
  return dir;
}

/** Where the shared corpora live, and whether they are present. */
export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
