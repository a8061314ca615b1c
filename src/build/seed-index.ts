/**
 * The seed index: each seed file's status (device, inode, size, modification and change times,
 * to the nanosecond) when it was last read, with the hash of the content read then, as git's
 * index keeps one for the working tree. A rebuild takes an unchanged seed's content hash from
 * here instead of reading and hashing the file: at 10,000 seeds, reading and hashing them all
 * took about a second of the build's main thread, and one `stat` each takes a tenth of that.
 *
 * Writing a file always moves its change time (`ctime`), which no program can set back. The
 * one gap is a file written again within the same tick of the file system's clock after it
 * was read (a "racily clean" file, in git's words): its status would not change. So a status
 * is kept only for files whose change time is older than `RACY_MS` before the build started;
 * a newer file is read and hashed again on the next build, and then kept.
 *
 * This holds on local file systems. On a network share whose clock runs behind this machine's,
 * or one that caches file status (NFS, up to a minute by default), or a file system without
 * its own change time (vfat and exFAT report the modification time; so does sshfs), an edit
 * that also puts the modification time back can go unseen: build such an archive with
 * `VERBATIM_SEED_INDEX=0`, which reads and hashes every seed as before.
 *
 * One file per seeds folder, `seeds/<hash of the folder>.tsv` in the cache, one line a seed:
 * `<path>\t<dev>:<ino>:<size>:<mtime ns>:<ctime ns>\t<sha256 of the content>`. A line that
 * cannot be read is ignored (its seed is read again).
 */
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeDeadTemporaries } from './fsutil.ts';

/** A file changed less than this long before the build started is not trusted by its status. */
export const RACY_MS = 2000;

/** The identity of a file's status: equal strings mean an unchanged file. */
export function statusOf(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

export class SeedIndex {
  readonly #file: string;
  /** File → [status, content hash], as last written. */
  readonly #known = new Map<string, readonly [string, string]>();
  /** What this build saw, to be written by `save`. */
  readonly #seen = new Map<string, readonly [string, string]>();
  /** Change (or modification) times at or after this, ns since the epoch, are too recent to trust. */
  readonly #racyFrom: bigint;
  /** False with `VERBATIM_SEED_INDEX=0`: every seed is read. */
  readonly #enabled = process.env.VERBATIM_SEED_INDEX !== '0';

  private constructor(file: string, text: string, startedMs: number) {
    this.#file = file;
    this.#racyFrom = BigInt(Math.floor(startedMs - RACY_MS)) * 1_000_000n;
    for (const line of text.split('\n')) {
      const [path, status, hash, extra] = line.split('\t');
      if (path && status && hash?.length === 64 && extra === undefined) this.#known.set(path, [status, hash]);
    }
  }

  /** Open the index of a seeds folder; `startedMs` is when the build started (`Date.now()`). */
  static open(cacheDir: string, seedsDir: string, startedMs: number): SeedIndex {
    const name = createHash('sha256').update(resolve(seedsDir)).digest('hex').slice(0, 16);
    const file = join(cacheDir, 'seeds', `${name}.tsv`);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // no index yet: every seed is read
    }
    return new SeedIndex(file, text, startedMs);
  }

  /** The content hash of `file` if its status is the one recorded with it, else undefined. */
  lookup(file: string, stat: BigIntStats): string | undefined {
    if (!this.#enabled) return undefined;
    const known = this.#known.get(file);
    if (known === undefined || known[0] !== statusOf(stat)) return undefined;
    this.#seen.set(file, known);
    return known[1];
  }

  /** Record the content hash of `file`, read after its status was `stat`. */
  record(file: string, stat: BigIntStats, hash: string): void {
    if (/[\t\n\r]/.test(file)) return; // not representable in the index's lines; read every time
    if (stat.ctimeNs >= this.#racyFrom || stat.mtimeNs >= this.#racyFrom) return;
    this.#seen.set(file, [statusOf(stat), hash]);
  }

  /** Write what this build saw (seeds that are gone drop out). Failures only cost time on the next build. */
  save(): void {
    removeDeadTemporaries(join(this.#file, '..'));
    const same = this.#seen.size === this.#known.size && [...this.#seen].every(([file, entry]) => this.#known.get(file) === entry);
    if (same) return;
    const lines = [...this.#seen].map(([file, [status, hash]]) => `${file}\t${status}\t${hash}\n`);
    try {
      mkdirSync(join(this.#file, '..'), { recursive: true });
      const temporary = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(temporary, lines.join(''));
      renameSync(temporary, this.#file);
    } catch {
      // a cache we cannot write costs time on the next build, nothing else
    }
  }
}
