/**
 * What `collect` reads from a seeds folder: nothing is skipped silently (Markdown under its
 * other extensions is read, a misnamed speaker file and a broken link are reported), and
 * nothing that is not the editor's articles is read (dot-folders such as .git/ or Verbatim's
 * own state folder).
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect } from '../../src/build/collect.ts';
import { processSeed } from '../../src/pipeline.ts';
import { tempDir } from '../helpers/tree.ts';

let dir: string;
let seeds: string;
beforeEach(async () => {
  dir = await tempDir('collect');
  seeds = join(dir, 'seeds');
  await mkdir(seeds);
  await writeFile(join(seeds, 'plain.txt'), 'A Plain Headline\n\n“It works,” said Mayor Ann Lee.\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = () => collect(seeds, dir, (path, bytes) => processSeed({ path, bytes }));

describe('collect', () => {
  it('reads a .markdown (or .mdown, .mkd …) seed as Markdown', async () => {
    await writeFile(join(seeds, 'x.markdown'), '# A Markdown Headline\n\nSome **bold** words.\n');
    await writeFile(join(seeds, 'y.MDOWN'), '# Another Headline\n\nMore words.\n');
    const { archive, rejected, messages } = await run();
    expect(rejected).toEqual([]);
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
    const x = archive.articles.find((a) => a.id === 'x');
    expect(x?.headline.text).toBe('A Markdown Headline');
    expect(x?.format).toBe('md');
    expect(x?.paragraphs[0]?.html).toContain('<strong>bold</strong>');
    expect(archive.articles.map((a) => a.id).sort()).toEqual(['plain', 'x', 'y']);
  });

  it('reports a speakers.yaml as a speaker file that is not read, naming it', async () => {
    await writeFile(join(seeds, 'speakers.yaml'), 'speakers:\n  - name: Ann Lee\n    type: person\n');
    const { messages, directoryFailed } = await run();
    expect(directoryFailed).toBe(true);
    expect(messages.filter((m) => m.id === 'speakers:directory-name')).toEqual([
      expect.objectContaining({ severity: 'error', file: join('seeds', 'speakers.yaml'), line: 1, fix: expect.stringContaining('rename it to speakers.yml') }),
    ]);
  });

  it('rejects a link to a seed that is gone as unreadable, saying so', async () => {
    await symlink('../elsewhere/gone.txt', join(seeds, 'linked.txt'));
    const { archive, rejected } = await run();
    expect(archive.articles.map((a) => a.id)).toEqual(['plain']);
    expect(rejected.map((r) => r.messages.map((m) => [m.file, m.id, m.reason]))).toEqual([
      [[join('seeds', 'linked.txt'), 'read:unreadable', 'the seed could not be read (it is a link to ../elsewhere/gone.txt, which does not exist)']],
    ]);
  });

  it('reads nothing inside dot-folders, nor dot-files', async () => {
    const hidden = ['.git/COMMIT_EDITMSG.txt', '.obsidian/workspace.md', '.trash/old.txt', '.site.verbatim/gen-1/robots.txt', 'sub/.cache/a.md', '.draft.txt'];
    for (const file of hidden) {
      await mkdir(join(seeds, file, '..'), { recursive: true });
      await writeFile(join(seeds, file), 'A Hidden Headline\n\nText.\n');
    }
    await mkdir(join(seeds, 'sub'), { recursive: true });
    await writeFile(join(seeds, 'sub', 'nested.txt'), 'A Nested Headline\n\nText.\n');
    const { archive, rejected, messages } = await run();
    expect(archive.articles.map((a) => a.path).sort()).toEqual([join('seeds', 'plain.txt'), join('seeds', 'sub', 'nested.txt')]);
    expect(rejected).toEqual([]);
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });
});
