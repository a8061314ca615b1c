/**
 * Quotation marks → quotation spans, for one block of text.
 *
 * Curly marks say which way they face; straight marks (`"`, `'`) are classified
 * by their neighbours. Pairing is local to the block, so an odd straight quote
 * costs at most the rest of its paragraph, never the rest of the article.
 */

/** A quotation found in one block of text. Offsets are UTF-16 code units. */
export interface MarkSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just past the closing mark (or the block's end when `closed` is false). */
  readonly close: number;
  /** Start of the words inside the marks. */
  readonly start: number;
  /** End of the words inside the marks. */
  readonly end: number;
  /** False when the block ends before the closing mark (a multi-paragraph quote, or a stray mark). */
  readonly closed: boolean;
  /** `double` for “…” and "…", `single` for ‘…’ and '…'. */
  readonly marks: 'double' | 'single';
}

export interface MarkOptions {
  /** Also treat single quotes as quotation marks at the top level (headlines do this). */
  readonly singles?: boolean;
}

type Facing = 'open' | 'close' | 'either';

const SPACE_BEFORE = /[\s([{\u2014\u2013/-]/u;
const WORDISH = /[\p{L}\p{N}]/u;

/** Which way a straight mark at `i` faces, judged by its neighbours. */
function straightFacing(text: string, i: number): Facing {
  const before = i > 0 ? text[i - 1]! : '';
  const after = i + 1 < text.length ? text[i + 1]! : '';
  const openish = before === '' || SPACE_BEFORE.test(before);
  const closeish = after === '' || /[\s.,;:!?)\]}\u2014\u2013-]/u.test(after);
  if (openish && !closeish) return 'open';
  if (closeish && !openish) return 'close';
  return 'either';
}

/** Is the single mark at `i` an apostrophe (don’t, Trump’s, ’90s, dogs’) rather than a quotation mark? */
function isApostrophe(text: string, i: number, facing: Facing): boolean {
  const before = i > 0 ? text[i - 1]! : '';
  const after = i + 1 < text.length ? text[i + 1]! : '';
  if (WORDISH.test(before) && WORDISH.test(after)) return true;
  // ’90s, ’em
  if (facing !== 'close' && /\d/.test(after) && !WORDISH.test(before)) return true;
  return false;
}

/**
 * Is the left curly mark at `i` a closing mark typed the wrong way round (`… 51 percent.“`, `an “expedited review“ of`):
 * a word or punctuation right before it, and a space, punctuation or the end of the text right after it?
 */
function isMisturnedCloser(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1]! : '';
  const after = i + 1 < text.length ? text[i + 1]! : '';
  return before !== '' && !SPACE_BEFORE.test(before) && (after === '' || /[\s.,;:!?)\]}\u2014\u2013]/u.test(after));
}

interface Mark {
  readonly at: number;
  readonly kind: 'double' | 'single';
  readonly facing: Facing;
}

function collectMarks(text: string, singles: boolean): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) marks.push({ at: i, kind: 'double', facing: isMisturnedCloser(text, i) ? 'close' : 'open' });
    else if (c === 0x201e || c === 0x00ab) marks.push({ at: i, kind: 'double', facing: 'open' });
    else if (c === 0x201d || c === 0x00bb) marks.push({ at: i, kind: 'double', facing: 'close' });
    else if (c === 0x22) marks.push({ at: i, kind: 'double', facing: straightFacing(text, i) });
    else if (singles && (c === 0x2018 || c === 0x2019 || c === 0x27)) {
      const facing: Facing = c === 0x2018 ? 'open' : c === 0x2019 ? (straightFacing(text, i) === 'open' ? 'either' : 'close') : straightFacing(text, i);
      if (!isApostrophe(text, i, facing)) marks.push({ at: i, kind: 'single', facing });
    }
  }
  return marks;
}

/** Trim spaces inside the marks so `start`/`end` cover the words only. */
function inner(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Find the top-level quotations in `text`. Quotes nested inside a quotation
 * (‘…’ inside “…”) are part of the outer quotation's words, not spans of their own.
 *
 * @example
 *   findMarkSpans('“Yes,” he said.') // [{ open: 0, close: 6, start: 1, end: 5, closed: true, marks: 'double' }]
 */
export function findMarkSpans(text: string, options: Readonly<MarkOptions> = {}): MarkSpan[] {
  const singles = options.singles ?? false;
  const spans: MarkSpan[] = [];
  const marks = collectMarks(text, singles);
  let opener: Mark | null = null;
  /** Depth of double quotes nested inside the current quotation. */
  let nested = 0;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    if (opener === null) {
      if (m.facing === 'close') continue; // a stray closing mark: ignore it
      opener = m;
      nested = 0;
      continue;
    }
    if (m.kind !== opener.kind) continue; // a single mark inside double quotes (or the reverse) is nested text
    if (m.facing === 'open') {
      // A second opening mark before a close. Curly inside curly is a nested quote;
      // a straight one most likely means the first mark was stray.
      const curlyNest = text[m.at] === '\u201c' && nested === 0 && hasCloseAhead(marks, k, 2);
      if (curlyNest) nested++;
      else if (text[opener.at] === '"' && text[m.at] === '"') opener = m;
      continue;
    }
    if (nested > 0 && (m.facing === 'close' || m.facing === 'either')) {
      if (text[m.at] !== '"' || m.facing === 'close') {
        nested--;
        continue;
      }
    }
    const { start, end } = inner(text, opener.at + 1, m.at);
    if (end > start) spans.push({ open: opener.at, close: m.at + 1, start, end, closed: true, marks: opener.kind });
    opener = null;
  }
  if (opener !== null) {
    const { start, end } = inner(text, opener.at + 1, text.length);
    if (end > start) spans.push({ open: opener.at, close: text.length, start, end, closed: false, marks: opener.kind });
  }
  return spans;
}

/** Are there at least `n` closing-capable marks after index `k`? */
function hasCloseAhead(marks: readonly Mark[], k: number, n: number): boolean {
  let count = 0;
  for (let j = k + 1; j < marks.length; j++) if (marks[j]!.facing !== 'open') count++;
  return count >= n;
}
