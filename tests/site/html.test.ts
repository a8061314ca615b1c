import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, safeUrl, trustedHtml, withBasePath } from '../../src/site/html.ts';
import { HOSTILE } from './fixture.ts';

describe('html', () => {
  it('escapes every interpolated string', () => {
    const out = html`<p title="${HOSTILE.img}">${HOSTILE.script}${HOSTILE.title}</p>`.toString();
    expect(out).toBe('<p title="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;&lt;b&gt;t&lt;/b&gt;</p>');
  });

  it('does not escape values that html made itself', () => {
    const inner = html`<em>${'a < b'}</em>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><em>a &lt; b</em></p>');
  });

  it('joins arrays and renders nothing for null, undefined and booleans', () => {
    expect(html`${['<a>', html`<b>`, null, undefined, false, true, 3]}`.toString()).toBe('&lt;a&gt;<b>3');
    expect(joinHtml(['x', '<y>'], html`, `).toString()).toBe('x, &lt;y&gt;');
  });

  it('writes bidi controls and line separators as numeric references', () => {
    expect(escapeHtml(HOSTILE.rlo)).toBe('x&#x202E;y');
    expect(escapeHtml(HOSTILE.lineSep)).toBe('a&#x2028;b');
  });

  // Fixed: a stray control character from a seed (a VT from a word processor) made every page it
  // reached invalid: the Nu HTML checker calls C0 and C1 controls, DEL and noncharacters forbidden.
  it('drops the code points a page may not hold, and makes VT, FF and NEL a space', () => {
    expect(escapeHtml('a\u0001b\u0008c\u001Fd\u007Fe\u0080f\u009Fg\uFFFEh\uFFFFi\uFDD0j\uFDEFk\u{1FFFE}l\u{10FFFF}m\uD800n\uDC00o')).toBe('abcdefghijklmno');
    expect(escapeHtml('line\u000Bbreak\u000Cfeed\u0085next')).toBe('line break feed next');
    expect(html`<p title="${'x\u0001y'}">${'<\u007F>'}</p>`.toString()).toBe('<p title="xy">&lt;&gt;</p>');
  });

  it('keeps tabs, line breaks, surrogate pairs and other text as they are', () => {
    expect(escapeHtml('tab\tnl\ncr\r 😀 \u{10FFFD} \uFDCF \uFFFD 東京')).toBe('tab\tnl\ncr\r 😀 \u{10FFFD} \uFDCF \uFFFD 東京');
  });

  it('leaves template syntax alone: it is only text', () => {
    expect(html`${HOSTILE.nunjucks}${HOSTILE.liquid}`.toString()).toBe('{{7*7}}{% include &quot;secret&quot; %}');
  });

  it('replaces dangerous URLs in href and src with "#"', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '\u0000javascript:x', 'data:text/html,<b>', 'vbscript:x', 'javascript&colon;alert(1)']) {
      expect(html`<a href="${url}">x</a>`.toString()).toBe('<a href="#">x</a>');
    }
  });

  it('keeps site-relative, fragment and http(s) URLs', () => {
    expect(safeUrl('/speakers/x/')).toBe('/speakers/x/');
    expect(safeUrl('#q3')).toBe('#q3');
    expect(safeUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(html`<a href="${'/a?b=1&c=2'}">`.toString()).toBe('<a href="/a?b=1&amp;c=2">');
  });

  it('puts site-relative URLs of a document under the base path, and nothing else', () => {
    const page = html`<a href="/speakers/">s</a><link rel="stylesheet" href="/assets/site.css"><script src="/assets/search.js"></script><form action="/search/"></form><a href="#q3">c</a><a href="https://x.example/y">x</a><a href="//evil.example/">e</a><p title="/t">${'href="/in-text/"'}</p>`.toString();
    expect(withBasePath(page, '/archive')).toBe(
      '<a href="/archive/speakers/">s</a><link rel="stylesheet" href="/archive/assets/site.css"><script src="/archive/assets/search.js"></script><form action="/archive/search/"></form><a href="#q3">c</a><a href="https://x.example/y">x</a><a href="//evil.example/">e</a><p title="/t">href=&quot;/in-text/&quot;</p>',
    );
    expect(withBasePath(page, '')).toBe(page);
    expect(withBasePath('<a href="/">', '/a&b')).toBe('<a href="/a&amp;b/">');
    expect(() => withBasePath(page, '/archive/')).toThrow(TypeError);
    expect(() => withBasePath(page, 'archive')).toThrow(TypeError);
  });

  it('refuses to make Html values with new', () => {
    expect(() => new (trustedHtml('x').constructor as new (v: string, k: symbol) => unknown)('<b>', Symbol('Html'))).toThrow(TypeError);
  });
});
