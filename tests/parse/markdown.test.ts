import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_OPTIONS, htmlText } from '../../src/parse/markdown.ts';
import { MAX_CONTAINER_COST, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_MARKS, MAX_PARAGRAPH_MARKS, markdownContainerCost, markdownDepth, markdownLoad, SPACES_PER_MARK } from '../../src/parse/markdown-guard.ts';
import { formatMessage } from '../../src/messages.ts';
import { article, rejection } from './helpers.ts';

const md = (text: string) => article(text, 'seeds/test.md');

describe('Markdown seeds', () => {
  it('takes a leading `# heading` as the headline', () => {
    const result = md('# The *Headline*\n\nFirst paragraph.\n\nSecond paragraph.');
    expect(result.headline).toEqual({ text: 'The Headline', line: 1 });
    expect(result.paragraphs.map((p) => [p.text, p.line, p.html])).toEqual([
      ['First paragraph.', 3, '<p>First paragraph.</p>'],
      ['Second paragraph.', 5, '<p>Second paragraph.</p>'],
    ]);
  });

  it('takes the first line as the headline when there is no `# heading`', () => {
    const result = md('\nA plain **headline**\nLede continues here.\n\nMore.');
    expect(result.headline).toEqual({ text: 'A plain headline', line: 2 });
    expect(result.paragraphs.map((p) => [p.text, p.line])).toEqual([['Lede continues here.', 3], ['More.', 5]]);
  });

  it('looks past leading raw HTML (which renders to nothing) for the headline', () => {
    expect(md('<!-- editor note -->\n\n# Real headline\n\nBody.').headline).toEqual({ text: 'Real headline', line: 3 });
    const result = md('<!-- editor note -->\nPlain headline\n\nBody.');
    expect(result.headline).toEqual({ text: 'Plain headline', line: 2 });
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Body.']);
  });

  it('makes a block of each paragraph, other heading, blockquote paragraph and list item', () => {
    const result = md('# H\n\nIntro.\n\n## Section\n\n> Quoted one.\n>\n> Quoted two.\n\n- Item one\n- Item two\n\n1. First\n   - Nested');
    expect(result.paragraphs.map((p) => [p.text, p.line])).toEqual([
      ['Intro.', 3],
      ['Section', 5],
      ['Quoted one.', 7],
      ['Quoted two.', 9],
      ['Item one', 11],
      ['Item two', 12],
      ['First', 14],
      ['Nested', 15],
    ]);
    expect(result.paragraphs[1]?.html).toBe('<h2>Section</h2>');
  });

  it('counts lines after front matter as file lines and lets front matter give the headline', () => {
    const result = md('---\nheadline: From matter\n---\n# Not the headline\n\nBody.');
    expect(result.headline).toEqual({ text: 'From matter', line: 2 });
    expect(result.paragraphs.map((p) => [p.text, p.line])).toEqual([['Not the headline', 4], ['Body.', 6]]);
  });

  it('derives the summary from the first paragraph', () => {
    const result = md('# H\n\nFirst sentence here. Second one.');
    expect(result.summary).toEqual([{ text: 'First sentence here.', line: 3 }]);
    expect(result.summaryDerived).toBe(true);
  });

  it('keeps each block’s text equal to the text content of its HTML', () => {
    const result = md('# H\n\nA & B < C > D "quoted" `code <b>` and a  \nhard break, [a link](https://example.com "t > x") and ![alt](x.png).\n\n```\nfenced <code>\n```');
    for (const paragraph of result.paragraphs) expect(htmlText(paragraph.html ?? '')).toBe(paragraph.text);
    expect(result.paragraphs[0]?.text).toBe('A & B < C > D "quoted" code <b> and a\nhard break, a link and .');
    expect(result.paragraphs[1]?.text).toBe('fenced <code>\n');
  });
});

describe('Markdown sanitizing (must never be turned off)', () => {
  it('keeps remark-html’s sanitize option on', () => {
    expect(HTML_OPTIONS.sanitize).toBe(true);
    expect(Object.isFrozen(HTML_OPTIONS)).toBe(true);
  });

  it('strips raw <script>, <img onerror> and javascript: links from the HTML', () => {
    const result = md('# H\n\nHi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>\n\n<script>alert(5)</script>\n\n<div onclick="alert(6)">block</div>');
    const html = result.paragraphs.map((p) => p.html).join('\n');
    expect(html).not.toMatch(/<script|<img|onerror|javascript:|onclick|<div/i);
    expect(result.paragraphs[0]?.html).toBe('<p>Hi alert(1)  <a>click</a> x</p>');
    expect(result.paragraphs).toHaveLength(1);
  });

  it('keeps safe links and images', () => {
    const result = md('# H\n\nSee [the report](https://example.com/r?a=1&b=2).');
    expect(result.paragraphs[0]?.html).toBe('<p>See <a href="https://example.com/r?a=1&#x26;b=2">the report</a>.</p>');
  });

  it('sanitizes the headline too', () => {
    expect(md('# Big <script>x()</script> news\n\nBody.').headline.text).toBe('Big x() news');
  });
});

