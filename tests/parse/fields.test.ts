import { describe, expect, it } from 'vitest';
import { checkDate } from '../../src/parse/date.ts';
import { checkSlug, cutToUtf8Bytes, MAX_SLUG_BYTES, RESERVED_SLUGS, utf8Length } from '../../src/parse/slug.ts';
import { article, rejection } from './helpers.ts';

const withMatter = (yaml: string, body = 'Headline\n\nBody.') => `---\n${yaml}\n---\n${body}`;

describe('front-matter fields', () => {
  it('reads every known field with its value', () => {
    const result = article(withMatter('headline: From Matter\nsummary: [One., Two.]\ndate: 2016-09-12\nsource: "Breitbart"\nauthor: Ann Lee\ntags: [politics, us]\nslug: from-matter', 'Lede.\n\nBody.'));
    expect(result.headline).toEqual({ text: 'From Matter', line: 2 });
    expect(result.summary).toEqual([{ text: 'One.', line: 3 }, { text: 'Two.', line: 3 }]);
    expect(result.summaryDerived).toBe(false);
    expect(result.date).toBe('2016-09-12');
    expect(result.source).toBe('Breitbart');
    expect(result.author).toBe('Ann Lee');
    expect(result.tags).toEqual(['politics', 'us']);
    expect(result.requestedSlug).toBe('from-matter');
    expect(result.paragraphs.map((p) => [p.text, p.line])).toEqual([['Lede.', 10], ['Body.', 12]]);
    expect(result.messages).toEqual([]);
  });

  it('gives each summary item of a block list its own line', () => {
    const result = article(withMatter('summary:\n  - First point.\n  - Second point.'));
    expect(result.summary).toEqual([{ text: 'First point.', line: 3 }, { text: 'Second point.', line: 4 }]);
  });

  it('accepts a single string for summary and tags', () => {
    const result = article(withMatter('summary: Just one.\ntags: economy'));
    expect(result.summary).toEqual([{ text: 'Just one.', line: 2 }]);
    expect(result.tags).toEqual(['economy']);
  });

  it('leaves absent fields null or empty, and never makes up a date', () => {
    const result = article('Headline\n\nBody.');
    expect([result.date, result.source, result.author, result.requestedSlug]).toEqual([null, null, null, null]);
    expect(result.tags).toEqual([]);
  });

  it('keeps numbers in text fields as written', () => {
    const result = article(withMatter('headline: 1984\ntags: [2016, 0.50]\nslug: 2016'));
    expect([result.headline.text, result.tags, result.requestedSlug]).toEqual(['1984', ['2016', '0.50'], '2016']);
  });

  it('treats an empty field as absent', () => {
    const result = article(withMatter('author:\nsource: ""\ndate:'));
    expect([result.author, result.source, result.date]).toEqual([null, null, null]);
    expect(result.messages).toEqual([]);
  });

  it('tolerates the corpus extras section and dateline without a warning', () => {
    expect(article(withMatter('section: business\ndateline: "SALVADOR, Feb 26"')).messages).toEqual([]);
  });

  it('warns about unknown fields, naming the field and its line, and still publishes', () => {
    const result = article(withMatter('source: A\ntitel: Oops'));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ id: 'matter:unknown-field', severity: 'warning', line: 3, column: 1 });
    expect(result.messages[0]?.reason).toContain('`titel`');
  });

  it('rejects a list headline with matter:field-type naming the field and its line', () => {
    const result = rejection(withMatter('source: A\nheadline: [a, b]'));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ id: 'matter:field-type', severity: 'error', line: 3, column: 1 });
    expect(result.messages[0]?.reason).toBe('front-matter field `headline` must be a string, not a list');
  });

  it('rejects other wrong types, naming what was found', () => {
    expect(rejection(withMatter('tags: {a: 1}')).messages[0]?.reason).toContain('`tags` must be a list of strings, not a mapping');
    expect(rejection(withMatter('summary: {a: 1}')).messages[0]?.reason).toContain('`summary` must be a string or a list of strings, not a mapping');
    expect(rejection(withMatter('author: true')).messages[0]?.reason).toContain('not true');
    expect(rejection(withMatter('tags: [a, [b]]')).messages[0]?.id).toBe('matter:field-type');
  });

  it('reports every bad field, not only the first', () => {
    const result = rejection(withMatter('headline: [a]\ndate: soon\nslug: ../x'));
    expect(result.messages.map((m) => [m.id, m.line])).toEqual([['matter:field-type', 2], ['matter:date', 3], ['matter:slug', 4]]);
  });
});

