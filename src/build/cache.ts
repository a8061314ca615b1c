/**
 * The record cache: every seed's extracted record, keyed by the hash of (pipeline, path, hash of its bytes).
 *
 * One append-only pack of lines per pipeline version, `records/<pipeline>.jsonl`, each line
 * `<key>\t<record as JSON>`. A build reads the pack once (one file, not one per seed: at 10,000
 * seeds the per-file cache spent seconds in open/write/close) and appends the records it had to
 * compute in one write. A line cut short by a killed build is skipped, so its seed is simply
 * extracted again. When most lines belong to seeds that are gone or changed, the pack is
 * rewritten with the live ones. Packs of other pipeline versions are removed.
 */
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hex characters in a key (sha256). */
const KEY_LENGTH = 64;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** Append to the pack once this many characters of records are waiting. */
const FLUSH_CHARS = 8 * 1024 * 1024;

/** Rewrite the pack when it holds more than this many lines per line in use. */
const COMPACT_RATIO = 2;

export class RecordCache<T> {
  readonly #file: string;
  readonly #dir: string;
  /** Key → [start, end) of its JSON in `#pack`. */
  readonly #index = new Map<string, readonly [number, number]>();
  #pack: Buffer;
  readonly #used = new Set<string>();
  #appended: string[] = [];
  #appendedChars = 0;
  /** Lines appended by this cache (flushed or not). */
  #appendedTotal = 0;
  /** Whether this cache has appended to the pack already. */
  #flushed = false;
  /** Lines in the pack (including unusable ones). */
  #lines = 0;

  private constructor(dir: string, file: string, pack: Buffer) {
    this.#dir = dir;
    this.#file = file;
    this.#pack = pack;
    let start = 0;
    while (start < pack.length) {
      let end = pack.indexOf(NEWLINE, start);
      const complete = end !== -1;
      if (!complete) end = pack.length;
      this.#lines++;
      if (complete && end - start > KEY_LENGTH + 1 && pack[start + KEY_LENGTH] === TAB) {
        this.#index.set(pack.toString('latin1', start, start + KEY_LENGTH), [start + KEY_LENGTH + 1, end]);
      }
      start = end + 1;
    }
  }

  /** Open (or start) the pack of a pipeline version in `cacheDir`. */
  static open<T>(cacheDir: string, pipeline: string): RecordCache<T> {
    const dir = join(cacheDir, 'records');
    const file = join(dir, `${pipeline.slice(0, 16)}.jsonl`);
    let pack: Buffer;
    try {
      pack = readFileSync(file);
    } catch {
      pack = Buffer.alloc(0);
    }
    return new RecordCache<T>(dir, file, pack);
  }

  /** The record stored under `key`, or undefined (never stored, or unreadable). */
  get(key: string): T | undefined {
    const span = this.#index.get(key);
    if (span === undefined) return undefined;
    try {
      const record = JSON.parse(this.#pack.toString('utf8', span[0], span[1])) as T;
      this.#used.add(key);
      return record;
    } catch {
      this.#index.delete(key);
      return undefined;
    }
  }

  /** Store a record (as its JSON text, without newlines). Written in batches, the rest by `close`. */
  put(key: string, json: string): void {
    if (key.length !== KEY_LENGTH || json.includes('\n')) throw new TypeError('RecordCache.put: a 64-character key and one line of JSON');
    this.#appended.push(`${key}\t${json}\n`);
    this.#appendedChars += key.length + json.length + 2;
    this.#appendedTotal++;
    this.#used.add(key);
    // A cold build of 50,000 seeds would otherwise hold some 300 MB of JSON text until the end.
    if (this.#appendedChars > FLUSH_CHARS) this.#flush();
  }

  /** Append the stored lines to the pack. */
  #flush(): void {
    if (this.#appended.length === 0) return;
    try {
      mkdirSync(this.#dir, { recursive: true });
      // A pack that a killed build left without its final newline gets one, so the new line stays whole.
      const lead = this.#flushed || this.#pack.length === 0 || endsWithNewline(this.#file) ? '' : '\n';
      appendFileSync(this.#file, lead + this.#appended.join(''));
      this.#flushed = true;
    } catch {
      // a cache we cannot write costs time on the next build, nothing else
    }
    this.#appended = [];
    this.#appendedChars = 0;
  }

  /**
   * Write what was stored, then compact the pack if most of it is dead, and remove packs of
   * other pipeline versions. The cache is only a cache: failures here are ignored.
   */
  close(): void {
    try {
      this.#flush();
      const lines = this.#lines + this.#appendedTotal;
      if (lines > COMPACT_RATIO * this.#used.size && lines > 64) this.#compact();
      for (const name of readdirSync(this.#dir)) {
        if (join(this.#dir, name) !== this.#file) rmSync(join(this.#dir, name), { recursive: true, force: true });
      }
    } catch {
      // a cache we cannot write costs time on the next build, nothing else
    } finally {
      this.#pack = Buffer.alloc(0);
      this.#appended = [];
    }
  }

  /** Rewrite the pack with only the lines of keys used by this build. */
  #compact(): void {
    const pack = readFileSync(this.#file);
    const live: Buffer[] = [];
    const kept = new Set<string>();
    let start = 0;
    while (start < pack.length) {
      const end = pack.indexOf(NEWLINE, start);
      if (end === -1) break;
      const key = pack.toString('latin1', start, start + KEY_LENGTH);
      if (pack[start + KEY_LENGTH] === TAB && this.#used.has(key) && !kept.has(key)) {
        live.push(pack.subarray(start, end + 1));
        kept.add(key);
      }
      start = end + 1;
    }
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat(live));
    renameSync(temporary, this.#file);
  }
}

function endsWithNewline(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === NEWLINE;
  } finally {
    closeSync(fd);
  }
}
