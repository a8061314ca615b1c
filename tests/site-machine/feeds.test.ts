import { parseAtomFeed, parseFeed, parseJsonFeed } from 'feedsmith';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_LIMIT, feedFiles } from '../../src/site/feeds.ts';
import type { SiteFile, SiteOptions } from '../../src/site/types.ts';
import type { Archive, ArchiveArticle } from '../../src/types.ts';
import { ARCHIVE, CONTROL, CONTROL_IN_XML, HOSTILE, OPTIONS, articleBySlug, fileAt, speakerBySlug } from './fixture.ts';
import { textOf, xmlErrors } from './xml.ts';

const BASE = 'https://news.example.org';

function atomOf(files: readonly SiteFile[], path: string) {
  return parseAtomFeed(fileAt(files, path));
}

function jsonOf(files: readonly SiteFile[], path: string) {
  return parseJsonFeed(fileAt(files, path));
}

const files = feedFiles(ARCHIVE, OPTIONS);

/** The archive feed's entries, newest first, undated last. */
const ORDER = ['hostile-headline', 'russia-dismisses-ukraine', '東京で会議', 'control-characters', 'undated-notes'];

describe('feedFiles', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes an Atom and a JSON feed for the archive and for every speaker', () => {
    expect(files.map((f) => f.path)).toEqual([
      'feed.xml',
      'feed.json',
      'speakers/sergey-lavrov/feed.xml',
      'speakers/sergey-lavrov/feed.json',
      'speakers/kremlin/feed.xml',
      'speakers/kremlin/feed.json',
      'speakers/hostile/feed.xml',
      'speakers/hostile/feed.json',
    ]);
  });

  it('writes well-formed XML that a feed parser detects as Atom, and JSON it detects as JSON Feed', () => {
    for (const f of files) {
      if (f.path.endsWith('.xml')) {
        expect(xmlErrors(f.contents), f.path).toEqual([]);
        expect(parseFeed(f.contents).format, f.path).toBe('atom');
      } else {
        expect(parseFeed(f.contents).format, f.path).toBe('json');
        expect(JSON.parse(f.contents).version, f.path).toBe('https://jsonfeed.org/version/1.1');
      }
    }
  });

  it('gives every Atom feed and entry the elements RFC 4287 requires, and every JSON Feed item an id and content', () => {
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    for (const f of files) {
      if (f.path.endsWith('.xml')) {
        const atom = parseAtomFeed(f.contents);
        expect(atom.id, f.path).toMatch(/^https:\/\//);
        expect(atom.title?.value, f.path).toBeTruthy();
        expect(atom.updated, f.path).toMatch(rfc3339);
        expect(atom.authors?.[0]?.name, f.path).toBe(OPTIONS.title);
        expect(atom.links?.filter((l) => l.rel === 'self').map((l) => l.href), f.path).toEqual([`${BASE}/${f.path}`]);
        for (const entry of atom.entries ?? []) {
          expect(entry.id, f.path).toMatch(/^https:\/\//);
          expect(entry.title?.value, f.path).toBeTruthy();
          expect(entry.updated, f.path).toMatch(rfc3339);
          expect(entry.links?.[0]?.href, f.path).toBe(entry.id);
          expect(entry.content?.value, f.path).toBeTruthy();
        }
      } else {
        const json = parseJsonFeed(f.contents);
        expect(json.feed_url, f.path).toBe(`${BASE}/${f.path}`);
        for (const item of json.items ?? []) {
          expect(item.id, f.path).toMatch(/^https:\/\//);
          expect(item.content_text, f.path).toBeTruthy();
        }
      }
    }
  });

  it('gives the archive feed its title, absolute id, self and alternate links', () => {
    const atom = atomOf(files, 'feed.xml');
    expect(atom.title).toEqual({ value: OPTIONS.title, type: 'text' });
    expect(atom.id).toBe(`${BASE}/feed.xml`);
    expect(atom.links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${BASE}/feed.xml` });
    expect(atom.links).toContainEqual({ rel: 'alternate', type: 'text/html', href: `${BASE}/` });
    const json = jsonOf(files, 'feed.json');
    expect(json.title).toBe(OPTIONS.title);
    expect(json.home_page_url).toBe(`${BASE}/`);
    expect(json.feed_url).toBe(`${BASE}/feed.json`);
  });

  it('lists articles newest first with undated ones last, in both formats', () => {
    const urls = ORDER.map((slug) => new URL(`/articles/${slug}/`, BASE).href);
    expect(atomOf(files, 'feed.xml').entries?.map((e) => e.id)).toEqual(urls);
    expect(jsonOf(files, 'feed.json').items?.map((i) => i.id)).toEqual(urls);
  });

  it('round-trips titles, links, ids and dates of a dated article', () => {
    const article = articleBySlug('russia-dismisses-ukraine');
    const url = `${BASE}/articles/russia-dismisses-ukraine/`;
    const entry = atomOf(files, 'feed.xml').entries?.[1];
    expect(entry?.id).toBe(url);
    expect(entry?.title).toEqual({ value: article.headline.text, type: 'text' });
    expect(entry?.links).toEqual([{ rel: 'alternate', type: 'text/html', href: url }]);
    expect(entry?.published).toBe('2016-10-05T00:00:00Z');
    expect(entry?.updated).toBe('2016-10-05T00:00:00Z');
    expect(entry?.authors).toEqual([{ name: 'Ann Lee' }]);
    expect(entry?.categories).toEqual([{ term: 'russia' }]);
    expect(entry?.summary?.value).toBe(`Summary of ${article.headline.text}`);
    const item = jsonOf(files, 'feed.json').items?.[1];
    expect(item).toEqual({
      id: url,
      url,
      title: article.headline.text,
      content_text: `First paragraph of ${article.headline.text}.\n\nSecond paragraph.`,
      summary: `Summary of ${article.headline.text}`,
      date_published: '2016-10-05T00:00:00Z',
      authors: [{ name: 'Ann Lee' }],
      tags: ['russia'],
    });
  });

  it('takes the feed date from the newest article when there is no build date', () => {
    expect(atomOf(files, 'feed.xml').updated).toBe('2016-10-07T00:00:00Z');
  });

  it('takes the feed date from the build date when there is one', () => {
    const withDate = feedFiles(ARCHIVE, { ...OPTIONS, buildDate: '2020-02-03T04:05:06Z' });
    expect(atomOf(withDate, 'feed.xml').updated).toBe('2020-02-03T04:05:06Z');
    expect(atomOf(withDate, 'speakers/kremlin/feed.xml').updated).toBe('2020-02-03T04:05:06Z');
  });

  it('keeps an undated article without a published date, updated as of the feed', () => {
    const entry = atomOf(files, 'feed.xml').entries?.[4];
    expect(entry?.id).toBe(`${BASE}/articles/undated-notes/`);
    expect(entry?.published).toBeUndefined();
    expect(entry?.updated).toBe('2016-10-07T00:00:00Z');
    const item = jsonOf(files, 'feed.json').items?.[4];
    expect(item?.id).toBe(`${BASE}/articles/undated-notes/`);
    expect(item?.date_published).toBeUndefined();
    expect(fileAt(files, 'feed.json')).not.toContain('"date_published": null');
  });

  it('falls back to 1970-01-01 when neither the build nor any article has a date', () => {
    const undated = ARCHIVE.articles.filter((a) => a.date === null);
    const out = feedFiles({ articles: undated, speakers: [], messages: [] }, OPTIONS);
    expect(atomOf(out, 'feed.xml').updated).toBe('1970-01-01T00:00:00Z');
    expect(atomOf(out, 'feed.xml').entries?.[0]?.updated).toBe('1970-01-01T00:00:00Z');
  });

  it('percent-encodes a CJK slug in links and ids', () => {
    const entry = atomOf(files, 'feed.xml').entries?.[2];
    expect(entry?.id).toBe(`${BASE}/articles/%E6%9D%B1%E4%BA%AC%E3%81%A7%E4%BC%9A%E8%AD%B0/`);
    expect(entry?.title?.value).toBe('東京で会議');
  });

  it('keeps hostile text literal in every Atom and JSON Feed field', () => {
    const entry = atomOf(files, 'feed.xml').entries?.[0];
    expect(entry?.title?.value).toBe(`Headline ${HOSTILE}`);
    expect(entry?.summary?.value).toBe(`Summary ${HOSTILE}`);
    expect(entry?.authors).toEqual([{ name: `Author ${HOSTILE}` }]);
    expect(entry?.categories).toEqual([{ term: `tag ${HOSTILE}` }, { term: 'politics' }]);
    const item = jsonOf(files, 'feed.json').items?.[0];
    expect(item?.title).toBe(`Headline ${HOSTILE}`);
    expect(item?.tags).toEqual([`tag ${HOSTILE}`, 'politics']);
    for (const f of files.filter((f) => f.path.endsWith('.xml'))) {
      expect(f.contents, f.path).not.toMatch(/<(script|img|\/script)\b/i);
      expect(f.contents.split('</title>').length, f.path).toBe(f.contents.split('<title').length);
    }
  });

  it('drops characters XML forbids from XML and keeps them in JSON', () => {
    const xml = fileAt(files, 'feed.xml');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(textOf(xml, 'title')).toContain(CONTROL_IN_XML);
    expect(textOf(xml, 'entry').length).toBe(ORDER.length);
    expect(atomOf(files, 'feed.xml').entries?.[3]?.categories).toEqual([{ term: CONTROL_IN_XML }]);
    expect(JSON.parse(fileAt(files, 'feed.json')).items[3].title).toBe(CONTROL);
  });

  it('lists a speaker’s quotes newest first, linked to their permalinks, undated last', () => {
    const speaker = speakerBySlug('sergey-lavrov');
    const atom = atomOf(files, 'speakers/sergey-lavrov/feed.xml');
    expect(atom.title?.value).toBe(`Sergey Lavrov — ${OPTIONS.title}`);
    expect(atom.id).toBe(`${BASE}/speakers/sergey-lavrov/feed.xml`);
    expect(atom.links).toContainEqual({ rel: 'alternate', type: 'text/html', href: `${BASE}/speakers/sergey-lavrov/` });
    expect(atom.updated).toBe('2016-10-05T00:00:00Z');
    const ids = [
      `${BASE}/articles/russia-dismisses-ukraine/#q1`,
      `${BASE}/articles/russia-dismisses-ukraine/#q3`,
      `${BASE}/articles/undated-notes/#q1`,
    ];
    expect(atom.entries?.map((e) => e.id)).toEqual(ids);
    expect(atom.entries?.map((e) => e.links?.[0]?.href)).toEqual(ids);
    expect(atom.entries?.map((e) => e.title?.value)).toEqual(speaker.quotes.map((q) => `“${q.text}”`));
    expect(atom.entries?.map((e) => e.published)).toEqual(['2016-10-05T00:00:00Z', '2016-10-05T00:00:00Z', undefined]);
    expect(jsonOf(files, 'speakers/sergey-lavrov/feed.json').items?.map((i) => i.id)).toEqual(ids);
  });

  it('dates a speaker feed with only undated quotes by the archive’s newest article', () => {
    const lavrov = speakerBySlug('sergey-lavrov');
    const archive: Archive = { ...ARCHIVE, speakers: [{ ...lavrov, quotes: lavrov.quotes.filter((q) => q.date === null) }] };
    const atom = atomOf(feedFiles(archive, OPTIONS), 'speakers/sergey-lavrov/feed.xml');
    expect(atom.updated).toBe('2016-10-07T00:00:00Z');
    expect(atom.entries?.map((e) => [e.published, e.updated])).toEqual([[undefined, '2016-10-07T00:00:00Z']]);
  });

  it('says so when a quote’s attribution is uncertain', () => {
    const items = jsonOf(files, 'speakers/sergey-lavrov/feed.json').items ?? [];
    expect(items[1]?.content_text).toContain('The attribution to Sergey Lavrov is uncertain.');
    expect(items[0]?.content_text).not.toContain('uncertain');
    expect(items[0]?.content_text).toBe(
      '“We have nothing to do with it.”\n\n“We have nothing to do with it.”, they said.\n\nQuoted in “Russia dismisses Ukraine claims”, Reuters, 2016-10-05.',
    );
  });

  it('keeps a hostile speaker name and quote literal in the speaker feed', () => {
    const atom = atomOf(files, 'speakers/hostile/feed.xml');
    expect(atom.title?.value).toBe(`Mx ${HOSTILE} — ${OPTIONS.title}`);
    expect(atom.entries?.[0]?.title?.value).toBe(`“Quote ${HOSTILE}”`);
    expect(atom.entries?.[0]?.authors).toEqual([{ name: `Mx ${HOSTILE}` }]);
    expect(jsonOf(files, 'speakers/hostile/feed.json').items?.[0]?.title).toBe(`“Quote ${HOSTILE}”`);
  });

  it(`caps every feed at the ${FEED_LIMIT} newest entries`, () => {
    const template = articleBySlug('russia-dismisses-ukraine');
    const many: ArchiveArticle[] = Array.from({ length: 60 }, (_, n) => ({
      ...template,
      id: `a${n}`,
      slug: `a${n}`,
      url: `/articles/a${n}/`,
      date: `2001-01-${String((n % 28) + 1).padStart(2, '0')}`,
    }));
    const lavrov = speakerBySlug('sergey-lavrov');
    const quotes = many.map((a) => ({ ...lavrov.quotes[0]!, date: a.date, url: `${a.url}#q1` }));
    const archive: Archive = { articles: many, speakers: [{ ...lavrov, quotes }], messages: [] };
    const out = feedFiles(archive, OPTIONS);
    const entries = atomOf(out, 'feed.xml').entries ?? [];
    expect(entries).toHaveLength(FEED_LIMIT);
    expect(jsonOf(out, 'feed.json').items).toHaveLength(FEED_LIMIT);
    expect(atomOf(out, 'speakers/sergey-lavrov/feed.xml').entries).toHaveLength(FEED_LIMIT);
    const dates = entries.map((e) => e.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2001-01-28T00:00:00Z');
    // Days 28…5 hold two articles each (48); day 4 holds three, of which two fit.
    expect(dates.at(-1)).toBe('2001-01-04T00:00:00Z');
  });

  it('sorts newest first even when the archive hands them over in another order', () => {
    const reversed: Archive = { ...ARCHIVE, articles: [...ARCHIVE.articles].reverse() };
    expect(fileAt(feedFiles(reversed, OPTIONS), 'feed.xml')).toBe(fileAt(files, 'feed.xml'));
  });

  it('gives byte-identical output for the same input, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const later = feedFiles(ARCHIVE, OPTIONS);
    vi.setSystemTime(new Date('1999-01-01T00:00:00Z'));
    const earlier = feedFiles(ARCHIVE, OPTIONS);
    expect(later).toEqual(files);
    expect(earlier).toEqual(files);
  });

  it('builds every URL under a base URL that has a path and a trailing slash', () => {
    const options: SiteOptions = { ...OPTIONS, baseUrl: 'https://example.org/archive/' };
    const atom = atomOf(feedFiles(ARCHIVE, options), 'feed.xml');
    expect(atom.id).toBe('https://example.org/archive/feed.xml');
    expect(atom.entries?.[1]?.id).toBe('https://example.org/archive/articles/russia-dismisses-ukraine/');
  });

  it('throws a TypeError for a base URL that is not http(s) or a malformed build date', () => {
    expect(() => feedFiles(ARCHIVE, { ...OPTIONS, baseUrl: 'javascript:alert(1)' })).toThrow(TypeError);
    expect(() => feedFiles(ARCHIVE, { ...OPTIONS, baseUrl: 'news.example.org' })).toThrow(TypeError);
    expect(() => feedFiles(ARCHIVE, { ...OPTIONS, buildDate: '2020-01-01' })).toThrow(TypeError);
  });

  it('throws a TypeError for a speaker slug that is not one path segment', () => {
    const bad: Archive = { ...ARCHIVE, speakers: [{ ...speakerBySlug('kremlin'), slug: '../../etc' }] };
    expect(() => feedFiles(bad, OPTIONS)).toThrow(TypeError);
  });
});
