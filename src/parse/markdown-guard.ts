/**
 * A cheap pre-scan that refuses pathological Markdown before remark sees it.
 * remark recurses once per nesting level on the way to HTML: 1,500 nested `>`
 * overflow the stack, emphasis 1,000 deep can too, and a list nested 1,000
 * deep takes about 45 seconds. Real articles nest two or three levels.
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
