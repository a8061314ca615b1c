/**
 * Small text utilities for the quotes stage: tokens with offsets, sentence bounds
 * computed with quotation contents masked (so a full stop inside a quote does not
 * cut the attribution off its quote).
 */
import { cueLemma } from './cues.ts';
import type { MarkSpan } from './marks.ts';

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'rev', 'prof', 'st', 'jr',
  'sr', 'inc', 'co', 'corp', 'ltd', 'vs', 'no', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov',
  'dec', 'u.s', 'u.n', 'u.k', 'd.c', 'e.g', 'i.e', 'a.m', 'p.m', 'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill',
  'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn',
  'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'del', 'ala', 'ark', 'n.c', 's.c', 'n.y', 'n.j', 'n.h', 'n.m', 'n.d', 's.d',
  'w.va', 'r.i', 'gop', 'sens', 'reps', 'govs', 'messrs', 'ret', 'hon', 'supt', 'det', 'insp', 'amb', 'pres', 'sec',
]);

/** Abbreviations that precede a name, so never end a sentence. */
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'rev', 'prof', 'st', 'no', 'messrs', 'sens', 'reps']);

/** Is the token (without its final full stop) an abbreviation or an initial? */
export function isAbbreviation(word: string): boolean {
  const w = word.replace(/\.$/, '').toLowerCase();
  return ABBREVIATIONS.has(w) || /^\p{Lu}$/u.test(word.replace(/\.$/, '')) || /^(?:\p{L}\.)+\p{L}$/u.test(word.replace(/\.$/, ''));
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'.\-&][\p{L}\p{N}]+)*\.?|[’']s\b|\S/gu;

/** Split text into word and punctuation tokens with offsets. A full stop stays on abbreviations only. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN)) {
    const start = from + m.index;
    let word = m[0];
    if (word.length > 1 && word.endsWith('.') && !isAbbreviation(word)) {
      word = word.slice(0, -1);
      tokens.push({ text: word, start, end: start + word.length });
      tokens.push({ text: '.', start: start + word.length, end: start + word.length + 1 });
      continue;
    }
    tokens.push({ text: word, start, end: start + word.length });
  }
  return tokens;
}

/**
 * Replace quotation contents with `x` (keeping a final `.`, `!` or `?`) so that
 * sentence splitting sees only the text around quotes. Offsets are unchanged.
 */
export function maskQuotes(text: string, spans: readonly MarkSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start);
    let inner = 'x'.repeat(s.end - s.start);
    const last = text[s.end - 1];
    if (last === '.' || last === '!' || last === '?') inner = `${inner.slice(0, -1)}${last}`;
    out += inner;
    at = s.end;
  }
  return out + text.slice(at);
}

const TIME_OPENER = /^(?:on|in|at|during|after|before|this|last|earlier|later|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[.,]?$/i;

/** Do capitalised words and then a cue verb follow `at` ("Hannity pressed", "Sen. Tim Kaine said")? */
function attributionFollows(text: string, at: number, cueEnds = false): boolean {
  const all = text.slice(at, at + 200).trim().split(/\s+/u);
  const words = all.slice(0, 10);
  let appositive = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[,.;:!?]+$/u, '');
    if (i > 0 && cueLemma(w, words[i + 1] === undefined ? '' : ` ${words[i + 1]}`) !== null && /^\p{Ll}/u.test(w) && (!appositive || /,$/u.test(words[i - 1]!))) {
      // the cue ends the attribution, or a short time phrase after it does ("Smith said Saturday.", "… said on Tuesday."),
      // not a clause of its own ("… warned Saturday that the move …")
      if (!cueEnds || /[.,;]$/u.test(words[i]!) || all[i + 1] === undefined) return true;
      if (!TIME_OPENER.test(all[i + 1]!)) return false;
      for (let j = i + 1; j < i + 4 && all[j] !== undefined; j++) if (/[.,;]$/u.test(all[j]!) && !isAbbreviation(all[j]!)) return true;
      return false;
    }
    // "Rep. Glenn Thompson, R-Pa., said": a short appositive between commas
    if (appositive) {
      if (/[.;:!?]$/u.test(words[i]!) && !isAbbreviation(words[i]!)) return false;
      continue;
    }
    if (!/^\p{Lu}/u.test(w) && !/^\(/.test(w)) return false;
    if (/,$/u.test(words[i]!) && i > 0) {
      appositive = true;
      continue;
    }
    if (/[,.;:!?]$/u.test(words[i]!) && !isAbbreviation(words[i]!)) return false;
  }
  return false;
}

