import { describe, expect, it } from 'vitest';
import { mergeSpeakers, slugify } from '../../src/speakers/merge.ts';
import type { ArticleSpeaker, AttributedArticle, SpeakerDirectory } from '../../src/types.ts';
import { article } from '../quotes/helpers.ts';

/** An attributed article whose speakers are given directly (merge only reads `id` and `speakers`). */
function withSpeakers(id: string, ...speakers: Array<Partial<ArticleSpeaker> & { name: string }>): AttributedArticle {
  return {
    ...article({ id, paragraphs: ['Body.'] }),
    quotes: [],
    speakers: speakers.map((s, i) => ({ key: `s${i + 1}`, type: 'person', roles: [], aliases: [], ...s })),
  };
}

const none: SpeakerDirectory = { speakers: [] };

describe('mergeSpeakers', () => {
  it('puts "Hillary Clinton", "Clinton" and "Mrs. Clinton" on one page', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Hillary Clinton', aliases: ['Clinton', 'Mrs. Clinton'] }),
      withSpeakers('b', { name: 'Clinton' }),
      withSpeakers('c', { name: 'Hillary Rodham Clinton' }),
    ], none);
    expect(m.lookup('a', 's1')?.id).toBe('hillary-clinton');
    expect(m.lookup('b', 's1')?.id).toBe('hillary-clinton');
    expect(m.lookup('c', 's1')?.id).toBe('hillary-clinton');
    expect(m.speakers).toHaveLength(1);
  });

  it('lists a role once when articles write it in different cases, as most of them write it', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Ann Lee', roles: ['Mayor'] }),
      withSpeakers('b', { name: 'Ann Lee', roles: ['mayor', 'council member'] }),
      withSpeakers('c', { name: 'Ann Lee', roles: ['mayor'] }),
    ], none);
    expect(m.speakers.map((s) => s.roles)).toEqual([['council member', 'mayor']]);
  });

  it('keeps speakers with names in other scripts apart, and never groups names that have no letters', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Сергей Лавров' }, { name: 'Анна Смирнова' }),
      withSpeakers('b', { name: '习近平' }, { name: 'Αλέξης Τσίπρας' }, { name: '★' }, { name: '☆' }),
      withSpeakers('c', { name: 'Сергей Лавров' }),
    ], none);
    expect(m.speakers.map((s) => s.name).sort()).toEqual(['★', '☆', 'Αλέξης Τσίπρας', 'Анна Смирнова', 'Сергей Лавров', '习近平'].sort());
    expect(m.lookup('a', 's1')).toBe(m.lookup('c', 's1'));
    expect(m.lookup('a', 's1')).not.toBe(m.lookup('a', 's2'));
    const directory = { speakers: [{ name: 'Владимир Путин', aliases: [] }] };
    const withEntry = mergeSpeakers([withSpeakers('a', { name: 'Сергей Лавров' }), withSpeakers('b', { name: 'Владимир Путин' })], directory);
    expect(withEntry.lookup('a', 's1')?.name).toBe('Сергей Лавров');
    expect(withEntry.lookup('b', 's1')?.name).toBe('Владимир Путин');
  });

  it('reads modifier-letter apostrophes as apostrophes, leaves out a bracketed form in another script, and keys wordless names by their text', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Kaʻahumanu Lee' }, { name: 'Xi Jinping (习近平)' }, { name: 'The President' }),
      withSpeakers('b', { name: "Ka'ahumanu Lee" }, { name: 'Xi Jinping' }, { name: 'the  president' }, { name: '★' }),
    ], none);
    for (const key of ['s1', 's2', 's3']) expect(m.lookup('a', key), key).toBe(m.lookup('b', key));
    expect(m.lookup('b', 's3')).not.toBe(m.lookup('b', 's4'));
    expect(m.speakers).toHaveLength(4);
  });

  it('reads Latin letters that NFKD keeps whole like accented ones: Łukasz is Lukasz, Strauß is Strauss', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Łukasz Nowak' }, { name: 'Johann Strauß' }, { name: 'Binali Yıldırım' }, { name: 'Søren Kierkegaard' }),
      withSpeakers('b', { name: 'Lukasz Nowak' }, { name: 'Johann Strauss' }, { name: 'Binali Yildirim' }, { name: 'Soren Kierkegaard' }),
    ], none);
    for (const key of ['s1', 's2', 's3', 's4']) expect(m.lookup('a', key), key).toBe(m.lookup('b', key));
    expect(m.speakers).toHaveLength(4);
  });

  it('keeps Bill and Hillary Clinton apart, and leaves a bare "Clinton" unmerged when both exist', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Bill Clinton' }),
      withSpeakers('b', { name: 'Hillary Clinton' }),
      withSpeakers('c', { name: 'Clinton' }),
    ], none);
    expect(m.lookup('a', 's1')?.id).toBe('bill-clinton');
    expect(m.lookup('b', 's1')?.id).toBe('hillary-clinton');
    expect(m.lookup('c', 's1')?.id).toBe('clinton');
  });

  it('never joins a bare surname to a full name its own article keeps apart (“Mr. Obama” beside Michelle Obama)', () => {
    const m = mergeSpeakers([
      withSpeakers('a', { name: 'Barack Obama' }),
      withSpeakers('b', { name: 'Michelle Obama' }, { name: 'Obama' }),
      withSpeakers('c', { name: 'Obama' }),
    ], none);
    expect(m.lookup('b', 's2')?.id).toBe('barack-obama');
    expect(m.lookup('b', 's1')?.id).toBe('michelle-obama');
    expect(m.lookup('c', 's1')?.id).toBe('obama');
  });

  it('keeps Donald Trump and Donald Trump Jr. apart', () => {
    const m = mergeSpeakers([withSpeakers('a', { name: 'Donald Trump' }), withSpeakers('b', { name: 'Donald Trump Jr.' }), withSpeakers('c', { name: 'Donald J. Trump' })], none);
    expect(m.lookup('a', 's1')?.id).toBe('donald-trump');
    expect(m.lookup('c', 's1')?.id).toBe('donald-trump');
    expect(m.lookup('b', 's1')?.id).toBe('donald-trump-jr');
  });

  it('merges transliteration variants only with evidence', () => {
    const withEvidence = mergeSpeakers([withSpeakers('a', { name: 'Sergey Lavrov', aliases: ['Lavrov'] }), withSpeakers('b', { name: 'Sergei Lavrov', aliases: ['Lavrov'] })], none);
    expect(withEvidence.lookup('b', 's1')?.id).toBe(withEvidence.lookup('a', 's1')?.id);
    expect(withEvidence.messages.map((x) => x.id)).toEqual(['speakers:merged']);
    const without = mergeSpeakers([withSpeakers('a', { name: 'Sergey Lavrov' }), withSpeakers('b', { name: 'Sergei Lavrov' })], none);
    expect(without.lookup('b', 's1')?.id).not.toBe(without.lookup('a', 's1')?.id);
  });

  it('gives ids that do not depend on the order of the articles', () => {
    const list = [withSpeakers('a', { name: 'Ann Lee' }), withSpeakers('b', { name: 'Ann  Lee', type: 'person' }), withSpeakers('c', { name: 'Lee' })];
    const forward = mergeSpeakers(list, none);
    const backward = mergeSpeakers([...list].reverse(), none);
    expect(forward.speakers).toEqual(backward.speakers);
    expect(forward.lookup('c', 's1')?.id).toBe('ann-lee');
  });

  it('never gives anonymous sources an archive page', () => {
    const m = mergeSpeakers([withSpeakers('a', { name: 'a senior official', type: 'anonymous' })], none);
    expect(m.lookup('a', 's1')).toBeNull();
    expect(m.speakers).toHaveLength(0);
  });

  it('lets the directory rename, merge, describe and force a slug', () => {
    const directory: SpeakerDirectory = { speakers: [{ name: 'Hillary Rodham Clinton', aliases: ['Hillary Clinton', 'HRC'], description: 'Former US Secretary of State', slug: 'hrc' }] };
    const m = mergeSpeakers([withSpeakers('a', { name: 'Hillary Clinton' }), withSpeakers('b', { name: 'HRC', type: 'organization' })], directory);
    const s = m.lookup('a', 's1');
    expect(s?.name).toBe('Hillary Rodham Clinton');
    expect(s?.description).toBe('Former US Secretary of State');
    expect(s?.slug).toBe('hrc');
    expect(m.lookup('b', 's1')).toBe(s);
  });

  it('lets the directory split names that heuristics would merge', () => {
    const directory: SpeakerDirectory = { speakers: [{ name: 'Donald Trump', aliases: [], distinct: ['Trump'] }] };
    const m = mergeSpeakers([withSpeakers('a', { name: 'Donald Trump' }), withSpeakers('b', { name: 'Trump' })], directory);
    expect(m.lookup('b', 's1')?.id).not.toBe(m.lookup('a', 's1')?.id);
  });

  it('throws a TypeError when called with something that is not a list', () => {
    expect(() => mergeSpeakers('nope' as unknown as AttributedArticle[], none)).toThrow(TypeError);
  });

  it('slugifies names to lowercase without Latin accents, keeping the letters of other scripts', () => {
    expect(slugify('José Ángel Gurría')).toBe('jose-angel-gurria');
    expect(slugify('Сергей Лавров')).toBe('сергеи-лавров'); // NFKD splits й into и and a breve, removed like a Latin accent
    expect(slugify('Анна Смирнова')).not.toBe(slugify('Сергей Лавров'));
    expect(slugify('★')).toBe('speaker');
  });
});
