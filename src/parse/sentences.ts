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

/** The first sentence of a text, trimmed ('' for empty text). */
export function firstSentence(text: string): string {
  return (sentences(text)[0] ?? '').trim();
}