describe('front-matter dates', () => {
  it('rejects `date: soon` with matter:date at its line', () => {
    const result = rejection(withMatter('source: A\ndate: soon'));
    expect(result.messages[0]).toMatchObject({ id: 'matter:date', line: 3 });
    expect(result.messages[0]?.reason).toContain('`soon`');
  });

  it('keeps YYYY-MM-DD dates as strings', () => {
    expect(article(withMatter('date: 1987-02-26')).date).toBe('1987-02-26');
    expect(article(withMatter('date: "2016-09-12"')).date).toBe('2016-09-12');
  });

  it('keeps the calendar date of a date-time as written, with no timezone conversion', () => {
    expect(article(withMatter('date: 2024-03-01T23:30:00-05:00')).date).toBe('2024-03-01');
    expect(article(withMatter('date: 2024-03-01T00:30:00+14:00')).date).toBe('2024-03-01');
    expect(article(withMatter('date: 2024-03-01T23:59:59Z')).date).toBe('2024-03-01');
    expect(article(withMatter('date: 2024-03-01 08:00')).date).toBe('2024-03-01');
  });

  it('rejects impossible and malformed dates', () => {
    for (const written of ['2023-02-29', '2024-13-01', '2024-04-31', '20160912', '2016-9-12', '12/09/2016', 'true', '[2016-09-12]']) {
      expect(rejection(withMatter(`date: ${written}`)).messages[0]?.id, written).toBe('matter:date');
    }
  });

  it('checks calendar dates, including leap years', () => {
    expect(checkDate('2024-02-29')).toBe('2024-02-29');
    expect(checkDate('2000-02-29')).toBe('2000-02-29');
    expect(checkDate('1900-02-29')).toBeNull();
    expect(checkDate('2024-01-01T25:00')).toBeNull();
  });
});

describe('front-matter slugs', () => {
  it('accepts lowercase letters, digits, hyphens and letters without case', () => {
    for (const slug of ['my-article', 'a1', '2016-budget', 'café-noir', '北京-news', 'привет-мир']) expect(checkSlug(slug), slug).toBeNull();
    expect(article(withMatter('slug: café-noir')).requestedSlug).toBe('café-noir');
  });

  it('rejects paths, traversal and encoded traversal with matter:slug at its line', () => {
    for (const slug of ['../../x', '/etc/passwd', '%2e%2e', '%2e%2e%2fx', 'a/b', 'a\\b', 'C:\\x', '..', '.hidden']) {
      const result = rejection(withMatter(`source: A\nslug: ${JSON.stringify(slug)}`));
      expect(result.messages[0], slug).toMatchObject({ id: 'matter:slug', line: 3 });
    }
  });

  it('rejects reserved names', () => {
    for (const slug of ['index', 'api', 'feed', '404', 'con', 'nul', 'com1', 'lpt9', 'aux', 'prn']) {
      expect(RESERVED_SLUGS.has(slug), slug).toBe(true);
      expect(rejection(withMatter(`slug: ${slug}`)).messages[0]?.reason, slug).toContain('reserved');
    }
  });

  it('rejects uppercase (so CON and Index are refused too), spaces, stray hyphens and decomposed accents', () => {
    for (const slug of ['CON', 'Index', 'My-Article', 'a b', '-a', 'a-', 'a--b', 'cafe\u0301', 'a'.repeat(101), 'a\u202eb']) {
      expect(checkSlug(slug), slug).not.toBeNull();
    }
  });

  // A slug names files (`api/articles/<slug>.json`): 100 CJK characters are 300 bytes, over the 255 a file name may hold.
  it('rejects a slug over 200 bytes of UTF-8 with matter:slug at its line, and accepts one of 200', () => {
    expect(MAX_SLUG_BYTES).toBe(200);
    const result = rejection(withMatter(`source: A\nslug: ${'漢'.repeat(100)}`));
    expect(result.messages).toEqual([expect.objectContaining({ id: 'matter:slug', line: 3 })]);
    expect(result.messages[0]?.reason).toContain('is 300 bytes long in UTF-8, over the limit of 200');
    expect(checkSlug(`${'é'.repeat(99)}漢`)).toContain('201 bytes');
    expect(checkSlug(`${'漢'.repeat(66)}-a`)).toBeNull();
    expect(checkSlug('a'.repeat(100))).toBeNull();
  });
});

describe('UTF-8 lengths', () => {
  it('counts and cuts by UTF-8 bytes, never inside a character', () => {
    expect(utf8Length('aé漢𠀀')).toBe(1 + 2 + 3 + 4);
    expect(cutToUtf8Bytes('漢字', 5)).toBe('漢');
    expect(cutToUtf8Bytes('a𠀀b', 4)).toBe('a');
    expect(cutToUtf8Bytes('a𠀀b', 5)).toBe('a𠀀');
    expect(cutToUtf8Bytes('abc', 3)).toBe('abc');
  });
});