describe('pathological Markdown', () => {
  const cases: [string, string][] = [
    ['1,500 nested block quotes', `# H\n\n${'>'.repeat(1500)} deep`],
    ['1,500 nested block quotes with spaces', `# H\n\n${'> '.repeat(1500)}deep`],
    ['emphasis nested 1,000 deep', `# H\n\n${'*'.repeat(1000)}a${'*'.repeat(1000)}`],
    ['alternating emphasis nested 1,000 deep', `# H\n\n${'*_'.repeat(500)}a${'_*'.repeat(500)}`],
    ['a list nested 1,000 deep', `# H\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}`],
    ['a list nested 1,000 deep on one line', `# H\n\n${'- '.repeat(1000)}x`],
    ['brackets nested 1,000 deep', `# H\n\n${'['.repeat(1000)}x${']'.repeat(1000)}`],
  ];
  for (const [name, text] of cases) {
    it(`rejects ${name} with parse:markdown-too-deep well under a second`, () => {
      const started = performance.now();
      const result = rejection(text, 'seeds/deep.md');
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.messages).toHaveLength(1);
      expect(result.messages[0]).toMatchObject({ id: 'parse:markdown-too-deep', file: 'seeds/deep.md' });
      expect(result.messages[0]?.reason).toContain(`limit is ${MAX_MARKDOWN_DEPTH}`);
    });
  }

  it('accepts ordinary nesting and ordinary emphasis', () => {
    const text = '# H\n\n> > quoted **bold _and italic_** text\n\n- a\n  - b\n    - c\n\n' + '**bold** and *it* and snake_case_name and 2*3*4. '.repeat(20);
    expect(markdownDepth(text).depth).toBeLessThanOrEqual(6);
    expect(md(text).paragraphs.map((p) => p.text.slice(0, 6))).toEqual(["quoted", "a", "b", "c", "bold a"]);
  });

  it('puts the limit at a documented, modest depth', () => {
    expect(MAX_MARKDOWN_DEPTH).toBe(32);
    expect(markdownDepth(`${'>'.repeat(32)} x`)).toEqual({ depth: 32, line: 1 });
    expect(md(`# H\n\n${'>'.repeat(32)} x`).paragraphs).toEqual([{ text: 'x', line: 3, html: '<p>x</p>' }]);
  });

  it('points the message at the file line where the nesting gets too deep', () => {
    const result = rejection(`---\ndate: 2020-01-01\n---\n# H\n\nFine.\n\n${'>'.repeat(40)} deep`, 'seeds/deep.md');
    expect(result.messages[0]).toMatchObject({ id: 'parse:markdown-too-deep', line: 8 });
    expect(result.messages[0]?.reason).toContain('40 levels');
  });

  it('does not apply the Markdown guard to plain-text seeds', () => {
    expect(article(`Headline\n\n${'>'.repeat(1500)} not markdown`).paragraphs).toHaveLength(1);
  });
});

