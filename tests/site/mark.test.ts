import { describe, expect, it } from 'vitest';
import { html, trustedHtml } from '../../src/site/html.ts';
import { markHtml, markParagraph, markText, type Mark } from '../../templates/views/mark.ts';

function mark(start: number, end: number, id = 'q1', after = true): Mark {
  return { start, end, open: html`<q id="${id}">`, reopen: html`<q>`, close: html`</q>`, after: after ? html`<i>by</i>` : null };
}

describe('markText', () => {
  it('wraps the quote and puts the attribution after the closing quotation mark', () => {
    const text = 'He said “we will win,” and left.';
    const start = text.indexOf('we');
    const end = text.indexOf('”');
    expect(markText(text, [mark(start, end)]).toString()).toBe('He said “<q id="q1">we will win,</q>”<i>by</i> and left.');
  });

  it('escapes the text around and inside marks', () => {
    expect(markText('<b> "x" </b>', [mark(5, 6, 'q1', false)]).toString()).toBe('&lt;b&gt; &quot;<q id="q1">x</q>&quot; &lt;/b&gt;');
  });

  it('keeps tags nested when two quotes overlap', () => {
    const out = markText('abcdefgh', [mark(1, 5, 'q1', false), mark(3, 7, 'q2', false)]).toString();
    expect(out).toBe('a<q id="q1">bcde</q><q id="q2">fg</q>h');
  });
});

describe('markHtml', () => {
  const text = 'Officials called it “a deliberate provocation & a test” today.';
  const source = '<p>Officials called it “a deliberate <em>provocation</em> &#x26; a test” today.</p>';
  const start = text.indexOf('a deliberate');
  const end = text.indexOf('”');

  it('marks a quote that crosses inline elements by closing and reopening around them', () => {
    const out = markHtml(source, text, [mark(start, end)]);
    expect(out?.block).toBe(true);
    expect(out?.html.toString()).toBe('<p>Officials called it “<q id="q1">a deliberate </q><em><q>provocation</q></em><q> &amp; a test</q>”<i>by</i> today.</p>');
  });

  it('gives up when the HTML text does not match the paragraph text', () => {
    expect(markHtml('<p>Something else</p>', text, [])).toBeNull();
  });

  it('gives up on tags outside the allow-list, and markParagraph then uses the text', () => {
    const bad = '<p>x<script>alert(1)</script></p>';
    expect(markHtml(bad, 'xalert(1)', [])).toBeNull();
    expect(markParagraph({ text: 'xalert(1)', html: bad }, []).toString()).toBe('<p>xalert(1)</p>');
  });

  it('drops attributes other than href and title, and neutralises javascript: links', () => {
    const out = markHtml('<p><a href="javascript:alert(1)" onclick="x()" title="t">a</a></p>', 'a', []);
    expect(out?.html.toString()).toBe('<p><a href="#" title="t">a</a></p>');
  });

  // Fixed: an attribution (which holds a link) was written where the quotation ended, even inside a
  // Markdown link: `<a>` in `<a>`, which the Nu HTML checker rejects and a browser splits apart.
  describe('attributions of quotes that end inside inline elements', () => {
    const by = (slug: string) => `<span class="by"><a href="/speakers/${slug}/">${slug}</a></span>`;
    const cases: [string, string, string, [string, string][], string][] = [
      [
        'writes the attribution after the link the quotation ends in, never inside it',
        '“Link inside,” said Ann Lee “and out,” she said.',
        '<p>“Link <a href="https://example.com">inside,” said Ann Lee</a> “and out,” she said.</p>',
        [['Link inside,', 'ann-lee'], ['and out,', 'ann-lee']],
        `<p>“<q id="q1">Link </q><a href="https://example.com"><q>inside,</q>” said Ann Lee</a>${by('ann-lee')} “<q id="q2">and out,</q>”${by('ann-lee')} she said.</p>`,
      ],
      [
        'keeps two attributions waiting for one link in order',
        '“x,” “y,” said Bob Day too.',
        '<p><a href="https://example.com">“x,” “y,” said Bob Day</a> too.</p>',
        [['x,', 'bob'], ['y,', 'bob2']],
        `<p><a href="https://example.com">“<q id="q1">x,</q>” “<q id="q2">y,</q>” said Bob Day</a>${by('bob')}${by('bob2')} too.</p>`,
      ],
      [
        // Emphasis, bold and code may hold a link: each attribution stays beside its own quote.
        'keeps each attribution right after its quote inside emphasis, bold text and code',
        '“We will not sign,” said Sergey Lavrov. “The terms are unacceptable,” said Antony Blinken. “Go,” said Ann.',
        '<p><em>“We will not sign,” said Sergey Lavrov. “The terms are unacceptable,” said Antony Blinken.</em> <strong>“Go,”</strong> <code>said Ann.</code></p>',
        [['We will not sign,', 'lavrov'], ['The terms are unacceptable,', 'blinken'], ['Go,', 'ann']],
        `<p><em>“<q id="q1">We will not sign,</q>”${by('lavrov')} said Sergey Lavrov. “<q id="q2">The terms are unacceptable,</q>”${by('blinken')} said Antony Blinken.</em> <strong>“<q id="q3">Go,</q>”${by('ann')}</strong> <code>said Ann.</code></p>`,
      ],
      [
        'writes it after emphasis nested in a link only once both have closed',
        'See “a,” said Ann.',
        '<p>See <a href="https://example.com"><em>“a,”</em> said</a> Ann.</p>',
        [['a,', 'ann']],
        `<p>See <a href="https://example.com"><em>“<q id="q1">a,</q>”</em> said</a>${by('ann')} Ann.</p>`,
      ],
    ];
    for (const [name, text, source, quotes, expected] of cases) {
      it(name, () => {
        const marks = quotes.map(([words, slug], i): Mark => {
          const start = text.indexOf(words);
          return { start, end: start + words.length, open: html`<q id="q${i + 1}">`, reopen: html`<q>`, close: html`</q>`, after: trustedHtml(by(slug)) };
        });
        expect(markHtml(source, text, marks)?.html.toString()).toBe(expected);
      });
    }
  });

  it('wraps inline-only HTML in a paragraph', () => {
    expect(markParagraph({ text: 'a b', html: 'a <em>b</em>' }, []).toString()).toBe('<p>a <em>b</em></p>');
  });
});
