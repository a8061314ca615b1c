import { describe, expect, it } from 'vitest';
import { articleJsonLd, scriptSafeJson, speakerJsonLd } from '../../src/site/jsonld.ts';
import type { SpeakerType } from '../../src/types.ts';
import { HOSTILE, OPTIONS, articleBySlug, speakerBySlug } from './fixture.ts';

const BASE = 'https://news.example.org';

/** Characters that must never appear raw in a JSON-LD script. */
const UNSAFE = /[<>&\u2028\u2029]/;

describe('articleJsonLd', () => {
  it('describes an article as a NewsArticle with its quotations, each speaker once under mentions and referred to by @id', () => {
    const url = `${BASE}/articles/russia-dismisses-ukraine/`;
    const lavrov = `${BASE}/speakers/sergey-lavrov/`;
    const kremlin = `${BASE}/speakers/kremlin/`;
    expect(JSON.parse(articleJsonLd(articleBySlug('russia-dismisses-ukraine'), OPTIONS))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': url,
      url,
      mainEntityOfPage: url,
      headline: 'Russia dismisses Ukraine claims',
      description: 'Summary of Russia dismisses Ukraine claims',
      datePublished: '2016-10-05',
      author: { '@type': 'Person', name: 'Ann Lee' },
      publisher: { '@type': 'Organization', name: 'Reuters' },
      keywords: ['russia'],
      mentions: [
        { '@type': 'Person', '@id': lavrov, name: 'Sergey Lavrov', url: lavrov },
        { '@type': 'Organization', '@id': kremlin, name: 'The Kremlin', url: kremlin },
      ],
      hasPart: [
        { '@type': 'Quotation', url: `${url}#q1`, text: 'We have nothing to do with it.', spokenByCharacter: { '@id': lavrov }, creator: { '@id': lavrov } },
        { '@type': 'Quotation', url: `${url}#q2`, text: 'The claims are baseless.', creator: { '@id': kremlin } },
        { '@type': 'Quotation', url: `${url}#q3`, text: 'Perhaps it was him.' },
        { '@type': 'Quotation', url: `${url}#q4`, text: 'Nobody knows.' },
        { '@type': 'Quotation', url: `${url}#q5`, text: 'It is all lies.' },
      ],
    });
  });

  it('writes a speaker quoted many times once, every reference resolving to a node in mentions', () => {
    const article = articleBySlug('russia-dismisses-ukraine');
    const first = article.quotes[0]!;
    const many = { ...article, quotes: Array.from({ length: 12 }, (_, i) => ({ ...first, id: `q${i + 1}` })) };
    const json = articleJsonLd(many, OPTIONS);
    const ld = JSON.parse(json) as { mentions: { '@id': string }[]; hasPart: { creator: { '@id': string }; spokenByCharacter: { '@id': string } }[] };
    expect(json.split('"Sergey Lavrov"')).toHaveLength(2);
    expect(ld.mentions.map((m) => m['@id'])).toEqual([`${BASE}/speakers/sergey-lavrov/`]);
    const ids = new Set(ld.mentions.map((m) => m['@id']));
    for (const part of ld.hasPart) {
      expect(Object.keys(part.creator)).toEqual(['@id']);
      expect(ids.has(part.creator['@id'])).toBe(true);
      expect(ids.has(part.spokenByCharacter['@id'])).toBe(true);
    }
  });

  it('refers to a speaker by the @id of the JSON-LD on their own speaker page', () => {
    const ld = JSON.parse(articleJsonLd(articleBySlug('russia-dismisses-ukraine'), OPTIONS));
    expect(ld.hasPart[0].creator['@id']).toBe(JSON.parse(speakerJsonLd(speakerBySlug('sergey-lavrov'), OPTIONS))['@id']);
  });

  it('names no speaker for an uncertain, anonymous or unattributed quote', () => {
    const parts = JSON.parse(articleJsonLd(articleBySlug('russia-dismisses-ukraine'), OPTIONS)).hasPart;
    for (const index of [2, 3, 4]) {
      expect(parts[index]).not.toHaveProperty('creator');
      expect(parts[index]).not.toHaveProperty('spokenByCharacter');
    }
  });

  it('leaves out datePublished, author, publisher, mentions and hasPart when the article has none', () => {
    const ld = JSON.parse(articleJsonLd(articleBySlug('東京で会議'), OPTIONS));
    expect(ld.datePublished).toBe('2016-09-30');
    expect(ld).not.toHaveProperty('author');
    expect(ld).not.toHaveProperty('mentions');
    expect(ld).not.toHaveProperty('hasPart');
    expect(ld.url).toBe(`${BASE}/articles/%E6%9D%B1%E4%BA%AC%E3%81%A7%E4%BC%9A%E8%AD%B0/`);
    expect(JSON.parse(articleJsonLd(articleBySlug('undated-notes'), OPTIONS))).not.toHaveProperty('datePublished');
  });

  it('keeps hostile text as the same literal values and escapes every character that could end the script', () => {
    const json = articleJsonLd(articleBySlug('hostile-headline'), OPTIONS);
    expect(json).not.toMatch(UNSAFE);
    expect(json).toContain('\\u003c/script\\u003e');
    const ld = JSON.parse(json);
    expect(ld.headline).toBe(`Headline ${HOSTILE}`);
    expect(ld.description).toBe(`Summary ${HOSTILE}`);
    expect(ld.author.name).toBe(`Author ${HOSTILE}`);
    expect(ld.publisher.name).toBe(`Source ${HOSTILE}`);
    expect(ld.keywords).toEqual([`tag ${HOSTILE}`, 'politics']);
    expect(ld.hasPart[0].text).toBe(`Quote ${HOSTILE}`);
    expect(ld.mentions.find((m: { '@id': string }) => m['@id'] === ld.hasPart[0].creator['@id']).name).toBe(`Mx ${HOSTILE}`);
  });

  it('cannot close its script element early when embedded in HTML', () => {
    const html = `<script type="application/ld+json">${articleJsonLd(articleBySlug('hostile-headline'), OPTIONS)}</script>`;
    expect(html.indexOf('</script')).toBe(html.length - '</script>'.length);
    expect(html).not.toContain('<!--');
  });

  it('gives the same string for the same article', () => {
    const article = articleBySlug('hostile-headline');
    expect(articleJsonLd(article, OPTIONS)).toBe(articleJsonLd(article, OPTIONS));
  });
});