describe('the Markdown load guard (lines and inline marks)', () => {
  /** The count of a one-paragraph text, read by putting a line of 1,000 marks before it (1,001 with the line). */
  const weight = (text: string) => (markdownLoad(`${'a* '.repeat(MAX_PARAGRAPH_MARKS)}\n${text}`)?.marks ?? 0) - (MAX_PARAGRAPH_MARKS + 1);

  it('puts the caps at documented values', () => {
    expect([MAX_PARAGRAPH_MARKS, MAX_MARKDOWN_MARKS, SPACES_PER_MARK]).toEqual([1000, 20_000, 8]);
  });

  it('counts each line, each run of `*`, of `_` and of backticks, and each `[`, `]`, `<`, `&` and `\\`', () => {
    expect(weight('plain words, no marks!')).toBe(1);
    expect(weight('**bold** and __strong__ and *_mixed_*')).toBe(1 + 8);
    expect(weight('[a](b) <c> &amp; \\!')).toBe(1 + 5);
    expect(weight('snake_case_name')).toBe(1 + 2);
    expect(weight('two\nlines')).toBe(2);
  });

  it('adds one mark for every 8 spaces a code span’s search for its closing run may pass', () => {
    expect(weight('`a b` c')).toBe(1 + 2);
    expect(weight(`\`${' x'.repeat(80)}\``)).toBe(1 + 2 + 10);
    // an unclosed run searches to the end of the paragraph
    expect(weight(`\`\`a${' x'.repeat(80)}`)).toBe(1 + 1 + 10);
    expect(weight(`\`\`a\`${' x'.repeat(80)}`)).toBe(1 + 2 + 20);
    // after a backslash a run opens one backtick shorter: an escaped single backtick opens nothing
    expect(weight(`\\\`a\`${' x'.repeat(80)}`)).toBe(1 + 3 + 10);
    expect(weight(`\\\`\`a${' x'.repeat(80)}`)).toBe(1 + 2 + 20);
  });

  it('splits paragraphs at blank lines, quote-only lines and bullet items, but not at other lines', () => {
    expect(markdownLoad(`ok\n\n${'a* '.repeat(MAX_PARAGRAPH_MARKS)}`)).toEqual({ over: 'paragraph', marks: MAX_PARAGRAPH_MARKS + 1, line: 3 });
    for (const separator of ['\n\n', '\n \t\n', '\n>\n', '\n> >\n', '\n- ', '\n* ', '\n  + ']) {
      expect(markdownLoad(`${'a* '.repeat(600)}${separator}${'a* '.repeat(600)}`), JSON.stringify(separator)).toBeNull();
    }
    for (const joiner of ['\n', '\n    >\n', '\n2) ', '\n-', '\n    - ', '\n1. ']) {
      expect(markdownLoad(`${'a* '.repeat(600)}${joiner}${'a* '.repeat(600)}`)?.over, JSON.stringify(joiner)).toBe('paragraph');
    }
  });

  it('reports the first paragraph over its cap, with its full count and first line', () => {
    expect(markdownLoad(`# H\n\nFine.\n\nx${'c!_!}'.repeat(8000)}\n\n${'a* '.repeat(5000)}`)).toEqual({ over: 'paragraph', marks: 8001, line: 5 });
  });

  it('reports the line where the whole text passes its cap, with the count of the whole text', () => {
    // 4 for each paragraph (a line and two `*` runs) and its blank line: paragraph 5,001, on line 10,001, passes 20,000
    expect(markdownLoad('Line *with* marks.\n\n'.repeat(10_000))).toEqual({ over: 'seed', marks: 40_001, line: 10_001 });
    // a dense paragraph after that point is counted, not reported: the first cap passed is
    expect(markdownLoad(`${'Line.\n\n'.repeat(10_001)}${'a* '.repeat(2000)}`)).toEqual({ over: 'seed', marks: 22_003, line: 20_001 });
  });

  it('passes a paragraph of 20 sentences each with bold, italic, code, a link and a snake_case name, with room to spare', () => {
    const paragraph = '**bold** and *it* and `code` and [a link](https://example.com) and snake_case_name. '.repeat(20);
    expect(markdownLoad(`# H\n\n> > quoted **bold _and italic_** text\n\n- a\n  - b\n\n${paragraph}`)).toBeNull();
    expect(weight(paragraph)).toBeLessThan(MAX_PARAGRAPH_MARKS / 4);
  });

  it('passes every seed in seeds/ and tests/fixtures read as Markdown', () => {
    const files = ['seeds', 'tests/fixtures'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(?:md|txt)$/.test(name)).map((name) => join(dir, name)));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((file) => markdownLoad(readFileSync(file, 'utf8')) !== null)).toEqual([]);
  });

  it('refuses a dense paragraph with parse:markdown-too-dense at the file line where it starts', () => {
    const result = rejection(`---\ndate: 2020-01-01\n---\n# H\n\nFine.\n\n${'a* '.repeat(2000)}`, 'seeds/dense.md');
    expect(result.messages).toEqual([expect.objectContaining({ id: 'parse:markdown-too-dense', file: 'seeds/dense.md', line: 8, column: 1 })]);
    expect(result.messages[0]?.reason).toBe('the paragraph starting here holds 2001 lines and inline Markdown marks (the limit is 1000), too many to parse in good time');
  });

  it('does not apply the load guard to plain-text seeds', () => {
    expect(article(`Headline\n\n${'a* '.repeat(5000)}`).paragraphs).toHaveLength(1);
  });
});

