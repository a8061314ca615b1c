/**
 * A–Z pages for a long list of names (the speakers, sources and tags indexes). Each name goes on
 * the page of its first letter, so a letter page's URL never changes, and its list changes only
 * when a name with that letter comes or goes, not when the list grows elsewhere (numbered
 * alphabetical pages would shift on every insertion).
 */

/** The key of the page for names that start with no cased letter (digits, CJK, Arabic, symbols). */
export const OTHER_LETTER = 'other';

/**
 * The letter page a name belongs on: its first letter or digit with accents removed, in lower
 * case, when that letter has case (Latin, Greek, Cyrillic, Armenian…); otherwise `other`.
 *
 * @example
 *   letterOf('Émile Zola')     // 'e'
 *   letterOf('“The Donald”')   // 't'
 *   letterOf('Дмитрий Песков') // 'д'
 *   letterOf('習近平')          // 'other'
 *   letterOf('50 Cent')        // 'other'
 */
export function letterOf(name: string): string {
  const first = /[\p{L}\p{N}]/u.exec(name.normalize('NFKD').replace(/\p{M}+/gu, ''))?.[0];
  if (first === undefined || first.toLowerCase() === first.toUpperCase()) return OTHER_LETTER;
  return first.toLowerCase();
}

/** How a letter key is shown: `A`, `Д`, `Other`. */
export function letterLabel(key: string): string {
  return key === OTHER_LETTER ? 'Other' : key.toUpperCase();
}

/** One letter page's items. */
export interface LetterGroup<T> {
  /** `a`, `д`, …, or {@link OTHER_LETTER}. */
  readonly key: string;
  readonly label: string;
  readonly items: readonly T[];
}

/**
 * Group items by the first letter of their name. Groups come in code-unit order of their key
 * (a–z first), `other` last; items within a group by name (English collation), ties in input order.
 *
 * @example
 *   byLetter(['bo', 'Al', 'ann', '7up'], (s) => s).map((g) => [g.key, g.items])
 *   // [['a', ['Al', 'ann']], ['b', ['bo']], ['other', ['7up']]]
 */
export function byLetter<T>(items: readonly T[], nameOf: (item: T) => string): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = letterOf(nameOf(item));
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const order = (a: string, b: string): number => (a === b ? 0 : a === OTHER_LETTER ? 1 : b === OTHER_LETTER ? -1 : a < b ? -1 : 1);
  return [...groups]
    .sort(([a], [b]) => order(a, b))
    .map(([key, list]) => ({ key, label: letterLabel(key), items: list.sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en')) }));
}
