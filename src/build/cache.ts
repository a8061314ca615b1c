/**
 * The record cache: every seed's extracted record, keyed by the hash of (pipeline, path, hash of its bytes).
 *
 * One append-only pack of lines per pipeline version, `records/<pipeline>.jsonl`, each line
 * `<key>\t<record as JSON>`. A build scans the pack once for its keys (one file, not one per seed:
 * at 10,000 seeds the per-file cache spent seconds in open/write/close), then reads each record it
 * needs at its offset, and appends the records it had to compute in one write. A line cut short
 * by a killed build is skipped, so its seed is simply extracted again. When most lines belong to
 * seeds that are gone or changed, the pack is rewritten with the live ones. Packs of other
 * pipeline versions are removed.
 *
 * The pack is never held in memory whole. On this machine class, memory a process touches for
 * the first time costs about 24 µs a 4 KiB page (200 MiB: 1.2 s, against 12 ms to write it
 * again), so reading the 34 MB pack of 10,000 records into a new buffer cost some 190 ms;
 * reading each record at its offset into one reused buffer costs a few system calls instead.
 */
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hex characters in a key (sha256). */
const KEY_LENGTH = 64;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** Bytes read at a time when scanning the pack for its keys; a longer line grows the buffer. */
const SCAN_BYTES = 1 << 20;

/** Append to the pack once this many characters of records are waiting. */
const FLUSH_CHARS = 8 * 1024 * 1024;

/** Rewrite the pack when it holds more than this many lines per line in use. */
const COMPACT_RATIO = 2;

export class RecordCache<T> {
  readonly #file: string;
  readonly #dir: string;
  /** Key → [offset, length] of its JSON in the pack file. */
  readonly #index = new Map<string, readonly [number, number]>();
  /** The pack, open for reading (null when there is none); closed by `close`. */
  #fd: number | null;
  /** The pack's size when it was opened. */
  readonly #size: number;
  /** Reused for every record read. */
  #buffer = Buffer.alloc(0);
  readonly #used = new Set<string>();
  #appended: string[] = [];
  #appendedChars = 0;
  /** Lines appended by this cache (flushed or not). */
  #appendedTotal = 0;
  /** Whether this cache has appended to the pack already. */
  #flushed = false;
  /** Lines in the pack (including unusable ones). */
  #lines = 0;

  private constructor(dir: string, file: string, fd: number | null) {
    this.#dir = dir;
    this.#file = file;
    this.#fd = fd;
    this.#size = fd === null ? 0 : fstatSync(fd).size;
    if (fd !== null) this.#scan(fd);
  }

  /** Index the pack's complete lines by key, reading it a chunk at a time. */
  #scan(fd: number): void {
    let chunk = Buffer.allocUnsafe(Math.min(SCAN_BYTES, Math.max(this.#size, 1)));
    // `chunk[0]` is at offset `base` in the file; `filled` bytes of it hold data.
    let base = 0;
    let filled = 0;
    while (base + filled < this.#size) {
      if (filled === chunk.length) {
        // One line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(chunk.length * 2);
        chunk.copy(bigger, 0, 0, filled);
        chunk = bigger;
      }
      const got = readSync(fd, chunk, filled, chunk.length - filled, base + filled);
      if (got === 0) break;
      filled += got;
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, start); end !== -1 && end < filled; end = chunk.indexOf(NEWLINE, start)) {
        this.#lines++;
        if (end - start > KEY_LENGTH + 1 && chunk[start + KEY_LENGTH] === TAB) {
          this.#index.set(chunk.toString('latin1', start, start + KEY_LENGTH), [base + start + KEY_LENGTH + 1, end - start - KEY_LENGTH - 1]);
        }
        start = end + 1;
      }
      // The unfinished line moves to the front of the buffer.
      chunk.copy(chunk, 0, start, filled);
      base += start;
      filled -= start;
    }
    if (filled > 0) this.#lines++; // a last line without its newline: cut short by a killed build, unusable
  }

  /** Open (or start) the pack of a pipeline version in `cacheDir`. */
  static open<T>(cacheDir: string, pipeline: string): RecordCache<T> {
    const dir = join(cacheDir, 'records');
    const file = join(dir, `${pipeline.slice(0, 16)}.jsonl`);
    let fd: number | null = null;
    try {
      fd = openSync(file, 'r');
      return new RecordCache<T>(dir, file, fd);
    } catch {
      // No pack yet, or one that cannot be read: start afresh.
      if (fd !== null) closeSync(fd);
      return new RecordCache<T>(dir, file, null);
    }
  }

  /** The record stored under `key`, or undefined (never stored, or unreadable). */
  get(key: string): T | undefined {
    const span = this.#index.get(key);
    if (span === undefined || this.#fd === null) return undefined;
    const [offset, length] = span;
    try {
      if (this.#buffer.length < length) this.#buffer = Buffer.allocUnsafe(Math.max(length, 2 * this.#buffer.length, 64 * 1024));
      if (readSync(this.#fd, this.#buffer, 0, length, offset) !== length) throw new Error('the pack is shorter than its index');
      const record = JSON.parse(this.#buffer.toString('utf8', 0, length)) as T;
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
      const lead = this.#flushed || this.#size === 0 || endsWithNewline(this.#file) ? '' : '\n';
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
      if (this.#fd !== null) closeSync(this.#fd);
      this.#fd = null;
      this.#buffer = Buffer.alloc(0);
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
