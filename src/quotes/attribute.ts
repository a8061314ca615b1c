/**
 * For one quotation inside its sentence: the cue and the source mention the text
 * gives it, tried pattern by pattern from the most to the least explicit.
 */
import { BETWEEN, NAMING_LEMMAS, cueLemma, cueLemmaAfterQuote, isCueForm, isParticiple } from './cues.ts';
import { DETERMINERS, isNameWord, phraseAfter, phraseBefore } from './phrases.ts';
import type { Token } from './text.ts';

/** The placeholder token that stands for a quotation inside a sentence. */
export const QUOTE_TOKEN = '\u0001Q';

/** How an attribution was found; later stages use it for confidence. */
export type Pattern =
  | 'trailing' | 'inverted' | 'leading' | 'according' | 'colon' | 'dash' | 'reported' | 'later' | 'subject' | 'relative' | 'none';

/** Token ranges `[first, last]` (inclusive) into the sentence's tokens. */
interface TokenFound {
  readonly cue: readonly [number, number] | null;
  readonly mention: readonly [number, number] | null;
  readonly pattern: Pattern;
}

/** What the text says about a quotation: character ranges `[start, end)` into the part's text. */
export interface Found {
  readonly cue: readonly [number, number] | null;
  readonly mention: readonly [number, number] | null;
  readonly pattern: Pattern;
}

const NONE: TokenFound = { cue: null, mention: null, pattern: 'none' };

/** Set while attributing a headline quote: headlines capitalise their verbs ("Russia Dismisses …"). */
let inHeadline = false;

/**
 * `isCue` answers for the token array last asked about, one byte a token for outside and
 * inside a headline (0 not yet asked, 1 no, 2 yes). A quote's attribution scans back over its
 * paragraph's tokens, so a paragraph with thousands of quotes asked the same questions millions
 * of times (fuzzing found 2,000 quotes in one line taking seconds). The quotes of a paragraph
 * are attributed one after another, so remembering one array is enough.
 */
let cueTokens: readonly Token[] | null = null;
let cueAnswers: [Uint8Array, Uint8Array] = [new Uint8Array(0), new Uint8Array(0)];

function isCue(tokens: readonly Token[], k: number): boolean {
  if (k < 0 || k >= tokens.length) return false;
  if (tokens !== cueTokens || cueAnswers[0].length !== tokens.length) {
    cueTokens = tokens;
    cueAnswers = [new Uint8Array(tokens.length), new Uint8Array(tokens.length)];
  }
  const known = cueAnswers[inHeadline ? 1 : 0];
  if (known[k] === 0) known[k] = isCueUncached(tokens, k) ? 2 : 1;
  return known[k] === 2;
}

