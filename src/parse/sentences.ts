/**
 * Sentence splitting for derived summaries: `Intl.Segmenter`, then re-joining
 * the breaks it makes after abbreviations and initials ("Sen.", "U.S.", "J.").
 */

/** Abbreviations that end with a period but rarely end a sentence in news text. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'cpl', 'pvt',
  'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'atty', 'messrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vs', 'v', 'etc', 'approx', 'inc', 'corp', 'co', 'ltd', 'bros', 'dept', 'univ', 'assn', 'est', 'fig', 'vol',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich',
  'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** True when a segment ends in an abbreviation or initialism, so the break after it is not a sentence end. */
function endsInAbbreviation(segment: string): boolean {
  const word = /(?:^|[\s("“‘'])([\p{L}.]+)\.$/u.exec(segment.trimEnd())?.[1];
  if (word === undefined) return false;
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return true; // "U.S", "J", "U.N"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Split text into sentences (each keeps its trailing space).
 *
 * @example
 *   sentences('Sen. Ann Lee said the U.S. will act. Others agreed.')
 *   // ['Sen. Ann Lee said the U.S. will act. ', 'Others agreed.']
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = out.length - 1;
    const previous = out[last];
    if (previous !== undefined && (endsInAbbreviation(previous) || /^[\p{Ll}\d]/u.test(segment))) out[last] = previous + segment;
    else out.push(segment);
  }
  return out;
}

/**
 * The longest beginning of a text searched for its first sentence. `Intl.Segmenter` takes time
 * in proportion to its whole input for every sentence it yields, so a long text is never
 * segmented whole: 8,000 short sentences (88 KB) took 30 seconds. Real first sentences run
 * to about 500 characters.
 */
export const MAX_SENTENCE_SEARCH = 4096;

/** `text` cut to at most `size` UTF-16 units, never inside a surrogate pair. */
function head(text: string, size: number): string {
  const cut = text.slice(0, size);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The first sentence of a text, trimmed ('' for empty text). Only the text's beginning is
 * segmented, in windows that double up to MAX_SENTENCE_SEARCH characters; a first sentence
 * longer than that is cut at its last space before the limit and ends in `…`.
 *
 * @example
 *   firstSentence('Sen. Ann Lee spoke. Others agreed.') // 'Sen. Ann Lee spoke.'
 */
export function firstSentence(text: string): string {
  for (let size = 512; ; size *= 2) {
    const window = head(text, size);
    const parts = sentences(window);
    const first = parts[0] ?? '';
    // A break in the window's first half is one the whole text has too (the segmenter's look-ahead is short).
    if (window.length === text.length || (parts.length > 1 && (first.length <= size / 2 || size >= MAX_SENTENCE_SEARCH))) return first.trim();
    if (size >= MAX_SENTENCE_SEARCH) return `${window.replace(/\s+\S*$/, '').trim()}…`;
  }
}
