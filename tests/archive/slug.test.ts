import { describe, expect, it } from 'vitest';
import { assignSlugs, isUsableSlug, shortHash, slugify } from '../../src/archive/slug.ts';

describe('slugify', () => {
  it('lowercases and hyphenates Latin text', () => {
    expect(slugify('Hello World!')).toBe('hello-world');
    expect(slugify('  Russia Dismisses ‘Road to Nowhere’  ')).toBe('russia-dismisses-road-to-nowhere');
  });

  it('gives NFC and NFD spellings the same slug', () => {
    expect(slugify('Café'.normalize('NFC'))).toBe(slugify('Café'.normalize('NFD')));
  });

  it('keeps CJK characters', () => {
    expect(slugify('東京で首脳会議')).toBe('東京で首脳会議');
  });

  it('returns an empty slug for emoji-only and punctuation-only text', () => {
    expect(slugify('🎉🎉')).toBe('');
    expect(slugify('?!…')).toBe('');
  });

  it('never produces path separators, dots or percent signs', () => {
    for (const hostile of ['../../x', '/etc/passwd', '%2e%2e/%2e%2e', 'a\\b', '..']) {
      expect(slugify(hostile)).toMatch(/^[\p{L}\p{N}\p{M}-]*$/u);
    }
  });

  it('cuts long slugs at a hyphen, at most 80 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  // A slug names files (`api/articles/<slug>.json`, at most 255 bytes): 80 CJK characters are 240 bytes.
  it('keeps slugs within 200 bytes of UTF-8, cut between characters', () => {
    const cjk = slugify('漢'.repeat(100));
    expect(cjk).toBe('漢'.repeat(66));
    // 80 UTF-16 units would end in the first half of a surrogate pair.
    const astral = slugify(`🎉 a${'𠀀'.repeat(100)}`);
    expect(astral).toBe(`a${'𠀀'.repeat(39)}`);
    expect(slugify(`${'漢'.repeat(60)} ${'字'.repeat(30)}`)).toBe('漢'.repeat(60));
    for (const slug of [cjk, astral, slugify('é'.repeat(150)), slugify('a'.repeat(150))]) {
      expect(new TextEncoder().encode(slug).length, slug).toBeLessThanOrEqual(200);
      expect(slug, 'no lone surrogate').not.toMatch(/\p{Cs}/u);
    }
  });
});

describe('assignSlugs', () => {
  it('gives the plain slug to the lowest rank and a hash suffix to the others', () => {
    const grants = assignSlugs(
      [
        { id: 'b', wanted: 'hello-world', rank: '2020-01-02' },
        { id: 'a', wanted: 'hello-world', rank: '2020-01-01' },
      ],
      'article',
    );
    expect(grants.get('a')).toEqual({ id: 'a', slug: 'hello-world', collidedWith: null });
    expect(grants.get('b')).toEqual({ id: 'b', slug: `hello-world-${shortHash('b')}`, collidedWith: 'a' });
  });

  it('does not depend on the order of the claims', () => {
    const claims = [
      { id: 'x', wanted: 'same', rank: '1' },
      { id: 'y', wanted: 'same', rank: '1' },
      { id: 'z', wanted: 'same', rank: '1' },
    ];
    const forward = assignSlugs(claims, 'article');
    const backward = assignSlugs([...claims].reverse(), 'article');
    for (const id of ['x', 'y', 'z']) expect(backward.get(id)).toEqual(forward.get(id));
  });

  it('replaces empty and reserved slugs with unique, usable ones', () => {
    const grants = assignSlugs(
      [
        { id: 'e1', wanted: '', rank: '' },
        { id: 'e2', wanted: '', rank: '' },
        { id: 'r1', wanted: 'index', rank: '' },
        { id: 'r2', wanted: 'con', rank: '' },
      ],
      'article',
    );
    const slugs = [...grants.values()].map((g) => g.slug);
    expect(new Set(slugs).size).toBe(4);
    for (const slug of slugs) expect(isUsableSlug(slug)).toBe(true);
    expect(grants.get('e1')?.slug).toBe(`article-${shortHash('e1')}`);
  });

  it('keeps an existing article’s slug when a later-dated article collides with it', () => {
    const before = assignSlugs([{ id: 'old', wanted: 'news', rank: '2020-01-01' }], 'article');
    const after = assignSlugs(
      [
        { id: 'old', wanted: 'news', rank: '2020-01-01' },
        { id: 'new', wanted: 'news', rank: '2021-01-01' },
      ],
      'article',
    );
    expect(after.get('old')?.slug).toBe(before.get('old')?.slug);
  });

  it('cuts a wanted slug over 200 bytes before adding any suffix', () => {
    const grants = assignSlugs([{ id: 'a', wanted: '漢'.repeat(100), rank: '1' }, { id: 'b', wanted: '漢'.repeat(100), rank: '2' }], 'article');
    expect(grants.get('a')?.slug).toBe('漢'.repeat(66));
    expect(grants.get('b')?.slug).toBe(`${'漢'.repeat(66)}-${shortHash('b')}`);
  });
});

describe('slugify: invisible marks', () => {
  it('leaves out variation selectors, the combining grapheme joiner, and the dot lower-casing adds to Turkish İ', () => {
    expect(slugify('I ❤️ NY')).toBe('i-ny');
    expect(slugify('İstanbul talks')).toBe('istanbul-talks');
    expect(slugify('a\u034Fb')).toBe('ab');
    // Marks that are part of a script stay: Devanagari vowel signs, Vietnamese tones.
    expect(slugify('नमस्ते')).toBe('नमस्ते');
    expect(slugify('Việt Nam')).toBe('việt-nam');
  });
});
