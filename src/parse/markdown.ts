/**
 * Markdown bodies: unified + remark-parse for structure, remark-html with
 * `sanitize: true` for each block's HTML. A block's `text` is the text content
 * of its `html`, so offsets into `text` also locate words in the rendered HTML.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Line, Paragraph } from '../types.ts';

/** remark-html's options. `sanitize` stays on: seed Markdown is untrusted (raw HTML, `javascript:` links). */
export const HTML_OPTIONS = Object.freeze({ sanitize: true });

const processor = unified().use(remarkParse).use(remarkHtml, HTML_OPTIONS).freeze();

const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text content of HTML that hast-util-to-html wrote (tags dropped, character
 * references decoded), as a browser's `textContent` would give it.
 *
 * @example
 *   htmlText('<p>a <em>b</em> &#x26; c</p>') // 'a b & c'
 */
export function htmlText(html: string): string {
  return html
    .replace(TAG, '')
    .replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+));/g, (whole, hex?: string, dec?: string, name?: string) => {
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
      if (dec !== undefined) return String.fromCodePoint(parseInt(dec, 10));
      return NAMED[name ?? ''] ?? whole;
    });
}

/** Sanitized HTML for one block, without the trailing newline. */
export function renderBlock(node: RootContent): string {
  const root: Root = { type: 'root', children: [node] };
  return String(processor.stringify(root)).replace(/\n$/, '');
}

/** Blocks in document order: paragraphs, headings and code, descending into quotes and lists. */
function* blocks(nodes: readonly Nodes[]): Generator<RootContent> {
  for (const node of nodes) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') yield node;
    else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') yield* blocks(node.children);
    else if (node.type === 'html') yield node; // sanitizing leaves nothing; dropped below
  }
}

/** What a Markdown body says. */
export interface MarkdownBody {
  /** The leading `# heading`, or else the first line; null when the front matter gives the headline. */
  readonly headline: Line | null;
  readonly paragraphs: readonly Paragraph[];
}

/**
 * Lay out a Markdown body. The caller has already checked its nesting depth.
 *
 * @param bodyLine the file line the body starts on
 * @param headlineInBody false when the front matter gives the headline
 */
export function layoutMarkdown(body: string, bodyLine: number, headlineInBody: boolean): MarkdownBody {
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + bodyLine - 1;
  let source = body;
  let headline: Line | null = null;
  let tree = processor.parse(source);
  if (headlineInBody) {
    // Raw HTML (a comment, say) renders to nothing, so it cannot be the headline: look past it.
    const start = tree.children.findIndex((node) => node.type !== 'html');
    const first = tree.children[start];
    if (first?.type === 'heading' && first.depth === 1) {
      headline = { text: htmlText(renderBlock(first)).trim(), line: lineOf(first) };
      tree = { ...tree, children: tree.children.filter((node) => node !== first) };
    } else if (first !== undefined) {
      // No `# heading`: the first non-blank line is the headline; blank it out and parse the rest.
      const lines = source.split('\n');
      const from = (first.position?.start.line ?? 1) - 1;
      const index = lines.findIndex((line, i) => i >= from && line.trim() !== '');
      if (index !== -1) {
        const only = processor.parse(lines[index] ?? '').children[0];
        headline = { text: only ? htmlText(renderBlock(only)).trim() : '', line: bodyLine + index };
        lines[index] = '';
        source = lines.join('\n');
        tree = processor.parse(source);
      }
    }
  }
  const paragraphs: Paragraph[] = [];
  for (const node of blocks(tree.children)) {
    const html = renderBlock(node);
    const text = htmlText(html);
    if (text.trim() !== '') paragraphs.push({ text, line: lineOf(node), html });
  }
  return { headline: headline?.text === '' ? null : headline, paragraphs };
}
