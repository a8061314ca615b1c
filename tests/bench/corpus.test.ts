import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMarkdown, seedToPost } from '../../bench/baseline.ts';
import { describeSeeds, listCorpus, makeSeeds, pickSeeds, replaceSeed } from '../../bench/corpus.ts';

let root: string;
let corpora: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bench-corpus-test-'));
  corpora = join(root, 'corpora');
  const files: Record<string, string[]> = {
    'polnear/train': ['b.txt', 'a.txt'],
    'polnear/dev': ['c.txt'],
    'polnear/test': ['held-out.txt'],
    bbc: ['bbc-2.txt', 'bbc-1.txt', 'notes.json'],
    reuters: ['reuters-1.txt'],
  };
  for (const [folder, names] of Object.entries(files)) {
    await mkdir(join(corpora, folder), { recursive: true });
    for (const name of names) await writeFile(join(corpora, folder, name), `Headline ${name}\n\nBody of ${name}.\n`);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bench corpus', () => {
  it('lists polnear train, dev, then bbc, then reuters, each in name order, never polnear/test', async () => {
    const names = (await listCorpus(corpora)).map((f) => f.name);
    expect(names).toEqual(['a.txt', 'b.txt', 'c.txt', 'bbc-1.txt', 'bbc-2.txt', 'reuters-1.txt']);
  });

  it('repeats the corpus under new ids beyond its size', async () => {
    const picked = pickSeeds(await listCorpus(corpora), 14).map((f) => f.seedName);
    expect(picked.slice(0, 7)).toEqual(['a.txt', 'b.txt', 'c.txt', 'bbc-1.txt', 'bbc-2.txt', 'reuters-1.txt', 'r2-a.txt']);
    expect(picked.at(-1)).toBe('r3-b.txt');
    expect(new Set(picked).size).toBe(14);
  });

  it('links the originals (same inode), says how many are repeats, and never edits an original', async () => {
    const dir = join(root, 'seeds');
    const seeds = await makeSeeds(corpora, dir, 8);
    expect((await readdir(dir)).sort()).toEqual([...seeds.names].sort());
    expect(seeds.linkKind).toBe('hard');
    expect((await stat(join(dir, 'a.txt'))).ino).toBe((await stat(join(corpora, 'polnear/train/a.txt'))).ino);
    expect(seeds.repeated).toBe(2);
    expect(describeSeeds(seeds)).toContain('2 seeds are REPEATS');

    await replaceSeed(dir, 'a.txt', 'Edited\n\nNew body.\n');
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('Edited\n\nNew body.\n');
    expect(await readFile(join(corpora, 'polnear/train/a.txt'), 'utf8')).toBe('Headline a.txt\n\nBody of a.txt.\n');
  });
});

describe('bench baseline posts', () => {
  it('takes the headline after the front matter as the title, and the rest as the body', () => {
    const seed = '---\ndate: 1987-02-26\nsource: "Reuters"\n---\nBAHIA <COCOA> REVIEW\r\nSALVADOR - Showers.\r\n\r\nMore.\r\n';
    expect(seedToPost(seed)).toEqual({ title: 'BAHIA <COCOA> REVIEW', body: 'SALVADOR - Showers.\n\nMore.' });
    expect(seedToPost('\uFEFFJust a headline')).toEqual({ title: 'Just a headline', body: '' });
  });

  it('writes the title as a quoted YAML scalar', () => {
    expect(postMarkdown({ title: 'He said: "no" \\ #1', body: 'Body.' })).toBe('---\ntitle: "He said: \\"no\\" \\\\ #1"\n---\nBody.\n');
  });
});
