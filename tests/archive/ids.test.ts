import { describe, expect, it } from 'vitest';
import { buildArchive, shortHash } from '../../src/archive/index.ts';
import { processSeed } from '../../src/pipeline.ts';
import type { AttributedArticle } from '../../src/types.ts';

const seed = (path: string, text: string) => processSeed({ path, bytes: new TextEncoder().encode(text) }) as AttributedArticle;

describe('article ids from file names', () => {
  const a = seed('seeds/a/story.txt', 'First Story Here\n\nBody one.\n');
  const b = seed('seeds/b/story.txt', 'Second Story There\n\nBody two.\n');
  const c = seed('seeds/c/story.md', '# Third Story\n\nBody three.\n');

  it('keeps the id for the first file by path and gives each other `<id>-<shortHash(path)>`', () => {
    const archive = buildArchive([c, b, a]);
    expect(archive.articles.map((x) => [x.path, x.id]).sort()).toEqual([
      ['seeds/a/story.txt', 'story'],
      ['seeds/b/story.txt', `story-${shortHash('seeds/b/story.txt')}`],
      ['seeds/c/story.md', `story-${shortHash('seeds/c/story.md')}`],
    ]);
  });

  it('warns once for each renamed article, naming it and the file that keeps the id, in any input order', () => {
    const expected = [b, c].map((x) =>
      expect.objectContaining({
        id: 'archive:id-collision',
        severity: 'warning',
        file: x.path,
        line: 1,
        column: 1,
        reason: `seeds/a/story.txt and ${x.path} have the same file name, so both want the id \`story\`; ${x.path} gets \`story-${shortHash(x.path)}\``,
      }),
    );
    for (const order of [[a, b, c], [c, b, a], [b, a, c]]) {
      expect(buildArchive(order).messages.filter((m) => m.id === 'archive:id-collision')).toEqual(expected);
    }
  });

  it('says nothing when every file name is different', () => {
    expect(buildArchive([a, seed('seeds/b/other.txt', 'Other Story\n\nBody.\n')]).messages.filter((m) => m.id === 'archive:id-collision')).toEqual([]);
  });
});