/** Sentence bounds `[start, end)` in (masked) text. */
export function sentenceBounds(masked: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  const re = /[.!?]+[”"’')\]]*(?=\s+[“"‘(\p{Lu}\p{N}])/gu;
  for (const m of masked.matchAll(re)) {
    const end = m.index + m[0].length;
    // the word before the full stop
    const space = Math.max(masked.lastIndexOf(' ', m.index), masked.lastIndexOf('\n', m.index), start - 1);
    const before = m.index + 1 > space + 1 ? [masked.slice(space, m.index + 1), masked.slice(space + 1, m.index + 1)] as const : null;
    // an abbreviation ends the sentence only when a quotation opens next ("… from Fresno, Calif. “I think …”") and it is not a title
    // (or, for an abbreviation that is no title or initial, when a pronoun or a function word opens the next sentence: "… in the U.S. He said …")
    if (m[0].startsWith('.') && before !== null && isAbbreviation(before[1]!)) {
      const abbr = before[1]!.replace(/\.$/, '').toLowerCase();
      const title = TITLE_ABBREVIATIONS.has(abbr) || /^\p{L}$/u.test(abbr);
      const quoteNext = /^\s+[“"]/u.test(masked.slice(end));
      const clauseNext = /^\s+(?:He|She|It|They|We|I|The|But|And|In|On|At|His|Her|Their|Its|This|That|There|A|An)\b/u.test(masked.slice(end));
      if (title || !(quoteNext || clauseNext)) continue;
    }
    // “Is it?” Smith asked. — the attribution after a quote ending in ? or ! (or .) belongs to it
    // (after a full stop only when the cue ends the attribution: `“….” Smith said.`, not `“….” Sanders called Trump a “…”`)
    if (/[”"’']$/u.test(m[0]) && attributionFollows(masked, end, m[0].startsWith('.'))) continue;
    bounds.push([start, end]);
    start = end;
    while (start < masked.length && /\s/u.test(masked[start]!)) start++;
  }
  if (start < masked.length) bounds.push([start, masked.length]);
  return bounds;
}

/**
 * A wire dateline opening a paragraph (`WASHINGTON (AP) — `, `MANCHESTER, N.H. - `,
 * `Washington (AFP) – `, `WASHINGTON, Dec. 8 (UPI) — `): a place, never the sentence's subject.
 */
const DATELINE = /^(?:\p{Lu}[\p{Lu}.'-]+(?:\s+\p{Lu}[\p{Lu}.'-]+){0,3}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?=(?:,[^—–]{0,20})?\s*\((?:AP|AFP|Reuters|UPI|CNN|Bloomberg)\)))(?:,\s*\p{Lu}\p{Ll}{2,3}\.?\s+\d{1,2})?(?:\s*\((?:AP|AFP|Reuters|UPI|CNN|Bloomberg|[\p{Lu}]{2,8})\))?\s*(?:—|–|--?)\s*/u;

/** Where the text proper starts after a dateline (0 when there is none). */
export function datelineEnd(text: string): number {
  const m = DATELINE.exec(text);
  return m === null ? 0 : m[0].length;
}

/** Is the word capitalised (a name candidate)? */
export function isCapitalised(word: string): boolean {
  // ASCII first (most words): a character-code test instead of a Unicode property match
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}
