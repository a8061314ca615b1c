/**
 * Front-matter slugs must be safe as one folder name on every platform: they
 * become `/articles/<slug>/`, so nothing in them may climb out of that folder.
 */

/** Longest slug accepted, in characters. */
export const MAX_SLUG_LENGTH = 100;

/**
 * Longest slug, in UTF-8 bytes. A file name may hold 255 bytes, and the longest one made from a slug is
 * `<slug>-<6 hex digits>-<n>.json` (the API record of an article whose slug collided), so 200 leaves room
 * for every suffix. 100 CJK characters are 300 bytes: the byte limit is the one that bites outside ASCII.
 */
export const MAX_SLUG_BYTES = 200;

/** Bytes of one code point in UTF-8 (a lone surrogate is written as U+FFFD, 3 bytes). */
function charBytes(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** How many bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += charBytes(char);
  return bytes;
}

/**
 * The longest start of `text` that fits in `max` UTF-8 bytes, cut between code points (never inside one).
 *
 * @example
 *   cutToUtf8Bytes('漢字', 5) // '漢'
 */
export function cutToUtf8Bytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += charBytes(char);
    if (bytes > max) return text.slice(0, end);
    end += char.length;
  }
  return text;
}

/**
 * Names a slug may not take: the site's own top-level paths and the device
 * names Windows refuses as file names.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', 'api', 'feed', 'feeds', 'rss', 'atom', 'sitemap', 'search', 'pagefind', '404', 'articles', 'speakers', 'assets',
  'con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
]);

/** Lowercase letters (or letters without case, as in CJK), digits, marks, single hyphens between. */
const SAFE = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+)*$/u;

/**
 * Why a requested slug is unsafe (fills `{problem}` in `matter:slug`), or null when it is fine.
 *
 * @example
 *   checkSlug('my-article') // null
 *   checkSlug('../../x') // 'contains `/`, `\` or `.`, which could point outside the articles folder'
 */
export function checkSlug(slug: string): string | null {
  if (/[/\\.%]/.test(slug)) return 'contains `/`, `\\`, `.` or `%`, which could point outside the articles folder';
  if (slug.length > MAX_SLUG_LENGTH) return `is longer than ${MAX_SLUG_LENGTH} characters`;
  const bytes = utf8Length(slug);
  if (bytes > MAX_SLUG_BYTES) {
    return `is ${bytes} bytes long in UTF-8, over the limit of ${MAX_SLUG_BYTES} that keeps the page's file names within 255 bytes (a CJK character takes 3): shorten it`;
  }
  if (slug.normalize('NFC') !== slug) return 'is not in Unicode normal form C';
  if (!SAFE.test(slug)) return 'may only hold lowercase letters, digits and single hyphens between them';
  if (RESERVED_SLUGS.has(slug)) return 'is a reserved name';
  return null;
}
