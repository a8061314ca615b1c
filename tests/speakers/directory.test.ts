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
      { name: 'Hillary Clinton', aliases: ['Hillary Rodham Clinton', 'Mrs. Clinton'], type: 'person', description: 'Former US Secretary of State', slug: 'hillary-clinton', line: 2 },
      { name: 'Donald Trump', aliases: [], distinct: ['Donald Trump Jr.'], line: 7 },
    ]);
    expect(directory.file).toBe('seeds/speakers.yml');
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

  it('reports a second entry for the same speaker, naming the line of the first', () => {
    const { directory, messages } = parseSpeakerDirectory('speakers:\n  - name: Bob Jones\n    slug: bob\n  - name: bob  jones\n    slug: robert\n', 's.yml');
    expect(directory.speakers.map((s) => s.slug)).toEqual(['bob']);
    expect(messages).toEqual([expect.objectContaining({ id: 'speakers:directory', line: 4, reason: expect.stringContaining('`bob  jones` already has an entry (line 2)') })]);
  });

  it('compares entry names as the merge does: accents, titles and case aside', () => {
    const { directory, messages } = parseSpeakerDirectory('speakers:\n  - name: José Pérez\n  - name: Jose Perez\n  - name: Dr. Ann Lee\n  - name: ann lee\n', 's.yml');
    expect(directory.speakers.map((s) => s.name)).toEqual(['José Pérez', 'Dr. Ann Lee']);
    expect(messages.map((m) => [m.line, m.reason])).toEqual([
      [3, expect.stringContaining('`Jose Perez` already has an entry (line 2)')],
      [5, expect.stringContaining('`ann lee` already has an entry (line 4)')],
    ]);
  });

  it('reports a slug that two speakers share, that the site uses, or that would be cut', () => {
    const { directory, messages } = parseSpeakerDirectory(
      ['speakers:', '  - name: A', '    slug: same', '  - name: B', '    slug: same', '  - name: C', '    slug: index', '  - name: D', `    slug: ${'d'.repeat(120)}`, ''].join('\n'),
      's.yml',
    );
    expect(directory.speakers.map((s) => s.name)).toEqual(['A']);
    expect(messages.map((m) => [m.line, m.reason])).toEqual([
      [5, expect.stringContaining('`same` is also the slug of `A` (line 2)')],
      [7, expect.stringContaining("`index` is the name of one of the site's own pages")],
      [9, expect.stringContaining('is too long')],
    ]);
  });

  it('reports a name that is both an alias and distinct', () => {
    const { directory, messages } = parseSpeakerDirectory('speakers:\n  - name: Ann Lee\n    aliases: [A. Lee]\n    distinct: [a. lee]\n', 's.yml');
    expect(directory.speakers).toEqual([]);
    expect(messages).toEqual([expect.objectContaining({ line: 4, reason: expect.stringContaining('`a. lee` is both one of this speaker') })]);
  });

  it('keeps aliases written as one string with commas, and warns when they look like several names', () => {
    const { directory, messages } = parseSpeakerDirectory(
      'speakers:\n  - name: Bob Jones\n    aliases: Robert Jones, Mayor Jones\n  - name: Martin Luther King Jr.\n    aliases: [Martin Luther King, Jr.]\n',
      's.yml',
    );
    expect(directory.speakers.map((s) => s.aliases)).toEqual([['Robert Jones, Mayor Jones'], ['Martin Luther King', 'Jr.']]);
    expect(messages).toEqual([expect.objectContaining({ id: 'speakers:directory-list', severity: 'warning', line: 3, fix: expect.stringContaining('[Robert Jones, Mayor Jones]') })]);
  });

  it('reports invalid YAML as a positioned error', () => {
    const { directory, messages } = parseSpeakerDirectory('speakers: [a\n', 's.yml');
    expect(directory.speakers).toEqual([]);
    expect(messages[0]?.id).toBe('speakers:directory');
    expect(messages[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('accepts an empty file', () => {
    expect(parseSpeakerDirectory('', 's.yml')).toEqual({ directory: { speakers: [], file: 's.yml' }, messages: [] });
  });

  it('throws a TypeError when the text is not a string', () => {
    expect(() => parseSpeakerDirectory(undefined as unknown as string, 's.yml')).toThrow(TypeError);
  });
});
