/**
 * The `read` stage: a seed's bytes → decoded, normalised text.
 *
 * Checks, in order: extension, size cap (before decoding), UTF-16 (read when it has a
 * byte-order mark, else refused by name), binary content, UTF-8 validity (with the real
 * line and column of the first bad byte), then emptiness. Strips a UTF-8 BOM and turns CRLF and lone CR into LF, so a seed
 * saved with a BOM or Windows/old-Mac line endings gives exactly the same text
 * as the clean file. The hash is always the sha256 of the raw bytes.
 */
import { createHash } from 'node:crypto';
import { message } from '../messages.ts';
import type { Message, Rejection, SeedInput, SeedText } from '../types.ts';
import { findBinary, findInvalidUtf8, looksLikeUtf16, positionOf } from './bytes.ts';

/**
 * Largest seed accepted, in bytes: 1 MiB. A long news article is 10–50 KB,
 * so anything bigger is almost certainly not an article (a data dump, a
 * misnamed archive) and would only slow the build.
 */
export const MAX_SEED_BYTES = 1024 * 1024;

// Markdown's other usual extensions (GitHub, pandoc and Jekyll read them as Markdown) are Markdown here too.
const FORMATS: Readonly<Record<string, SeedText['format']>> = { txt: 'txt', md: 'md', markdown: 'md', mdown: 'md', mkdn: 'md', mkd: 'md', mdwn: 'md' };

/**
 * True when a file name has a seed's extension (any case): `.txt`, or `.md` and Markdown's other
 * extensions (`.markdown`, `.mdown`, `.mkdn`, `.mkd`, `.mdwn`).
 *
 * @example
 *   isSeedName('a.markdown') // true
 */
export function isSeedName(name: string): boolean {
  return Object.hasOwn(FORMATS, splitName(name).ext);
}

/** The file name without folders, split into id and extension (lower-cased, '' if none). */
function splitName(path: string): { readonly id: string; readonly ext: string } {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  // `.txt` alone is a hidden file with no extension, not an empty id.
  if (dot <= 0) return { id: base, ext: '' };
  return { id: base.slice(0, dot), ext: base.slice(dot + 1).toLowerCase() };
}

/** A run of Latin-1 characters that are the bytes of UTF-8 text decoded as Latin-1 ("FranÃ§ois"): at least one lead and one continuation. */
const MOJIBAKE = /(?:[\u00C2-\u00F4][\u0080-\u00BF]+)+/g;

/**
 * Undo UTF-8 text that was decoded as Latin-1 once or twice before it was saved ("FranÃ§ois" → "François"):
 * a run is replaced only when its characters, read as bytes, are valid UTF-8 for Latin letters or punctuation, so real
 * text ("café»", "Ü¡") stays.
 *
 * @example
 *   repairMojibake('President FranÃ§ois Hollande') // 'President François Hollande'
 */
export function repairMojibake(text: string): string {
  if (!/[\u0080-\u00BF]/.test(text)) return text;
  // (in composed form: a seed saved decomposed writes "Ã" as "A" and a combining tilde)
  // (and with the C1 control of a twice-decoded lead byte dropped in transit: "BasÃÂ¡ez" for "BasÃ\u0083Â¡ez")
  let out = (/[\u0300-\u036F]/.test(text) ? text.normalize('NFC') : text).replace(/\u00C3\u00C2(?=[\u0080-\u00BF])/g, '\u00C3\u0083\u00C2');
  if (!/[\u00C2-\u00F4][\u0080-\u00BF]/.test(out)) return text;
  for (let round = 0; round < 3 && /[\u00C2-\u00F4][\u0080-\u00BF]/.test(out); round++) {
    const next = out.replace(MOJIBAKE, (run) => {
      try {
        const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(run, (c) => c.charCodeAt(0)));
        // only letters of the Latin alphabets and punctuation come out of news text ("Ü¡" is not Syriac "ܡ")
        return /^[\u0080-\u024F\u2000-\u206F\u20AC\u2122]+$/u.test(decoded) ? decoded : run;
      } catch {
        return run;
      }
    });
    if (next === out) break;
    out = next;
  }
  return out === text.normalize('NFC') ? text : out;
}

function reject(input: SeedInput, id: string, messages: readonly Message[]): Rejection {
  return { rejected: true, path: input.path, id, messages };
}

/**
 * Decode and normalise one seed. Pure: no file system access.
 *
 * @example
 *   const seed = readSeed({ path: 'seeds/a.txt', bytes: new TextEncoder().encode('Headline\n\nBody') })
 *   if ('rejected' in seed) console.log(seed.messages)
 *   else seed.text // 'Headline\n\nBody'
 */
export function readSeed(input: SeedInput): SeedText | Rejection {
  if (input === null || typeof input !== 'object') throw new TypeError('readSeed expects { path, bytes }');
  if (typeof input.path !== 'string') throw new TypeError('readSeed expects input.path to be a string');
  if (!(input.bytes instanceof Uint8Array)) throw new TypeError('readSeed expects input.bytes to be a Uint8Array');
  return readBytes(input, true);
}

/** `readSeed` after its argument checks; `capped` is false for UTF-16 re-encoded as UTF-8 (the file was measured). */
function readBytes(input: SeedInput, capped: boolean): SeedText | Rejection {
  const { path, bytes } = input;
  const file = { file: path };
  const { id, ext } = splitName(path);
  const format = FORMATS[ext];
  if (format === undefined) {
    return reject(input, id, [message('read:extension', file, { ext: ext === '' ? 'no extension' : `.${ext}` })]);
  }
  if (capped && bytes.length > MAX_SEED_BYTES) {
    return reject(input, id, [message('read:too-large', file, { size: bytes.length, cap: MAX_SEED_BYTES })]);
  }

  // UTF-16 with a byte-order mark (what Windows Notepad calls "Unicode") is unambiguous: it is
  // read as such, through the same checks as UTF-8 (the hash stays that of the file's bytes).
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16 !== null) {
    let decoded: string;
    try {
      decoded = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return reject(input, id, [message('read:utf16', { file: path, line: 1, column: 1 }, { what: `marked as ${utf16.toUpperCase()} (it starts with a byte-order mark) but is not valid UTF-16` })]);
    }
    const seed = readBytes({ path, bytes: new TextEncoder().encode(decoded) }, false);
    return 'rejected' in seed ? seed : { ...seed, hash: createHash('sha256').update(bytes).digest('hex') };
  }

  const binary = findBinary(bytes);
  // Latin-script UTF-16 without a mark has a NUL beside every letter; it is named, not called binary.
  // (A known binary format is called by its signature first.)
  if (binary !== null && !binary.signature && looksLikeUtf16(bytes)) {
    return reject(input, id, [message('read:utf16', { file: path, line: 1, column: 1 }, { what: 'UTF-16 text without a byte-order mark, not UTF-8' })]);
  }
  if (binary !== null) {
    return reject(input, id, [message('read:binary', { file: path, ...positionOf(bytes, binary.offset) }, { what: binary.what })]);
  }

  const bad = findInvalidUtf8(bytes);
  if (bad !== -1) {
    const at = positionOf(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return reject(input, id, [message('read:encoding', { file: path, ...at }, { byte, ...at })]);
  }

  // TextDecoder drops a leading BOM by default; the bytes are known to be valid.
  const text = repairMojibake(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n'));
  if (text.trim() === '') return reject(input, id, [message('read:empty', file)]);

  const hash = createHash('sha256').update(bytes).digest('hex');
  return { id, path, format, hash, text, messages: [] };
}
