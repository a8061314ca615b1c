import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SITEMAP_LIMIT, absoluteUrl, basePath, escapeXml, sitemapFiles } from '../../src/site/sitemap.ts';
import { HOSTILE, OPTIONS, fileAt } from './fixture.ts';
import { textOf, xmlErrors } from './xml.ts';

const BASE = 'https://news.example.org';

const URLS = ['/speakers/sergey-lavrov/', '/', '/articles/russia-dismisses-ukraine/', '/articles/東京で会議/', '/speakers/'];

describe('sitemapFiles', () => {
  it('writes sitemap.xml and robots.txt', () => {
    expect(sitemapFiles(URLS, OPTIONS).map((f) => f.path)).toEqual(['sitemap.xml', 'robots.txt']);
  });

  it('lists exactly the given URLs, absolute and sorted, in a well-formed sitemap', () => {
    const xml = fileAt(sitemapFiles(URLS, OPTIONS), 'sitemap.xml');
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(textOf(xml, 'loc')).toEqual([
      `${BASE}/`,
      `${BASE}/articles/%E6%9D%B1%E4%BA%AC%E3%81%A7%E4%BC%9A%E8%AD%B0/`,
      `${BASE}/articles/russia-dismisses-ukraine/`,
      `${BASE}/speakers/`,
      `${BASE}/speakers/sergey-lavrov/`,
    ]);
  });

  it('lists a URL given twice once', () => {
    const xml = fileAt(sitemapFiles(['/a/', '/a/', '/b/'], OPTIONS), 'sitemap.xml');
    expect(textOf(xml, 'loc')).toEqual([`${BASE}/a/`, `${BASE}/b/`]);
  });

  it('gives the same bytes whatever the order of the input', () => {
    const once = sitemapFiles(URLS, OPTIONS);
    expect(sitemapFiles([...URLS].reverse(), OPTIONS)).toEqual(once);
    expect(sitemapFiles(URLS, OPTIONS)).toEqual(once);
  });

  it('escapes and percent-encodes hostile characters in a URL so it reads back as one literal location', () => {
    const xml = fileAt(sitemapFiles([`/tags/${HOSTILE}/`, '/search/?q=a&b=c'], OPTIONS), 'sitemap.xml');
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).not.toMatch(/<(script|img)\b/i);
    expect(xml).toContain('?q=a&amp;b=c');
    const locs = textOf(xml, 'loc');
    expect(locs).toHaveLength(2);
    for (const loc of locs) expect(new URL(loc).origin).toBe(BASE);
    expect(locs).toContain(`${BASE}/search/?q=a&b=c`);
    const tag = locs.find((loc) => loc.startsWith(`${BASE}/tags/`)) ?? '';
    expect(tag).not.toMatch(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]|%(?![0-9A-F]{2})/);
    expect(decodeURIComponent(new URL(tag).pathname)).toBe(`/tags/${HOSTILE}/`);
  });

  it('points robots.txt at the absolute sitemap and allows every crawler', () => {
    expect(fileAt(sitemapFiles(URLS, OPTIONS), 'robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\n`);
    const underPath = sitemapFiles(URLS, { ...OPTIONS, baseUrl: 'https://example.org/archive/' });
    expect(fileAt(underPath, 'robots.txt')).toContain('Sitemap: https://example.org/archive/sitemap.xml\n');
    expect(textOf(fileAt(underPath, 'sitemap.xml'), 'loc')[0]).toBe('https://example.org/archive/');
  });

  it('writes an empty but well-formed sitemap when there are no URLs', () => {
    const xml = fileAt(sitemapFiles([], OPTIONS), 'sitemap.xml');
    expect(xmlErrors(xml)).toEqual([]);
    expect(textOf(xml, 'loc')).toEqual([]);
  });

  it(`splits more than ${SITEMAP_LIMIT} URLs into parts under a sitemap index`, () => {
    const urls = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, n) => `/articles/a${String(n).padStart(6, '0')}/`);
    const files = sitemapFiles(urls, OPTIONS);
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'robots.txt']);
    const index = fileAt(files, 'sitemap.xml');
    expect(index).toContain('<sitemapindex');
    expect(textOf(index, 'loc')).toEqual([`${BASE}/sitemap-1.xml`, `${BASE}/sitemap-2.xml`]);
    expect(textOf(fileAt(files, 'sitemap-1.xml'), 'loc')).toHaveLength(SITEMAP_LIMIT);
    expect(textOf(fileAt(files, 'sitemap-2.xml'), 'loc')).toEqual([`${BASE}/articles/a050000/`]);
  });

  it('throws a TypeError for a fragment, a URL that is not site-relative, or one that leaves the site', () => {
    expect(() => sitemapFiles(['/articles/a/#q1'], OPTIONS)).toThrow(TypeError);
    expect(() => sitemapFiles(['javascript:alert(1)'], OPTIONS)).toThrow(TypeError);
    expect(() => sitemapFiles(['articles/a/'], OPTIONS)).toThrow(TypeError);
    expect(() => sitemapFiles(['//evil.example/'], OPTIONS)).toThrow(TypeError);
    expect(() => sitemapFiles(['/../x/'], { ...OPTIONS, baseUrl: 'https://example.org/archive' })).toThrow(TypeError);
  });
});

