/**
 * Front-matter slugs must be safe as one folder name on every platform: they
 * become `/articles/<slug>/`, so nothing in them may climb out of that folder.
 */

/** Longest slug accepted, in characters. */
export const MAX_SLUG_LENGTH = 100;

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
  if (slug.normalize('NFC') !== slug) return 'is not in Unicode normal form C';
  if (!SAFE.test(slug)) return 'may only hold lowercase letters, digits and single hyphens between them';
  if (RESERVED_SLUGS.has(slug)) return 'is a reserved name';
  return null;
}
