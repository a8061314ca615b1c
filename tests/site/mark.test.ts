import { describe, expect, it } from 'vitest';
import { html } from '../../src/site/html.ts';
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

  it('wraps inline-only HTML in a paragraph', () => {
    expect(markParagraph({ text: 'a b', html: 'a <em>b</em>' }, []).toString()).toBe('<p>a <em>b</em></p>');
  });
});