describe('speakerJsonLd', () => {
  it('describes a person with their roles and aliases', () => {
    const url = `${BASE}/speakers/sergey-lavrov/`;
    expect(JSON.parse(speakerJsonLd(speakerBySlug('sergey-lavrov'), OPTIONS))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': url,
      url,
      name: 'Sergey Lavrov',
      alternateName: ['Lavrov', 'Mr. Lavrov'],
      jobTitle: ['Foreign Minister'],
      description: 'Russian foreign minister.',
    });
  });

  it('describes an organization without job titles', () => {
    expect(JSON.parse(speakerJsonLd(speakerBySlug('kremlin'), OPTIONS))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': `${BASE}/speakers/kremlin/`,
      url: `${BASE}/speakers/kremlin/`,
      name: 'The Kremlin',
      alternateName: ['Moscow'],
    });
  });

  it('maps every speaker type to Person or Organization', () => {
    const expected: Record<SpeakerType, string> = {
      person: 'Person',
      organization: 'Organization',
      country: 'Organization',
      group: 'Organization',
      document: 'Organization',
      anonymous: 'Person',
      unknown: 'Person',
    };
    for (const [type, schema] of Object.entries(expected)) {
      const ld = JSON.parse(speakerJsonLd({ ...speakerBySlug('kremlin'), type: type as SpeakerType }, OPTIONS));
      expect(ld['@type'], type).toBe(schema);
    }
  });

  it('keeps a hostile name, alias, role and description literal and script-safe', () => {
    const json = speakerJsonLd(speakerBySlug('hostile'), OPTIONS);
    expect(json).not.toMatch(UNSAFE);
    const ld = JSON.parse(json);
    expect(ld.name).toBe(`Mx ${HOSTILE}`);
    expect(ld.alternateName).toEqual([`Alias ${HOSTILE}`]);
    expect(ld.jobTitle).toEqual([`Role ${HOSTILE}`]);
    expect(ld.description).toBe(`Description ${HOSTILE}`);
  });
});

describe('scriptSafeJson', () => {
  it('escapes <, >, &, U+2028 and U+2029 and parses back to the same value', () => {
    const value = { a: '</script><!-- & \u2028\u2029 \u202E {{7*7}}', b: [1, null, true] };
    const json = scriptSafeJson(value);
    expect(json).toBe('{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \u202E {{7*7}}","b":[1,null,true]}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes the code points a page may not hold as escapes, so the data stays the same and the page valid', () => {
    const value = { a: 'c0\u0001 vt\u000B del\u007F c1\u0085 fffe\uFFFE plane\u{1FFFF} lone\uD800 pair😀' };
    const json = scriptSafeJson(value);
    expect(json).toBe('{"a":"c0\\u0001 vt\\u000b del\\u007f c1\\u0085 fffe\\ufffe plane\\ud83f\\udfff lone\\ud800 pair😀"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('throws a TypeError for a value JSON cannot represent', () => {
    expect(() => scriptSafeJson(undefined)).toThrow(TypeError);
  });
});
