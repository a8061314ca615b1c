/**
 * Cheap pre-scans that refuse pathological Markdown before remark sees it.
 *
 * - Depth: remark recurses once per nesting level on the way to HTML: 1,500
 *   nested `>` overflow the stack, emphasis 1,000 deep can too, and a list
 *   nested 1,000 deep takes about 45 seconds. Real articles nest two or three levels.
 * - Load: remark's time grows with the square of the inline marks in one
 *   paragraph (8,000 unmatched `_` runs take seconds), and by 50–100 µs for
 *   each line and mark in a seed. Real articles hold a few dozen per paragraph.
 * - Ends of containers: each line that ends a list or block quote (nested or
 *   not) may make remark copy everything it has parsed of the seed so far, so
 *   a seed of lines such as `- - - x`, or of quotes between paragraphs, takes
 *   time growing with the square of its lines.
 */

/** Deepest nesting accepted: block containers (quotes, list items) plus open emphasis and brackets. */
export const MAX_MARKDOWN_DEPTH = 32;

/** A block container at the start of what is left of a line: `>`, or a list marker (group 1) before a space, a tab or the line's end. */
const CONTAINER = /^[ \t]*(?:>|([-+*]|\d{1,9}[.)])(?:[ \t]|$))/;
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

/** The block containers that open a line. */
interface LineContainers {
  /** `>` and list markers at its start, plus one for every two columns of indentation before the first. */
  readonly containers: number;
  /** The same, counting indentation without markers too (an indented line may continue a list item). */
  readonly depth: number;
  /** How deep its first list marker is, counted the same way (0 when it has none). */
  readonly firstList: number;
  /** The line after the markers. */
  readonly rest: string;
}

/** Each `>` or list marker at the start of the line, plus list indentation: an over-estimate of its depth. */
function blockContainers(line: string): LineContainers {
  const indent = Math.floor((/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length / 2);
  let rest = line;
  let containers = 0;
  let firstList = 0;
  for (let match = CONTAINER.exec(rest); match !== null; match = CONTAINER.exec(rest)) {
    containers++;
    if (firstList === 0 && match[1] !== undefined) firstList = containers + indent;
    rest = rest.slice(match[0].length);
  }
  return { containers: containers > 0 ? containers + indent : 0, depth: containers + indent, firstList, rest };
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
    const { containers, rest } = blockContainers(line);
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

/**
 * The most work ends of containers may cost a seed, in remark's events copied (see
 * `markdownContainerCost`). remark took 0.05–0.4 µs an event counted here (measured: an interview
 * of 800 quoted questions, 5.1 million, 0.5 s; 800 numbered items with a nested line each, 8.9
 * million, 0.4 s; 400 lines of `- ` 30 times, 19 million, 4.6 s; 2,000 lines of `- - - x`, 52
 * million, 8.3 s), so this keeps a seed to a few seconds at worst while ordinary interviews and
 * listicles of hundreds of items pass. (A first cap of 250,000 refused an interview of 250
 * questions that parses in 0.2 s.) The corpora (22,000 articles read as Markdown) reach 2,530.
 */
export const MAX_CONTAINER_COST = 8_000_000;

/** Events remark keeps for each line of a seed, and for each block container on it (measured on `- - x` seeds). */
const EVENTS_PER_LINE = 2;
const EVENTS_PER_CONTAINER = 8;

/** Where the cost of the ends of a Markdown text's lists and quotes passes `MAX_CONTAINER_COST`. */
export interface ContainerCost {
  /** The cost counted up to that line. */
  readonly cost: number;
  /** How many lines may have ended a list, list item or block quote up to that line. */
  readonly closings: number;
  /** The 1-based line (of the text) where the cost passes the limit. */
  readonly line: number;
}

/**
 * The cost of the ends of the lists and block quotes in a Markdown text, when it passes
 * `MAX_CONTAINER_COST` (else null).
 *
 * micromark keeps one list of events for the whole seed (a few for each line and each container
 * on it). When a line ends containers (a quote followed by a paragraph, a list item at a shallower
 * level than the line before reached), it moves their ends back by rebuilding that whole list, so
 * each such line costs as many events as came before it: 200 lines of `- - - x` (each a new top
 * item, ending the lists nested in the last) or 1,000 quotes between paragraphs take seconds.
 * This counts the same events line by line and adds them up at each line that may end a container
 * (an over-estimate: indentation counts as depth, and a lazy line as an end). Linear and cheap.
 *
 * @example
 *   markdownContainerCost('> a quote\n\nA paragraph.\n\n- a\n  - b\n- c') // null
 *   markdownContainerCost('- - - x\n'.repeat(2000)) // over the cap: { cost, closings, line }
 */
export function markdownContainerCost(markdown: string): ContainerCost | null {
  let events = 0;
  let cost = 0;
  let closings = 0;
  let previous = 0; // the depth of the last non-blank line
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      events += EVENTS_PER_LINE;
      continue;
    }
    const { depth, firstList } = blockContainers(line);
    // The containers of the line before that this line may continue: a list marker starts a new item at its level.
    if ((firstList > 0 ? firstList : depth) < previous) {
      cost += events;
      closings++;
      if (cost > MAX_CONTAINER_COST) return { cost, closings, line: index + 1 };
    }
    events += EVENTS_PER_LINE + EVENTS_PER_CONTAINER * depth;
    previous = depth;
  }
  return null;
}
