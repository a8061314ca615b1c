import { describe, expect, it } from 'vitest';
import { byLetter, letterLabel, letterOf, OTHER_LETTER } from '../../src/site/letters.ts';

describe('letter pages', () => {
  it('files a name under its first letter, accents removed, in lower case', () => {
    expect(letterOf('Sergey Lavrov')).toBe('s');
    expect(letterOf('émile Zola')).toBe('e');
    expect(letterOf('İlham Aliyev')).toBe('i');
    expect(letterOf('“The Donald”')).toBe('t');
    expect(letterOf('Дмитрий Песков')).toBe('д');
  });

  it('files names that start with a digit or a script without capitals under "other"', () => {
    for (const name of ['50 Cent', '習近平', 'محمد', '—', '']) expect(letterOf(name), name).toBe(OTHER_LETTER);
  });

  it('labels letters in capitals and the rest as Other', () => {
    expect(letterLabel('a')).toBe('A');
    expect(letterLabel('д')).toBe('Д');
    expect(letterLabel(OTHER_LETTER)).toBe('Other');
  });

  it('groups a–z first, other cased letters next and "other" last, each group by name', () => {
    const groups = byLetter(['bo', 'Дима', 'Al', '7up', 'ann', 'Émile'], (s) => s);
    expect(groups.map((g) => [g.key, g.items])).toEqual([
      ['a', ['Al', 'ann']],
      ['b', ['bo']],
      ['e', ['Émile']],
      ['д', ['Дима']],
      ['other', ['7up']],
    ]);
  });
});