function isCueUncached(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined) return false;
  if (!inHeadline && /^\p{Lu}/u.test(t.text) && k > 0) return false;
  // a word right after a determiner or "of" is a noun: "a phone call", "the report", "a series of tweets"
  const prevText = tokens[k - 1]?.text ?? '';
  const before = prevText.toLowerCase();
  if (DETERMINERS.has(before) || before === 'of' || /^(?:press|phone|conference|robo)$/.test(prevText)) return false;
  // after an owner and a participle that modifies it, a noun: "Trump’s repeated calls to ban …", "his renewed claims"
  if (/^\p{Ll}[\p{Ll}-]*ed$/u.test(prevText) && /(?:[’']s?|^(?:his|her|their|its))$/iu.test(tokens[k - 2]?.text ?? '')) return false;
  // a bare form after "a" and one lowercase word is a noun too: no singular subject takes it ("a rare note of
  // self-deprecation, saying", "a brief comment", "an angry tweet")
  if (/^(?:a|an|another|each|every)$/i.test(tokens[k - 2]?.text ?? '') && /^\p{Ll}/u.test(prevText) && cueLemma(t.text) === t.text) return false;
  // the words after it are read only for a cue form (most words are none)
  return isCueForm(t.text) && cueLemma(t.text, restAfter(tokens, k)) !== null;
}

/** The next few tokens after `k`, as text (for particle checks such as "pointed out", "described his leadership skills as"). */
function restAfter(tokens: readonly Token[], k: number): string {
  let rest = '';
  for (let j = k + 1; j < Math.min(tokens.length, k + 6); j++) rest += `${tokens[j]!.start > tokens[j - 1]!.end ? ' ' : ''}${tokens[j]!.text}`;
  return rest;
}

/** Extend a cue over its particle ("pointed out", "went on", "said in a statement"). */
function cueRange(tokens: readonly Token[], k: number): [number, number] {
  const next = tokens[k + 1]?.text.toLowerCase();
  if (next !== undefined && /^(?:out|on|back|it|to|of)$/.test(next) && /^(?:point|went|go|shot|fire|put|refer|according)/i.test(tokens[k]!.text)) return [k, k + 1];
  return [k, k];
}

function skipBetween(tokens: readonly Token[], k: number, step: 1 | -1, hi: number): number {
  let i = k;
  while (i >= 0 && i < hi && (BETWEEN.has(tokens[i]!.text.toLowerCase()) || /^\w+ly$/i.test(tokens[i]!.text) && tokens[i]!.text !== 'Kelly')) i += step;
  return i;
}

/**
 * Is the quotation at `j` a title inside an appositive (`Hemsley, the co-author of “Going Viral,” about …, said`,
 * `Washington, star of television’s “Scandal,” thanked`, `a contestant on the show, “The Apprentice,” who …`)?
 * A preposition, a possessive or a noun (not a cue) comes before it; the comma that ends the appositive may be inside
 * the marks, so the quotation itself can close the appositive.
 */
function titleInAppositive(tokens: readonly Token[], j: number): boolean {
  const before = tokens[j - 1]?.text === ',' ? j - 2 : j - 1;
  const w = tokens[before]?.text ?? '';
  return /^(?:of|on|in|for)$/i.test(w) || /[’']s$/u.test(w) || (/^\p{Ll}[\p{Ll}-]*$/u.test(w) && !isCue(tokens, before) && !DETERMINERS.has(w));
}

/** The subject of the cue at `c` (searching no further back than `lo`). */
function subjectOf(tokens: readonly Token[], c: number, lo: number): [number, number] | null {
  let i = skipBetween(tokens, c - 1, -1, tokens.length);
  // a time phrase between subject and cue: "The State Department two weeks ago said", "Trump last week told"
  if (i - 2 >= lo && /^ago$/i.test(tokens[i]!.text) && /^(?:days?|weeks?|months?|years?|hours?|minutes?)$/i.test(tokens[i - 1]!.text)) {
    i = skipBetween(tokens, i - 3 >= lo && /^(?:a|few|several|\d+|two|three|four|five|six|seven|eight|nine|ten)$/i.test(tokens[i - 2]!.text) ? (/^few$/i.test(tokens[i - 2]!.text) && /^a$/i.test(tokens[i - 3]?.text ?? '') ? i - 4 : i - 3) : i - 2, -1, tokens.length);
  } else if (i - 1 >= lo && /^(?:week|month|year|night|weekend|time)$/i.test(tokens[i]!.text) && /^(?:last|this|next)$/i.test(tokens[i - 1]!.text)) {
    i = skipBetween(tokens, i - 2, -1, tokens.length);
  } else if (i - 3 >= lo && /^(?:time|moment)$/i.test(tokens[i]!.text) && /^(?:the|that)$/i.test(tokens[i - 1]!.text) && /^at$/i.test(tokens[i - 2]!.text)) {
    // "Trump at the time said"
    i = skipBetween(tokens, i - 3, -1, tokens.length);
  }
  if (i < lo) return null;
  const w = tokens[i]!.text.toLowerCase();
  // "went on to say", "was quick to add": the subject of the clause
  if (w === 'to') return sentenceSubject(tokens, lo, i);
  // coordinated verbs: "Carson did not mention …, but told his supporters"
  if (w === 'and' || w === 'but') {
    const np = sentenceSubject(tokens, lo, i);
    return np;
  }
  // appositive: "Lavrov, speaking on Wednesday, insisted"; "Clinton, 35, the daughter of …, said"
  if (tokens[i]!.text === ',' || tokens[i]!.text === QUOTE_TOKEN && titleInAppositive(tokens, i)) {
    let best: [number, number] | null = null;
    const appositive = phraseBefore(tokens, i - 1, lo);
    for (let j = i - 1; j >= lo && j > i - 45; j--) {
      const t = tokens[j]!.text;
      if (t === ';' || t === QUOTE_TOKEN && !titleInAppositive(tokens, j)) break;
      if (t !== ',') continue;
      const np = phraseBefore(tokens, j - 1, lo);
      // the object of the preposition that opens the sentence is no subject: "In July, Sammy Aaron, vice chairman of
      // G-III, told …", "In Ohio, Sen. Tom Cole, a Republican, said …"
      if (np !== null && np[0] - 1 === lo && OPENING_PREPOSITIONS.test(tokens[lo]!.text)) break;
      if (np !== null && (isNameLike(tokens, np) || np[0] === lo)) best = np;
      if (np !== null && np[0] === lo) break;
    }
    // "Sanders’s campaign manager, Jeff Weaver, said": the name, not the description it names
    if (best !== null && isDescription(tokens, best) && appositive !== null && isProperName(tokens, appositive) && tokens[appositive[0] - 1]?.text === ',') return appositive;
    return best;
  }
  // a relative clause: "Beck, who has in the past described …"
  if (w === 'who') {
    const j = tokens[i - 1]?.text === ',' ? i - 2 : i - 1;
    return j >= lo ? phraseBefore(tokens, j, lo) : null;
  }
  let np = phraseBefore(tokens, i, lo);
  // a time or place phrase is not the subject: "who has in the past described", "Trump on Monday said"
  for (let hop = 0; hop < 2 && np !== null && !isNameLike(tokens, np); hop++) {
    const prep = tokens[np[0] - 1]?.text.toLowerCase() ?? '';
    if (!/^(?:in|on|at|during|for|since|after|before|over|from|with|last|this)$/.test(prep)) break;
    const k = skipBetween(tokens, np[0] - 2, -1, tokens.length);
    if (k < lo) return null;
    if (tokens[k]!.text.toLowerCase() === 'who') return subjectOf(tokens, k + 1, lo);
    np = tokens[k]!.text === ',' ? null : phraseBefore(tokens, k, lo);
  }
  // two names joined by "and" speak together: "Obama and Clinton call them “lone wolves”" (not the last of a list: "A, B and C")
  if (np !== null && isProperNameish(tokens, np) && tokens[np[0] - 1]?.text.toLowerCase() === 'and' && np[0] - 2 >= lo) {
    const first = phraseBefore(tokens, np[0] - 2, lo);
    const list = /^[,;]$/.test(tokens[first?.[0] !== undefined ? first[0] - 1 : 0]?.text ?? '') && /^\p{Lu}/u.test(tokens[(first?.[0] ?? 0) - 2]?.text ?? '');
    if (first !== null && isProperNameish(tokens, first) && !list) return [first[0], np[1]];
  }
  return np;
}

/** Every word of the phrase is capitalised (a name, perhaps with a title: "Sen. Patrick Leahy", "Obama"). */
function isProperNameish(tokens: readonly Token[], np: readonly [number, number]): boolean {
  for (let k = np[0]; k <= np[1]; k++) if (!/^\p{Lu}/u.test(tokens[k]!.text) || DETERMINERS.has(tokens[k]!.text.toLowerCase()) || PRONOUN_WORDS.test(tokens[k]!.text)) return false;
  return true;
}

/**
 * A description rather than a name: it ends in a lowercase word ("Sanders’s campaign manager", "a spokesman"), or its
 * lowercase head takes a name after "for", "of" or "from" ("The leader of the Anti-Defamation League").
 */
function isDescription(tokens: readonly Token[], np: readonly [number, number]): boolean {
  if (/^\p{Ll}/u.test(tokens[np[1]]!.text) && !PRONOUN_WORDS.test(tokens[np[1]]!.text)) return true;
  if (!DETERMINERS.has(tokens[np[0]]!.text.toLowerCase())) return false;
  for (let k = np[0] + 1; k < np[1]; k++) if (/^(?:for|of|from)$/.test(tokens[k]!.text) && /^\p{Ll}/u.test(tokens[k - 1]!.text)) return true;
  return false;
}

/** A proper name: every word capitalised (initials and particles allowed), at least two words ("Jeff Weaver"). */
export function isProperName(tokens: readonly Token[], np: readonly [number, number]): boolean {
  if (np[1] <= np[0]) return false;
  for (let k = np[0]; k <= np[1]; k++) if (!/^\p{Lu}/u.test(tokens[k]!.text) && !/^(?:de|van|von|da|di|du|la|le|del|der|bin|al)$/.test(tokens[k]!.text)) return false;
  return true;
}

const PRONOUN_WORDS = /^(?:he|she|they|it|we|i|you)$/i;

/** Does the phrase hold a capitalised word or a pronoun (a name rather than a description)? */
export function isNameLike(tokens: readonly Token[], np: readonly [number, number]): boolean {
  for (let k = np[0]; k <= np[1]; k++) if (/^\p{Lu}/u.test(tokens[k]!.text) && !DETERMINERS.has(tokens[k]!.text.toLowerCase())) return true;
  return np[0] === np[1] && /^(?:he|she|they|it|we)$/i.test(tokens[np[0]]!.text);
}

/** Nouns of speech that an owner's "that" clause reports ("Trump’s claim that …"). */
const SPEECH_NOUNS = /^(?:claim|claims|assertion|statement|suggestion|argument|contention|insistence|promise|pledge|warning|remark|comment|charge|accusation|declaration|complaint|vow|prediction|boast)$/i;

/** Words that open a sentence before its subject ("But", "Still,", "In 2014,"). */
const OPENERS = /^(?:but|and|so|still|yet|meanwhile|early|late|however|nevertheless|nonetheless|furthermore|additionally|likewise|similarly|separately|ultimately|now|then|also|later|earlier|instead|indeed|again|moreover|last|this|on|in|at|after|before|during|while|when|since|as|with|for|from|by|despite|yesterday|today|tonight)$/i;

/** Prepositions that open a sentence with an adverbial phrase ("In July,", "Of Carson,"). */
const OPENING_PREPOSITIONS = /^(?:in|on|at|of|after|before|during|since|with|for|from|by|despite|about|across|throughout|inside|outside|near|following)$/i;

/** Opening adverbs: one word, not a clause. */
const ADVERB_OPENERS = /^(?:but|and|so|still|yet|meanwhile|however|nevertheless|nonetheless|furthermore|additionally|likewise|similarly|separately|ultimately|now|then|also|later|earlier|instead|indeed|again|moreover|yesterday|today|tonight)$/i;

/** The sentence's subject: its first phrase after any opening words or an opening clause, before `hi`. */
export function sentenceSubject(tokens: readonly Token[], lo: number, hi: number): [number, number] | null {
  let k = lo;
  const first = tokens[k]?.text ?? '';
  const opener = OPENERS.test(first) || /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(first) ||
    (/^(?:hours?|days?|weeks?|months?|years?|minutes?|moments?|seconds?|decades?)$/i.test(tokens[k + 1]?.text ?? '') && /^(?:later|earlier|ago|before|after)$/i.test(tokens[k + 2]?.text ?? '')) ||
    (/^(?:hours|days|weeks|months|years|minutes|moments|seconds)$/i.test(first) && /^(?:later|earlier|ago|before|after)$/i.test(tokens[k + 1]?.text ?? ''));
  if (k < hi && opener) {
    // skip opening clauses up to their commas ("On Thursday, after remaining neutral, Warren …"), or a single opening word
    for (let round = 0; round < 3 && k < hi && (round === 0 || OPENERS.test(tokens[k]!.text) || /^(?:after|before|while|when|despite|since|as|following)$/i.test(tokens[k]!.text)); round++) {
      // "Then he cut into Bush, …": an opening adverb is one word (and its comma, if any)
      if (ADVERB_OPENERS.test(tokens[k]!.text)) {
        k += tokens[k + 1]?.text === ',' ? 2 : 1;
        continue;
      }
      // (a quoted title followed by a capitalised word ends the clause too: its comma is inside the marks, as in
      // 'On “Face the Nation,” Sen. Bernie Sanders identified …')
      let j = k;
      while (j < hi && j < k + 25 && tokens[j]!.text !== ',' && !(tokens[j]!.text === QUOTE_TOKEN && j > k && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? ''))) j++;
      k = (tokens[j]?.text === ',' || tokens[j]?.text === QUOTE_TOKEN) && j < hi ? j + 1 : k + 1;
    }
  }
  const np = phraseAfter(tokens, k, hi);
  if (np === null) {
    // the opening clause goes on past its first comma in lowercase words: "Following a swiftly called, late-afternoon
    // meeting, the Security Council issued …"
    if (!opener || k === lo) return null;
    let j = k;
    while (j < hi && j < k + 5 && /^[\p{Ll}-]+$/u.test(tokens[j]!.text)) j++;
    const after = j > k && tokens[j]?.text === ',' ? phraseAfter(tokens, j + 1, hi) : null;
    return after !== null && isNameLike(tokens, after) && /^\p{Ll}/u.test(tokens[after[1] + 1]?.text ?? '') ? after : null;
  }
  // "Speaking in Salem, New Hampshire, Trump went after Bush": the place belonged to the opening clause
  if (opener && tokens[np[1] + 1]?.text === ',') {
    const next = phraseAfter(tokens, np[1] + 2, hi);
    if (next !== null && isNameLike(tokens, next) && /^\p{Ll}/u.test(tokens[next[1] + 1]?.text ?? '')) return next;
    // and one more opening phrase after the place: "At a rally in Portland, Maine, on Thursday afternoon, Trump included …"
    if (OPENERS.test(tokens[np[1] + 2]?.text ?? '')) {
      let j = np[1] + 3;
      while (j < hi && j < np[1] + 12 && tokens[j]!.text !== ',' && tokens[j]!.text !== QUOTE_TOKEN) j++;
      const after = tokens[j]?.text === ',' ? phraseAfter(tokens, j + 1, hi) : null;
      if (after !== null && isNameLike(tokens, after) && /^\p{Ll}/u.test(tokens[after[1] + 1]?.text ?? '')) return after;
    }
  }
  // an appositive that closes the opening clause: "Preceded at the lectern by Joe Arpaio, the Arizona sheriff and anti-immigration
  // hard-liner, Trump launched …" (a description, then lowercase words up to a comma, then the name and its verb)
  if (opener && /^(?:the|a|an)$/i.test(tokens[np[0]]!.text) && /^(?:,|and)$/.test(tokens[np[1] + 1]?.text ?? '')) {
    let j = np[1] + 1;
    while (j < hi && j < np[1] + 16 && tokens[j]!.text !== ',' && /^[\p{Ll}-]/u.test(tokens[j]!.text)) j++;
    const after = tokens[j]?.text === ',' ? phraseAfter(tokens, j + 1, hi) : null;
    if (after !== null && isNameLike(tokens, after) && !/^(?:the|a|an)$/i.test(tokens[after[0]]!.text) &&
      /^\p{Ll}/u.test(tokens[after[1] + 1]?.text ?? '') && !/^(?:and|or|of|who|which|whose)$/.test(tokens[after[1] + 1]!.text)) return after;
  }
  // a description named by its appositive: "Trump’s Virginia state director, Mike Rubino, writing in an email: “…”"
  if (isDescription(tokens, np) && tokens[np[1] + 1]?.text === ',') {
    const named = phraseAfter(tokens, np[1] + 2, hi);
    if (named !== null && isProperName(tokens, named) && tokens[named[1] + 1]?.text === ',') return named;
  }
  return np;
}

/**
 * The speech whose "that" clause holds token `k`: a finite cue right before "that" (or with an object between:
 * "told reporters that"), with its subject, looking back no further than `lo`, a quotation, a full stop, colon or
 * semicolon, or a relative or contrasting clause ("…, to which O'Malley interjected: “…”" is O'Malley's).
 */
function reportingClause(tokens: readonly Token[], k: number, lo: number): TokenFound | null {
  // a subject after a comma or a conjunction opens a clause of its own ("After Trump argued that …, Rubio said …")
  if (/^(?:[,—–―-]|while|whereas|but|although|though|because|when|after|before|since|as|if)$/i.test(tokens[k - 1]?.text ?? '')) return null;
  // with "that" left out: "She says it underscores that Trump is “…”" is hers
  const c0 = k - 1;
  // (not after "told", "asked": what follows them is their object)
  if (c0 > lo && isCue(tokens, c0) && !isParticiple(tokens[c0]!.text) && !/^(?:tell|ask|inform|remind|warn|urge|thank)$/.test(cueLemma(tokens[c0]!.text) ?? 'tell') && !NAMING_LEMMAS.has(cueLemma(tokens[c0]!.text) ?? '')) {
    const np = subjectOf(tokens, c0, lo);
    if (np !== null) return { cue: cueRange(tokens, c0), mention: np, pattern: 'reported' };
  }
  for (let j = k - 1; j > lo; j--) {
    const t = tokens[j]!.text;
    if (t === QUOTE_TOKEN || /^(?:[.!?:;—–―]|which|who|whom|whose|while|whereas|but)$/i.test(t)) return null;
    if (t.toLowerCase() !== 'that') continue;
    for (const c of [j - 1, j - 2]) {
      if (c < lo || !isCue(tokens, c) || isParticiple(tokens[c]!.text) || NAMING_LEMMAS.has(cueLemma(tokens[c]!.text) ?? '')) continue;
      if (c === j - 2 && !/^(?:reporters|him|her|them|me|us|voters|supporters|listeners|viewers|audiences?|crowds?)$/i.test(tokens[j - 1]!.text)) continue;
      const np = subjectOf(tokens, c, lo);
      if (np !== null) return { cue: cueRange(tokens, c), mention: np, pattern: 'reported' };
    }
  }
  return null;
}

/** The first finite cue before `c` with a subject, for participles ("…, describing it as “…”"). */
function mainClauseSubject(tokens: readonly Token[], c: number, lo: number): TokenFound {
  for (let k = c - 1; k >= lo; k--) {
    if (tokens[k]!.text === QUOTE_TOKEN) continue;
    if (isCue(tokens, k) && !isParticiple(tokens[k]!.text)) {
      const np = subjectOf(tokens, k, lo);
      if (np !== null) return { cue: cueRange(tokens, k), mention: np, pattern: 'reported' };
    }
  }
  // the sentence's own subject: its first phrase, when a verb follows it
  const np = sentenceSubject(tokens, lo, c);
  if (np !== null && np[1] + 1 < c) return { cue: [c, c], mention: np, pattern: 'reported' };
  return NONE;
}

/** A description after an inverted cue gives way to the name in apposition to it: "said the bureau’s director, James B. Comey." */
function namedAfter(tokens: readonly Token[], np: readonly [number, number]): readonly [number, number] {
  if (!isDescription(tokens, np) || tokens[np[1] + 1]?.text !== ',') return np;
  const named = phraseAfter(tokens, np[1] + 2);
  return named !== null && isProperName(tokens, named) && /^(?:[,.;]|)$/.test(tokens[named[1] + 1]?.text ?? '') ? named : np;
}

/**
 * Attribute the quotation at token `q` of a sentence's tokens.
 *
 * @example
 *   // tokens of `“…,” he said.` with the quote at 0 → { pattern: 'trailing', mention: [6, 8], cue: [9, 13] }
 */
export function attribute(tokens: readonly Token[], q: number, headline = false): Found {
  inHeadline = headline;
  const own = attributeTokens(tokens, q, headline);
  const found = own.pattern === 'trailing' || own.pattern === 'inverted' ? accordingAfter(tokens, own) ?? own : own;
  inHeadline = false;
  const chars = (r: readonly [number, number] | null): readonly [number, number] | null =>
    r === null ? null : [tokens[r[0]]!.start, tokens[r[1]]!.end];
  return { cue: chars(found.cue), mention: chars(found.mention), pattern: found.pattern };
}

/**
 * A trailing attribution that goes on with its own source: `“…,” Sanders said, according to CNN.` Whoever the
 * reporter heard it from is the source (on PolNeAR train the annotators chose the outlet, the account or the
 * transcript after "according to" every time, ten of ten), as "according to" before a cue already is.
 */
function accordingAfter(tokens: readonly Token[], found: TokenFound): TokenFound | null {
  const from = Math.max(found.cue?.[1] ?? 0, found.mention?.[1] ?? 0) + 1;
  for (let a = from; a + 1 < tokens.length && a < from + 30; a++) {
    // (only in the attribution's own clause: not "“…,” Smith said, adding that, according to the report, prices rose")
    if (tokens[a]!.text === QUOTE_TOKEN || isCue(tokens, a) || /^(?:that|and|but|while|which|who|because|[;:])$/i.test(tokens[a]!.text)) return null;
    if (tokens[a - 1]!.text !== ',' || tokens[a]!.text.toLowerCase() !== 'according' || tokens[a + 1]!.text.toLowerCase() !== 'to') continue;
    const np = phraseAfter(tokens, a + 2);
    return np === null ? null : { cue: [a, a + 1], mention: np, pattern: 'according' };
  }
  return null;
}

function attributeTokens(tokens: readonly Token[], q: number, headline: boolean): TokenFound {
  const n = tokens.length;
  // 1. trailing: “…,” he said / “…,” said Sen. X / “…” — X
  let k = q + 1;
  while (k < n && (tokens[k]!.text === ',' || tokens[k]!.text === '.' && false)) k++;
  let dash = false;
  if (k < n && /^(?:—|–|―|--|-)$/.test(tokens[k]!.text)) {
    dash = true;
    k++;
  }
  // (a participle after the quote opens a clause about it, not an inversion: "“…,” referring to the Islamic State")
  if (k < n && !dash && /^\p{Ll}/u.test(tokens[k]!.text) && !isParticiple(tokens[k]!.text) && (isCue(tokens, k) || cueLemmaAfterQuote(tokens[k]!.text) !== null)) {
    const c = cueRange(tokens, k);
    const np = phraseAfter(tokens, c[1] + 1);
    if (np !== null) return { cue: c, mention: namedAfter(tokens, np), pattern: 'inverted' };
  }
  if (k < n && k > q + (dash ? 1 : 0) || (k === q + 1 && k < n && !/^[.;:!?]$/.test(tokens[k]!.text))) {
    let np = phraseAfter(tokens, k);
    if (np !== null) {
      let j = np[1] + 1;
      if (tokens[j]?.text === '(') {
        while (j < n && tokens[j]!.text !== ')') j++;
        j++;
      }
      if (tokens[j]?.text === ',') {
        // appositive: “…,” Smith, a spokesman for X, said.
        for (let e = j + 1; e < n && e < j + 45; e++) {
          if (tokens[e]!.text === ';') break;
          if (tokens[e]!.text === ',' && isCue(tokens, skipBetween(tokens, e + 1, 1, n))) {
            // a description named by its appositive: “…,” Sanders’s campaign manager, Jeff Weaver, said.
            const named = phraseAfter(tokens, j + 1, e);
            if (named !== null && named[1] === e - 1 && isDescription(tokens, np) && isProperName(tokens, named)) np = named;
            j = e + 1;
            break;
          }
        }
      }
      j = skipBetween(tokens, j, 1, n);
      // a cue that opens the next quotation with a colon is not this one's, when this one sits inside its own clause:
      // "After Scalia said that … at “less advanced schools,” Trump said: “…”"
      const opensNext = tokens[cueRange(tokens, j)[1] + 1]?.text === ':' && tokens[cueRange(tokens, j)[1] + 2]?.text === QUOTE_TOKEN && q > 0 && /^[\p{L}\p{N}]/u.test(tokens[q - 1]!.text);
      if (isCue(tokens, j) && !opensNext) return { cue: cueRange(tokens, j), mention: np, pattern: 'trailing' };
      // right after “…,” and its subject, any speech verb is the cue, whatever follows it: “…,” Obama stated.
      if (k === q + 1 && !dash && !opensNext && /^\p{Ll}/u.test(tokens[j]?.text ?? '') && cueLemmaAfterQuote(tokens[j]!.text) !== null && !isParticiple(tokens[j]!.text)) {
        return { cue: cueRange(tokens, j), mention: np, pattern: 'trailing' };
      }
      // a prepositional phrase before the cue: “…?” a staffer in the room wondered.
      if (/^(?:in|at|from|of|for|with|on|inside|outside|near)$/i.test(tokens[j]?.text ?? '')) {
        for (let e = j + 1; e < n && e < j + 7; e++) {
          if (!/^[\p{L}\p{N}]/u.test(tokens[e]!.text)) break;
          if (isCue(tokens, e) && !isParticiple(tokens[e]!.text)) return { cue: cueRange(tokens, e), mention: np, pattern: 'trailing' };
        }
      }
      if (dash && (j >= n || /^[,.;]$/.test(tokens[j]!.text))) return { cue: null, mention: np, pattern: 'dash' };
    }
  }
  // 2. according to X (within 40 tokens of the quote: only that window is read, so a
  // paragraph with many quotes is not scanned whole for each)
  for (let a = Math.max(0, q - 39); a + 1 < n && a < q + 40; a++) {
    if (tokens[a]!.text.toLowerCase() === 'according' && tokens[a + 1]!.text.toLowerCase() === 'to') {
      const np = phraseAfter(tokens, a + 2);
      if (np !== null && Math.abs(a - q) < 40) return { cue: [a, a + 1], mention: np, pattern: 'according' };
    }
  }
  // 3. leading: the last cue before the quote, and its subject
  let lo = 0;
  for (let c = q - 1; c >= lo; c--) {
    if (!isCue(tokens, c)) continue;
    const word = tokens[c]!.text;
    if (isParticiple(word)) {
      // "with Trump reportedly yelling: “…”", "Ryan saying he was “…”": the phrase right before is the subject
      const prev = skipBetween(tokens, c - 1, -1, tokens.length);
      if (prev >= lo && /^[\p{L}]/u.test(tokens[prev]!.text)) {
        const own = phraseBefore(tokens, prev, lo);
        if (own !== null && isNameLike(tokens, own) && !DETERMINERS.has(tokens[own[0]]!.text.toLowerCase())) {
          // inside someone's reported speech the participle's clause is theirs: "She says Trump’s tweets accusing Machado … are “lies …”"
          const outer = NAMING_LEMMAS.has(cueLemma(word) ?? '') ? null : reportingClause(tokens, own[0], lo);
          return outer ?? { cue: cueRange(tokens, c), mention: own, pattern: 'reported' };
        }
      }
      // a participle in an opening clause takes the subject of the main clause after it:
      // "After saying her foot was “so swollen …,” she was “whisked …”"
      if (c === lo || (c === lo + 1 && /^(?:after|before|while|when|upon|since|by|in)$/i.test(tokens[lo]!.text))) {
        // right after the quotation (its comma inside the marks: “… my shoe on,” she was), else after the next comma
        const comma = tokens.findIndex((t, i) => i > q && t.text === ',');
        for (const from of [q + 1, comma + 1]) {
          const np = from > q ? phraseAfter(tokens, from) : null;
          if (np !== null && (isNameLike(tokens, np) || /^(?:the|a|an)$/i.test(tokens[np[0]]!.text)) && /^\p{Ll}/u.test(tokens[np[1] + 1]?.text ?? '')) return { cue: cueRange(tokens, c), mention: np, pattern: 'reported' };
        }
      }
      const main = mainClauseSubject(tokens, c, lo);
      if (main.mention !== null) return { ...main, cue: cueRange(tokens, c) };
      continue;
    }
    // inverted before the quote: "…, explained Rosenberg, “…”"
    const after = phraseAfter(tokens, cueRange(tokens, c)[1] + 1, q);
    const lemma = cueLemma(word) ?? '';
    const between = after === null ? [] : tokens.slice(after[1] + 1, q);
    if (after !== null && isNameLike(tokens, after) && lemma !== 'tell' && lemma !== 'ask' && !NAMING_LEMMAS.has(lemma) &&
      between.length > 0 && between.every((t) => /^[,:]$/.test(t.text)) && (tokens[c - 1]?.text === ',' || c === lo)) {
      return { cue: cueRange(tokens, c), mention: after, pattern: 'inverted' };
    }
    const np = subjectOf(tokens, c, lo);
    // "a class called “Perception”": a naming verb after a plain noun names, nobody speaks
    const reducedRelative = np !== null && NAMING_LEMMAS.has(cueLemma(word) ?? '') && /ed$/.test(word) &&
      !isNameLike(tokens, np) && /^(?:the|a|an)$/i.test(tokens[np[0]]!.text) && !BETWEEN.has(tokens[c - 1]?.text.toLowerCase() ?? '');
    if (reducedRelative) continue;
    if (np !== null) {
      // a clause inside someone's reported speech reports their words: "Trump said that Romney begged him … and “…”"
      const outer = reportingClause(tokens, np[0], lo);
      if (outer !== null) return outer;
      return { cue: cueRange(tokens, c), mention: np, pattern: c >= q - 3 ? 'leading' : 'reported' };
    }
    // "As he put it", passive "was quoted as saying": keep looking further back
  }
  // 4. a name and a colon: “TRUMP: …” or “Trump on Clinton: “…””
  if (q >= 2 && tokens[q - 1]!.text === ':') {
    let np = phraseBefore(tokens, q - 2, lo);
    // an inverted cue opening the sentence is no part of the name: "Stated Stone: “…”", "Added Jones: “…”"
    if (np !== null && np[0] === lo && np[1] > np[0] && cueLemmaAfterQuote(tokens[np[0]]!.text) !== null) np = [np[0] + 1, np[1]];
    // only a speaker label that opens the sentence ("TRUMP: “…”"); "… makes a case: “…”" names no speaker
    if (np !== null && np[0] === lo && isNameLike(tokens, np)) return { cue: [q - 1, q - 1], mention: np, pattern: 'colon' };
    // a name right before the colon: "… doesn’t surprise pollster Daron Shaw: “…”", "SHIFT AMONG VOTERS - Philip Bump: “…”"
    // (not a place or channel after a preposition or a cue: "… on Fox News: “…”", "Priebus told Fox News: “…”")
    if (np !== null && isNameWord(tokens[np[1]]!) && isNameLike(tokens, np) && !/^(?:to|with|on|in|from|by|for|of|at|about|via)$/i.test(tokens[np[0] - 1]?.text ?? '') && cueLemma(tokens[np[0] - 1]?.text ?? '') === null) return { cue: [q - 1, q - 1], mention: np, pattern: 'colon' };
  }
  // 5. a cue later in the sentence: “no evidence” yet …, de Blasio said.
  for (let c = q + 1; c < n; c++) {
    if (tokens[c]!.text === QUOTE_TOKEN) continue;
    if (!isCue(tokens, c) || isParticiple(tokens[c]!.text)) continue;
    if (tokens[c - 1]?.text === ',') {
      const np = phraseAfter(tokens, cueRange(tokens, c)[1] + 1);
      if (np !== null) return { cue: cueRange(tokens, c), mention: namedAfter(tokens, np), pattern: 'later' };
    }
    const np = subjectOf(tokens, c, q + 1);
    if (np !== null) {
      const before = tokens[np[0] - 1]?.text;
      if (before === ',' || before === undefined || before === QUOTE_TOKEN || np[0] === q + 1 || before?.toLowerCase() === 'as') return { cue: cueRange(tokens, c), mention: np, pattern: 'later' };
    }
  }
  // 6. an owner's claim: "Donald Trump’s claim that there have been “thousands of shootings”"
  for (let c = q - 1; c >= 2 && c > q - 30; c--) {
    const t = tokens[c]!.text;
    if (t === QUOTE_TOKEN || /^[.;:!?]$/.test(t)) break;
    if (t.toLowerCase() !== 'that' || !SPEECH_NOUNS.test(tokens[c - 1]!.text)) continue;
    // (one or two modifiers may come between: "Donald Trump’s repeated claim that", "Clinton’s earlier, angrier statement that")
    let o = c - 2;
    while (o > 0 && o > c - 5 && /^(?:\p{Ll}[\p{Ll}-]*|,)$/u.test(tokens[o]!.text) && !DETERMINERS.has(tokens[o]!.text)) o--;
    if (o < 0 || !/^\p{Lu}.*[’']s?$/u.test(tokens[o]!.text)) continue;
    // the owner is the name the possessive ends ("Donald Trump’s")
    let s = o;
    while (s - 1 >= 0 && s > o - 4 && isNameWord(tokens[s - 1]!) && !/[’']s?$/u.test(tokens[s - 1]!.text)) s--;
    return { cue: [c - 1, c - 1], mention: [s, o], pattern: 'reported' };
  }
  // (A possessive, `Clinton’s “deplorables” remark`, is not read as an attribution: on PolNeAR train it
  //  agreed with the annotators in under a fifth of cases, and a wrong name is worse than none.)
  // 7. the sentence's subject, when it is a name or a pronoun ("He anticipated that … “…”")
  if (q > 0) {
    const np = sentenceSubject(tokens, 0, q);
    const words = np === null ? [] : tokens.slice(np[0], np[1] + 1).map((t) => t.text);
    const plausible = np !== null && isNameLike(tokens, np) && np[1] + 1 < q && /^\p{Ll}/u.test(tokens[np[1] + 1]!.text) &&
      !words.some((w) => /(?:ed|ing|ly)$/.test(w) && /^\p{Lu}/u.test(w)) && !/[’']s$/u.test(words.at(-1) ?? '') && !/^(?:of|in|at|on|from|to|for|with|by)$/i.test(tokens[np[0] - 1]?.text ?? '');
    if (plausible) return { cue: null, mention: np!, pattern: 'subject' };
  }
  // 8. a relative clause that holds the quotation speaks for its antecedent: "Chicago Alderman Jason Ervin, who thinks the
  // mayor and his staff “need to be more collaborative”" (no comma, cue or other quotation between "who" and the quotation)
  for (let w = q - 1; w > 0 && w > q - 25; w--) {
    const t = tokens[w]!.text;
    if (t === QUOTE_TOKEN || /^[,;:.!?—–―]$/.test(t) || isCue(tokens, w)) break;
    if (t.toLowerCase() !== 'who') continue;
    const np = phraseBefore(tokens, tokens[w - 1]!.text === ',' ? w - 2 : w - 1, 0);
    if (np !== null && isProperNameish(tokens, np)) return { cue: null, mention: np, pattern: 'relative' };
    break;
  }
  return NONE;
}