describe('the Markdown guard for ends of lists and block quotes', () => {
  // micromark rebuilds its list of the seed's events at each line that ends a container, so a seed
  // of lines like `- - - x` took time growing with the square of its lines: 62 KB of them (1,000
  // lines 30 deep) held `check` for over a minute, 200 lines for 4.7 s.
  const deepLines = (n: number) => `Q\n\n${`${'- '.repeat(30)}x\n`.repeat(n)}`;

  it('puts the cap at a documented value, some three thousand times what the corpora reach', () => {
    expect(MAX_CONTAINER_COST).toBe(8_000_000);
  });

  it('adds up the seed’s events before each line that may end a container, and says where the sum passes the cap', () => {
    // 2 events a line and 8 for each container on it: a `- - x` line costs 18, and each after the first ends the inner list of the one before
    expect(markdownContainerCost('- - x\n'.repeat(2000))).toEqual({ cost: (18 * 944 * 943) / 2, closings: 943, line: 944 });
    // the same for a quote ended by a paragraph (10 + 2 + 2 + 2 events a round), and for lazy lines
    expect(markdownContainerCost('> q\n\np\n\n'.repeat(2000))?.closings).toBe(1000);
    expect(markdownContainerCost('- - x\ny\n'.repeat(2000))?.line).toBe(1790);
    // lines that end nothing cost nothing: a flat list, a list in a quote, one long quote
    for (const text of ['- x\n'.repeat(20_000), '> - a\n> - b\n'.repeat(5000), '> a\n'.repeat(20_000), 'a\n\n'.repeat(20_000)]) {
      expect(markdownContainerCost(text), text.slice(0, 12)).toBeNull();
    }
  });

  const hostile: [string, string][] = [
    ['1,000 lines of `- ` 30 times (62 KB)', deepLines(1000)],
    ['400 lines of `- ` 30 times', deepLines(400)],
    ['4,000 lines of a list nested three deep', `Q\n\n${'- a\n  - b\n    - c\n'.repeat(1333)}`],
    ['2,000 one-line quotes between paragraphs', `Q\n\n${'> q\n\np\n\n'.repeat(2000)}`],
    ['2,000 quotes nested in quotes', `Q\n\n${'> > a\n>\n> b\n'.repeat(2000)}`],
    ['2,000 nested lists ended by lazy lines', `Q\n\n${'- - x\ny\n'.repeat(2000)}`],
  ];
  for (const [name, text] of hostile) {
    it(`refuses ${name} with parse:markdown-too-many-ends well under a second`, () => {
      const started = performance.now();
      const result = rejection(text, 'seeds/ends.md');
      expect(performance.now() - started).toBeLessThan(500);
      expect(result.messages.map((m) => m.id)).toEqual(['parse:markdown-too-many-ends']);
    });
  }

  it('points at the file line where the cost passes the cap, and says what to do', () => {
    const result = rejection(`---\ndate: 2020-01-01\n---\n${deepLines(1000)}`, 'seeds/ends.md');
    expect(result.messages).toEqual([expect.objectContaining({ id: 'parse:markdown-too-many-ends', severity: 'error', file: 'seeds/ends.md', line: 260 + 3, column: 1 })]);
    expect(formatMessage(result.messages[0]!)).toBe(
      'seeds/ends.md:263:1: error: the Markdown ends a list or block quote 257 times by this line, and each end costs remark time for every line before it ' +
        '(8024054 in all, over the limit of 8000000), too slow to parse in good time; ' +
        'use fewer nested lists and block quotes, or split the article into several seeds, or rename it to .txt if it is not meant as Markdown [parse:markdown-too-many-ends]',
    );
  });

  it('accepts an interview of 250 quoted questions and a listicle of 200 items with a nested line each', () => {
    // A first cap (250,000) refused both, though remark parses them in 0.2 s.
    const interview = Array.from({ length: 250 }, (_, i) => `> Question ${i}?\n\nAnswer ${i} is a paragraph of text.\n`).join('\n');
    const listicle = Array.from({ length: 200 }, (_, i) => `${i + 1}. Item ${i}\n   - detail ${i}\n`).join('');
    expect(md(`# Interview\n\n${interview}`).paragraphs).toHaveLength(500);
    expect(md(`# Listicle\n\n${listicle}`).paragraphs).toHaveLength(400);
  });

  it('accepts ordinary nested lists and quotes, in a long article, and parses every block', () => {
    const list = '- One\n  - one a\n  - one b\n    - deeper\n- Two\n  1. two a\n  2. two b\n- Three\n\n';
    const quotes = 'A paragraph.\n\n> A quote.\n> More of it.\n\n'.repeat(20);
    const text = `# H\n\n${`${list}${quotes}`.repeat(4)}`;
    expect(markdownContainerCost(text)).toBeNull();
    const result = md(text);
    expect(result.paragraphs).toHaveLength(4 * (8 + 20 * 2));
    expect(result.paragraphs.slice(0, 4).map((p) => p.text)).toEqual(['One', 'one a', 'one b', 'deeper']);
  });

  it('passes every seed in seeds/ and tests/fixtures read as Markdown', () => {
    const files = ['seeds', 'tests/fixtures'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(?:md|txt)$/.test(name)).map((name) => join(dir, name)));
    expect(files.filter((file) => markdownContainerCost(readFileSync(file, 'utf8')) !== null)).toEqual([]);
  });

  it('does not apply to plain-text seeds', () => {
    expect(article(`Headline\n\n${'- - x\n'.repeat(2000)}`).paragraphs).toHaveLength(2000);
  });
});
