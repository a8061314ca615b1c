/**
 * Cheap pre-scans that refuse pathological Markdown before remark sees it.
 *
 * - Depth: remark recurses once per nesting level on the way to HTML: 1,500
 *   nested `>` overflow the stack, emphasis 1,000 deep can too, and a list
 *   nested 1,000 deep takes about 45 seconds. Real articles nest two or three levels.
 * - Load: remark's time grows with the square of the inline marks in one
 *   paragraph (8,000 unmatched `_` runs take seconds), and by 50–100 µs for
 *   each line and mark in a seed. Real articles hold a few dozen per paragraph.
 */

/** Deepest nesting accepted: block containers (quotes, list items) plus open emphasis and brackets. */
export const MAX_MARKDOWN_DEPTH = 32;

const CONTAINER = /^[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/;
const DELIMITER_RUN = /[*_]+/g;
const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]/u;

/** Emphasis openers minus closers, in the way CommonMark's flanking rules decide them (approximately). */
function emphasisChange(line: string): { readonly peak: number; readonly net: number } {
  let depth = 0;
  let peak = 0;
  for (const match of line.matchAll(DELIMITER_RUN)) {
    const before = line[match.index - 1] ?? ' ';
    const after = line[match.index + match[0].length] ?? ' ';
    const opens = !/\s/.test(after) && (!SPACE_OR_PUNCTUATION.test(after) || SPACE_OR_PUNCTUATION.test(before));
    const closes = !/\s/.test(before) && (!SPACE_OR_PUNCTUATION.test(before) || SPACE_OR_PUNCTUATION.test(after));
    if (opens && !closes) depth += match[0].length;
    else if (closes && !opens) depth -= match[0].length;
    peak = Math.max(peak, depth);
  }
  return { peak, net: depth };
}

/**
 * The deepest nesting a Markdown text reaches, and the 1-based line (of the
 * text) where it is first reached. An over-estimate is fine; it only has to be
 * cheap and never miss real depth.
 *
 * @example
 *   markdownDepth('> > quoted\n\n- a\n  - b') // { depth: 2, line: 1 }
 */
export function markdownDepth(markdown: string): { readonly depth: number; readonly line: number } {
  let deepest = 0;
  let deepestLine = 1;
  let inline = 0; // open emphasis and brackets within the current paragraph
  for (const [index, line] of markdown.split('\n').entries()) {
    if (line.trim() === '') {
      inline = 0;
      continue;
    }
    // Block containers: each `>` or list marker at the start of the line, plus list indentation.
    let rest = line;
    let containers = 0;
    let indent = 0;
    for (let match = CONTAINER.exec(rest); match !== null; match = CONTAINER.exec(rest)) {
      if (containers === 0) indent = (/^[ \t]*/.exec(rest)?.[0] ?? '').replace(/\t/g, '    ').length;
      containers++;
      rest = rest.slice(match[0].length);
    }
    if (containers > 0) containers += Math.floor(indent / 2);
    // Inline nesting: emphasis delimiter runs and square brackets.
    const emphasis = emphasisChange(rest);
    let brackets = 0;
    let bracketPeak = 0;
    for (const char of rest) {
      if (char === '[') bracketPeak = Math.max(bracketPeak, ++brackets);
      else if (char === ']') brackets--;
    }
    const depth = containers + inline + Math.max(emphasis.peak, 0) + bracketPeak;
    if (depth > deepest) [deepest, deepestLine] = [depth, index + 1];
    inline = Math.max(0, inline + emphasis.net + brackets);
  }
  return { depth: deepest, line: deepestLine };
}

/**
 * Most lines plus inline marks one Markdown paragraph may hold. remark (micromark) resolves a
 * paragraph's emphasis and links by walking back over everything parsed so far in it, and merges
 * plain text by splicing the paragraph's event list, so its time grows with the square of these:
 * 8,000 unmatched `_` runs in one paragraph take seconds, 64,000 take a minute.
 * 1,000 keeps a paragraph to tens of milliseconds; real articles hold a few dozen.
 */
export const MAX_PARAGRAPH_MARKS = 1_000;

/**
 * Most lines plus inline marks one Markdown seed may hold. remark spends roughly 50–100 µs on each
 * (a 1 MiB seed of short lines or dense emphasis took over 30 seconds), so this bounds a seed's
 * parse to about a second. A 1 MiB seed of prose wrapped at 72 columns has about 15,000 lines.
 */
export const MAX_MARKDOWN_MARKS = 20_000;

/**
 * How many spaces a code-span search passes over for each mark it counts as. remark looks for a
 * code span's closing backtick run (the next run of the same length) through the rest of the
 * paragraph, at about a tenth of a mark's cost for every space, tab or line break it passes, so
 * a long paragraph with many backtick runs of different lengths is slow even with few marks.
 */
