import { describe, expect, it } from 'vitest';
import { parseSpeakerDirectory } from '../../src/speakers/directory.ts';

describe('parseSpeakerDirectory', () => {
  it('reads names, aliases, types, descriptions, slugs and split lists', () => {
    const { directory, messages } = parseSpeakerDirectory([
      'speakers:',
      '  - name: Hillary Clinton',
      '    aliases: [Hillary Rodham Clinton, Mrs. Clinton]',
      '    type: person',
      '    description: Former US Secretary of State',
      '    slug: hillary-clinton',
      '  - name: Donald Trump',
      '    distinct: Donald Trump Jr.',
      '',
    ].join('\n'), 'seeds/speakers.yml');
    expect(messages).toEqual([]);
    expect(directory.speakers).toEqual([
      { name: 'Hillary Clinton', aliases: ['Hillary Rodham Clinton', 'Mrs. Clinton'], type: 'person', description: 'Former US Secretary of State', slug: 'hillary-clinton' },
      { name: 'Donald Trump', aliases: [], distinct: ['Donald Trump Jr.'] },
    ]);
  });

  it('reports a bad entry with its line and column, and keeps the good ones', () => {
    const { directory, messages } = parseSpeakerDirectory('speakers:\n  - name: Ann Lee\n  - name: Bob\n    type: alien\n', 'seeds/speakers.yml');
    expect(directory.speakers.map((s) => s.name)).toEqual(['Ann Lee']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: 'speakers:directory', severity: 'error', file: 'seeds/speakers.yml', line: 4, column: 11 });
    expect(messages[0]!.reason).toContain('alien');
  });

  it('reports an unknown key', () => {
    const { messages } = parseSpeakerDirectory('speakers:\n  - name: A\n    colour: red\n', 's.yml');
    expect(messages.map((m) => m.reason)).toEqual([expect.stringContaining('unknown key `colour`')]);
    expect(messages[0]).toMatchObject({ line: 3, column: 5 });
  });

  it('reports a name listed under two speakers', () => {
    const { messages } = parseSpeakerDirectory('speakers:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n', 's.yml');
    expect(messages.map((m) => m.reason)).toEqual([expect.stringContaining('`X` is listed under both `A` and `B`')]);
  });

  it('reports invalid YAML as a positioned error', () => {
    const { directory, messages } = parseSpeakerDirectory('speakers: [a\n', 's.yml');
    expect(directory.speakers).toEqual([]);
    expect(messages[0]?.id).toBe('speakers:directory');
    expect(messages[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('accepts an empty file', () => {
    expect(parseSpeakerDirectory('', 's.yml')).toEqual({ directory: { speakers: [] }, messages: [] });
  });

  it('throws a TypeError when the text is not a string', () => {
    expect(() => parseSpeakerDirectory(undefined as unknown as string, 's.yml')).toThrow(TypeError);
  });
});
