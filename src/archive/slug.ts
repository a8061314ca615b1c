/**
 * Slugs for URLs: readable, Unicode-aware, safe as a single path segment.
 */
import { createHash } from 'node:crypto';
import { cutToUtf8Bytes, MAX_SLUG_BYTES, utf8Length } from '../parse/slug.ts';

/** Names that must never be a page's folder: our own top-level paths and Windows device names. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', 'api', 'feed', '404', 'search', 'page', 'pages', 'articles', 'speakers', 'archive', 'sources', 'tags',
  'undated', 'assets', 'pagefind', 'con', 'prn', 'aux', 'nul',
  'com1', 'com2', 'com3', 'com4', 'com5', 'com6', 'com7', 'com8', 'com9',
  'lpt1', 'lpt2', 'lpt3', 'lpt4', 'lpt5', 'lpt6', 'lpt7', 'lpt8', 'lpt9',
]);

const MAX_SLUG_LENGTH = 80;

/**
 * Turn text into a slug: NFC, lowercase, letters and digits of any script kept,
 * everything else collapsed to single hyphens, at most 80 characters and `MAX_SLUG_BYTES` (200) bytes of
 * UTF-8, so it fits in a file name with any suffix (cut at a hyphen, and never inside a character).
 * Returns '' when nothing usable is left (emoji-only text, punctuation).
 *
 * @example
 *   slugify('Hello World!')      // 'hello-world'
 *   slugify('東京で会議')          // '東京で会議'
 *   slugify('Sergey Lavrov’s')   // 'sergey-lavrovs'
 */
export function slugify(text: string): string {
  const base = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    // Invisible marks a slug must not carry: variation selectors (the emoji form of ❤), the combining
    // grapheme joiner, and the dot above that lower-casing Turkish İ adds ("i̇stanbul").
    .replace(/[\uFE00-\uFE0F\u034F\u{E0100}-\u{E01EF}]|(?<=i)\u0307/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= MAX_SLUG_LENGTH && utf8Length(base) <= MAX_SLUG_BYTES) return base;
  // 80 UTF-16 units, without the first half of a pair cut off its second; then the byte limit.
  const units = base.slice(0, MAX_SLUG_LENGTH).replace(/[\uD800-\uDBFF]$/, '');
  const cut = cutToUtf8Bytes(units, MAX_SLUG_BYTES);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 20 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** A short, stable hex tag for an id (6 characters of its sha256). */
export function shortHash(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 6);
}

/** True when a slug may be used as-is for a page folder. */
export function isUsableSlug(slug: string): boolean {
  return slug !== '' && !RESERVED_SLUGS.has(slug) && !slug.startsWith('.') && !/[/\\%]/.test(slug);
}

export interface SlugClaim {
  /** The record's id (article id or speaker id); tie-breaks and disambiguates. */
  readonly id: string;
  /** The slug it asks for (already slugified). */
  readonly wanted: string;
  /**
   * Priority among claims of the same slug: the lowest wins the plain slug.
   * Use something that does not change when other records are added (e.g. the date).
   */
  readonly rank: string;
}

export interface SlugGrant {
  readonly id: string;
  readonly slug: string;
  /** The id that holds the plain slug, when this claim lost a collision. */
  readonly collidedWith: string | null;
}

/**
 * Give every claim a unique slug, deterministically.
 *
 * The plain slug goes to the claim with the lowest `rank` (then id); the others get
 * `<slug>-<shortHash(id)>`, which depends only on their own id, so adding a record
 * never renames an existing one unless it outranks it. Unusable slugs (empty, reserved)
 * become `<prefix>-<shortHash(id)>` or `<slug>-<hash>`. A wanted slug is first cut to `MAX_SLUG_BYTES`
 * (slugify and the front-matter check already keep to it), so every slug given fits in a file name.
 */
export function assignSlugs(claims: readonly SlugClaim[], prefix: string): Map<string, SlugGrant> {
  const groups = new Map<string, SlugClaim[]>();
  for (const claim of claims) {
    const fitting = cutToUtf8Bytes(claim.wanted, MAX_SLUG_BYTES).replace(/-+$/, '');
    const wanted = fitting === '' ? `${prefix}-${shortHash(claim.id)}` : fitting;
    const key = RESERVED_SLUGS.has(wanted) ? `${wanted}-${shortHash(claim.id)}` : wanted;
    const list = groups.get(key);
    if (list) list.push(claim);
    else groups.set(key, [claim]);
  }
  const taken = new Set(groups.keys());
  const grants = new Map<string, SlugGrant>();
  for (const [slug, list] of groups) {
    list.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const [first, ...rest] = list;
    if (!first) continue;
    grants.set(first.id, { id: first.id, slug, collidedWith: null });
    for (const claim of rest) {
      let candidate = `${slug}-${shortHash(claim.id)}`;
      for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${shortHash(claim.id)}-${n}`;
      taken.add(candidate);
      grants.set(claim.id, { id: claim.id, slug: candidate, collidedWith: first.id });
    }
  }
  return grants;
}
