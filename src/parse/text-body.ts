/**
 * Plain-text bodies. One rule covers the three layouts seen in practice:
 *
 * - (a) the sample: headline, summary lines, lede, blank line, one paragraph a line;
 * - (b) PolNeAR and BBC: headline, blank line, paragraphs separated by blank lines;
 * - (c) Reuters: headline, lede, blank line, one paragraph a line.
 *
 * Every non-empty line after the headline is one paragraph, except that in the
 * block right after the headline (up to the first blank line), when it has two
 * or more lines and more text follows it, all but the last are summary lines
 * and the last is the lede. (A body with no blank line at all is one paragraph a line.)
 */
import type { Line, Paragraph } from '../types.ts';

/** What the body says, before summary rules from the front matter are applied. */
export interface TextBody {
  /** The body's first non-empty line, or null when the front matter gives the headline. */
  readonly headline: Line | null;
  readonly summaryLines: readonly Line[];
  readonly paragraphs: readonly Paragraph[];
}

/**
 * Lay out a plain-text body.
 *
 * @param bodyLine the file line the body starts on (after any front matter)
 * @param headlineInBody false when the front matter gives the headline
 * @param summaryInBody false when the front matter gives the summary: the block's
 *   summary lines are then kept as paragraphs, so no text is lost
 * @example
 *   layoutText('Headline\nSummary.\nLede.\n\nMore.', 1, true, true).summaryLines // [{ text: 'Summary.', line: 2 }]
 */
export function layoutText(body: string, bodyLine: number, headlineInBody: boolean, summaryInBody: boolean): TextBody {
  const lines: Line[] = body.split('\n').map((text, i) => ({ text: text.trim(), line: bodyLine + i }));
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]?.text === '') i++;
  };
  skipBlank();
  let headline: Line | null = null;
  if (headlineInBody) {
    headline = lines[i] ?? null;
    i++;
  } else skipBlank();

  const block: Line[] = [];
  for (let line = lines[i]; line !== undefined && line.text !== ''; line = lines[++i]) block.push(line);
  // A body that is one block (one paragraph a line, no blank line anywhere) has no summary lines.
  const more = lines.slice(i).some((line) => line.text !== '');
  const summaryLines = summaryInBody && more && block.length >= 2 ? block.slice(0, -1) : [];
  const paragraphs: Paragraph[] = block.slice(summaryLines.length);
  for (const line of lines.slice(i)) if (line.text !== '') paragraphs.push(line);
  return { headline, summaryLines, paragraphs };
}