describe('absoluteUrl', () => {
  it('joins a site-relative URL to the base URL, keeping the fragment', () => {
    expect(absoluteUrl('/articles/x/#q3', OPTIONS)).toBe(`${BASE}/articles/x/#q3`);
    expect(absoluteUrl('/', { baseUrl: `${BASE}/` })).toBe(`${BASE}/`);
  });

  it('keeps existing percent escapes instead of encoding them twice', () => {
    expect(absoluteUrl('/articles/a%20b/', OPTIONS)).toBe(`${BASE}/articles/a%20b/`);
  });

  it('encodes a stray percent sign, backslash, tab and pipe instead of reinterpreting them', () => {
    expect(absoluteUrl('/a/100%/', OPTIONS)).toBe(`${BASE}/a/100%25/`);
    expect(absoluteUrl('/\\evil.example/', OPTIONS)).toBe(`${BASE}/%5Cevil.example/`);
    expect(absoluteUrl('/a\tb|c^/', OPTIONS)).toBe(`${BASE}/a%09b%7Cc%5E/`);
  });

  it('gives what the URL parser gives for any URL of plain characters, dot segments included, under any base', () => {
    const chars = fc.constantFrom(...'ab9-._~/#%'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }).map((c) => `/${c.join('')}`), fc.constantFrom(BASE, `${BASE}/archive/`, `${BASE}/a b/`), (url, baseUrl) => {
        fc.pre(!url.startsWith('//'));
        const base = new URL(baseUrl);
        const prefix = base.pathname.replace(/\/+$/, '');
        let expected: string | Error;
        try {
          const parsed = new URL(`${base.origin}${prefix}${url.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')}`);
          expected = parsed.pathname.startsWith(`${prefix}/`) ? parsed.href : new TypeError('leaves the site');
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => absoluteUrl(url, { baseUrl })).toThrow(TypeError);
        else expect(absoluteUrl(url, { baseUrl })).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('throws a TypeError for a base URL with a query or a non-http scheme', () => {
    expect(() => absoluteUrl('/', { baseUrl: `${BASE}/?x=1` })).toThrow(TypeError);
    expect(() => absoluteUrl('/', { baseUrl: 'ftp://news.example.org' })).toThrow(TypeError);
  });
});

describe('basePath', () => {
  it('is empty at the root of a host and the encoded path without its trailing slash under one', () => {
    expect(basePath({ baseUrl: BASE })).toBe('');
    expect(basePath({ baseUrl: `${BASE}/` })).toBe('');
    expect(basePath({ baseUrl: `${BASE}/archive/` })).toBe('/archive');
    expect(basePath({ baseUrl: `${BASE}/news archive/2024` })).toBe('/news%20archive/2024');
    expect(absoluteUrl('/speakers/', { baseUrl: `${BASE}/archive/` })).toBe(`${BASE}/archive/speakers/`);
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters and keeps other text literal', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('{{7*7}} {% include %} \u2028\u202E')).toBe('{{7*7}} {% include %} \u2028\u202E');
  });

  it('drops characters XML 1.0 forbids but keeps tabs, newlines and surrogate pairs', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uFFFFf\uDC00g\uD800')).toBe('abcdefg');
    expect(escapeXml('tab\tnl\nemoji 😀')).toBe('tab\tnl\nemoji 😀');
  });

  it('drops DEL, C1 controls and noncharacters too, and makes VT, FF and NEL a space, as pages do', () => {
    expect(escapeXml('a\u007Fb\u0080c\u009Fd\uFDD0e\u{1FFFE}f\u{10FFFF}g')).toBe('abcdefg');
    expect(escapeXml('line\u000Bbreak\u000Cfeed\u0085next')).toBe('line break feed next');
  });

  it('writes a carriage return as a character reference so parsers keep it', () => {
    expect(escapeXml('a\rb')).toBe('a&#xD;b');
  });
});
