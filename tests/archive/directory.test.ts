/**
 * The editor's speaker directory in the archive: a slug given there wins, and the speaker it
 * displaces is named; an entry that matches nobody is reported.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/index.ts';
import { processSeed } from '../../src/pipeline.ts';
import { parseSpeakerDirectory } from '../../src/speakers/directory.ts';
import type { AttributedArticle } from '../../src/types.ts';

const seed = (path: string, text: string) => processSeed({ path, bytes: new TextEncoder().encode(text) }) as AttributedArticle;

describe('speakers.yml in the archive', () => {
  const articles = [
    seed('seeds/a.txt', 'Council votes\n\n“We will vote today,” said Bob Jones, the council leader.\n'),
    seed('seeds/b.txt', 'Trump son speaks\n\n“It is a great day,” said Donald Trump Jr. at the rally.\n'),
  ];

  it('gives a slug from the directory to its speaker, moves the speaker it displaces, and says so', () => {
    const { directory } = parseSpeakerDirectory('speakers:\n  - name: Bob Jones\n    slug: donald-trump-jr\n', 'seeds/speakers.yml');
    for (const order of [articles, [...articles].reverse()]) {
      const archive = buildArchive(order, { directory });
      const url = (name: string) => archive.speakers.find((s) => s.name === name)?.url;
      expect(url('Bob Jones')).toBe('/speakers/donald-trump-jr/');
      expect(url('Donald Trump Jr.')).toMatch(/^\/speakers\/donald-trump-jr-[0-9a-f]{6}\/$/);
      expect(archive.messages.filter((m) => m.id === 'speakers:slug-taken')).toEqual([
        expect.objectContaining({ severity: 'warning', file: 'seeds/speakers.yml', line: 2, reason: expect.stringContaining(`\`Donald Trump Jr.\` moves to \`${url('Donald Trump Jr.')}\``) }),
      ]);
    }
  });

  it('reports an entry whose name and aliases no article quotes, and not one that matched', () => {
    const { directory } = parseSpeakerDirectory('speakers:\n  - name: Bob Jones\n    description: Council leader\n  - name: Hilary Clinton\n    aliases: [Mrs Clinton]\n', 'seeds/speakers.yml');
    const archive = buildArchive(articles, { directory });
    expect(archive.messages.filter((m) => m.id === 'speakers:unused')).toEqual([
      expect.objectContaining({ severity: 'info', file: 'seeds/speakers.yml', line: 4, reason: expect.stringContaining('no article quotes `Hilary Clinton` or `Mrs Clinton`') }),
    ]);
    expect(archive.speakers.find((s) => s.name === 'Bob Jones')?.description).toBe('Council leader');
  });
});