export const SPACES_PER_MARK = 8;

/** Inline marks (runs of `*`, of `_` and of backticks, brackets, `<`, `&`, `\`), and runs of spaces. */
const MARK = /\*+|_+|(\\?)(`+)|[[\]<&\\]|([ \t]+)/g;
/** A line that ends a paragraph: blank, or holding only block-quote markers. */
const BREAK = /^(?: {0,3}>)*[ \t]*$/;
/** A line that starts a bullet list item (or a thematic break), which interrupts a paragraph. */
const BULLET = /^(?: {0,3}>[ \t]?)* {0,3}[-+*][ \t]+\S/;

/** One paragraph's count, line by line. */
class Tally {
  /** Lines and marks. */
  marks = 0;
  /** Spaces, tabs and line breaks so far. */
  spaces = 0;
  /** Spaces passed by code-span searches that have ended (at the next run of the same length). */
  private searched = 0;
  /** For each backtick run length, `spaces` before its latest run, whose search runs on to the end. */
  private readonly open = new Map<number, number>();
  private openSum = 0;

  /**
   * A backtick run of `length`. Its search for a closing run (if it opens a code span) ends at
   * the next run of the same length, or at the paragraph's end; so does the search of an
   * earlier run of that length, which this one ends.
   */
  code(length: number): void {
    const before = this.open.get(length);
    if (before !== undefined) [this.searched, this.openSum] = [this.searched + this.spaces - before, this.openSum - before];
    this.open.set(length, this.spaces);
    this.openSum += this.spaces;
  }

  /** Lines and marks, plus one mark for every SPACES_PER_MARK spaces that code-span searches may pass. */
  weight(): number {
    const pending = this.open.size * this.spaces - this.openSum;
    return this.marks + Math.floor((this.searched + pending) / SPACES_PER_MARK);
  }
}

/** Where and how badly a Markdown text passes one of the two caps. */
export interface MarkdownLoad {
  /** `paragraph`: one paragraph holds over MAX_PARAGRAPH_MARKS; `seed`: the text holds over MAX_MARKDOWN_MARKS. */
  readonly over: 'paragraph' | 'seed';
  /** The marks counted: in that paragraph, or in the whole text. */
  readonly marks: number;
  /** The 1-based line (of the text) where that paragraph starts, or where the seed's cap is passed. */
  readonly line: number;
}

/**
 * Count lines and inline Markdown marks, per paragraph and in all, and say which cap is passed
 * first (null when neither is). Paragraphs are split at blank lines and bullet items, as remark
 * splits them or more coarsely, so the count never misses what remark will parse as one
 * paragraph. Linear and cheap: it runs before remark does.
 *
 * @example
 *   markdownLoad('# H\n\nSome *emphasis*.') // null
 *   markdownLoad('x' + 'c!_!}'.repeat(8000)) // { over: 'paragraph', marks: 8001, line: 1 }
 */
export function markdownLoad(markdown: string): MarkdownLoad | null {
  let done = 0; // the weight of the paragraphs and blank lines before the current paragraph
  let seedOver = 0; // the line where the whole count passes its cap
  let tally = new Tally();
  let start = 1; // the current paragraph's first line
  let over = false; // the current paragraph is over its cap: count it to its end, then report it
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const blank = BREAK.test(line);
    if (blank || BULLET.test(line)) {
      if (over) return { over: 'paragraph', marks: tally.weight(), line: start };
      done += tally.weight() + (blank ? 1 : 0);
      [tally, start] = [new Tally(), index + (blank ? 2 : 1)];
    }
    if (!blank) {
      if (tally.marks > 0) tally.spaces++; // the line break before this line
      tally.marks++;
      for (const match of line.matchAll(MARK)) {
        if (match[3] !== undefined) tally.spaces += match[3].length;
        else if (match[2] === undefined) tally.marks++;
        else {
          const length = match[2].length;
          tally.code(length);
          if (match[1] === '') tally.marks++;
          else {
            // After a backslash the run opens one backtick shorter (and closes at its full length).
            tally.marks += 2; // the `\` is a mark too
            if (length > 1) tally.code(length - 1);
          }
        }
      }
      if (seedOver === 0) over ||= tally.weight() > MAX_PARAGRAPH_MARKS;
    }
    if (seedOver === 0 && !over && done + tally.weight() > MAX_MARKDOWN_MARKS) seedOver = index + 1;
  }
  if (over) return { over: 'paragraph', marks: tally.weight(), line: start };
  return seedOver > 0 ? { over: 'seed', marks: done + tally.weight(), line: seedOver } : null;
}
