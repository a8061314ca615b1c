/**
 * A rebuild after adding, editing, removing or renaming a seed must give exactly the tree
 * a cold build of the same seeds gives: byte for byte, every page, feed, index and search shard.
 * Rebuilds alternate between rendering in this thread and on a render thread (as the CLI does).
 */
import { cp, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { parseManifest } from '../../src/build/incremental.ts';
import { hashTree, seedsFrom, tempDir, treeDiff } from '../helpers/tree.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'site-seeds');
const SAMPLE = join(import.meta.dirname, '..', '..', 'seeds', '000_4214a0f614e41956.txt');
const START = ['2024-budget-vote.txt', '2024-budget-reaction.md', 'undated-column.txt'].map((f) => join(FIXTURES, f));

let seeds: string;
let work: string;
const out = () => join(work, 'dist');
const cache = () => join(work, 'cache');

/** Build `seeds` cold into a fresh folder and return its tree. */
async function coldTree(baseUrl?: string): Promise<Map<string, string>> {
  const dir = await tempDir('cold');
  try {
    const report = await build({ seedsDir: seeds, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), cwd: seeds, ...(baseUrl === undefined ? {} : { baseUrl }) });
    expect(report.published).toBe(true);
    return await hashTree(join(dir, 'dist'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the next rebuild renders on a render thread; flips with every rebuild. */
let renderThread = false;

async function rebuild(baseUrl?: string): Promise<Map<string, string>> {
  renderThread = !renderThread;
  const report = await build({ seedsDir: seeds, outDir: out(), cacheDir: cache(), cwd: seeds, renderThread, ...(baseUrl === undefined ? {} : { baseUrl }) });
  expect(report.published).toBe(true);
  return hashTree(out());
}

beforeAll(async () => {
  seeds = await seedsFrom(START);
  work = await tempDir('incremental');
  await rebuild();
});

afterAll(async () => {
  await rm(seeds, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('rebuilds are exactly a cold build', () => {
  it('after adding a seed that shares a speaker with existing articles', async () => {
    await cp(join(FIXTURES, '2024-flood-warning.txt'), join(seeds, '2024-flood-warning.txt'));
    const incremental = await rebuild();
    expect(treeDiff(incremental, await coldTree())).toEqual([]);
    expect([...incremental.keys()].some((p) => p.includes('flood-warning'))).toBe(true);
  });

  it('after adding the sample seed', async () => {
    await cp(SAMPLE, join(seeds, '000_4214a0f614e41956.txt'));
    expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
  });

  it('after editing a seed', async () => {
    const file = join(seeds, '2024-budget-vote.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Tom Reyes', 'Thomas Reyes') + '\n“We are not finished,” Okafor said.\n');
    expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
  });

  it('after removing a seed, whose pages disappear everywhere', async () => {
    await rm(join(seeds, '2024-flood-warning.txt'));
    const incremental = await rebuild();
    expect(treeDiff(incremental, await coldTree())).toEqual([]);
    expect([...incremental.keys()].some((p) => p.includes('flood-warning'))).toBe(false);
    const root = out();
    for (const file of ['index.html', 'feed.xml', 'sitemap.xml', 'api/index.json']) {
      expect(await readFile(join(root, file), 'utf8')).not.toContain('Flood Warning');
    }
  });

  it('after renaming a seed', async () => {
    await rename(join(seeds, 'undated-column.txt'), join(seeds, 'undated-column-renamed.txt'));
    const incremental = await rebuild();
    expect(treeDiff(incremental, await coldTree())).toEqual([]);
    const index = JSON.parse(await readFile(join(out(), 'api', 'index.json'), 'utf8')) as { articles: { id: string }[] };
    expect(index.articles.map((a) => a.id)).toContain('undated-column-renamed');
    expect(index.articles.map((a) => a.id)).not.toContain('undated-column');
  });

  it('after a rebuild that recycles the spare generation in place (the one published before the last)', async () => {
    const spareFile = (await readdir(join(cache(), 'outputs'))).find((f) => f.endsWith('.spare.manifest'));
    expect(spareFile).toBeDefined();
    const spare = parseManifest(await readFile(join(cache(), 'outputs', spareFile!), 'utf8'))!.generation;
    const spareInode = (await stat(spare)).ino;
    expect(await realpath(out())).not.toBe(spare);
    await writeFile(join(seeds, '2024-budget-reaction.md'), (await readFile(join(seeds, '2024-budget-reaction.md'), 'utf8')) + '\nOne more paragraph.\n');
    const incremental = await rebuild();
    expect((await stat(await realpath(out()))).ino).toBe(spareInode);
    expect(treeDiff(incremental, await coldTree())).toEqual([]);
  });

  /** The spare generation's folder and its inode, from its manifest file in the cache. */
  async function spareGeneration(): Promise<{ folder: string; inode: number }> {
    const name = (await readdir(join(cache(), 'outputs'))).find((f) => f.endsWith('.spare.manifest'))!;
    const folder = parseManifest(await readFile(join(cache(), 'outputs', name), 'utf8'))!.generation;
    return { folder, inode: (await stat(folder)).ino };
  }
  const cacheFile = async (suffix: string): Promise<string> => join(cache(), 'outputs', (await readdir(join(cache(), 'outputs'))).find((f) => f.endsWith(suffix))!);
  const editSeed = async (name: string, line: string): Promise<void> => writeFile(join(seeds, name), (await readFile(join(seeds, name), 'utf8')) + line);

  it('catches the spare up from the last build’s delta alone, without reading the spare’s manifest', async () => {
    const spare = await spareGeneration();
    // A spare manifest that cannot be read: only the delta can tell what the spare lacks.
    await writeFile(await cacheFile('.spare.manifest'), 'not a manifest\n');
    await editSeed('2024-budget-vote.txt', '\n“A second vote is not ruled out,” Okafor said.\n');
    const incremental = await rebuild();
    expect((await stat(await realpath(out()))).ino).toBe(spare.inode);
    expect(treeDiff(incremental, await coldTree())).toEqual([]);
  });

  it('catches the spare up from the manifests when the delta is missing', async () => {
    const spare = await spareGeneration();
    await rm(await cacheFile('.delta'));
    await editSeed('2024-budget-reaction.md', '\nAnother closing paragraph.\n');
    const incremental = await rebuild();
    expect((await stat(await realpath(out()))).ino).toBe(spare.inode);
    expect(treeDiff(incremental, await coldTree())).toEqual([]);
  });

  it('renders only what changed since the last build, not since the spare it recycles', async () => {
    const manifest = async (): Promise<ReadonlyMap<string, string>> => {
      const file = (await readdir(join(cache(), 'outputs'))).find((f) => f.endsWith('.manifest') && !f.endsWith('.spare.manifest'))!;
      return parseManifest(await readFile(join(cache(), 'outputs', file), 'utf8'))!.outputs;
    };
    // Two edits in a row: the second build recycles the generation from before the first edit.
    const edit = async (name: string, line: string): Promise<{ written: number; changed: number }> => {
      const before = await manifest();
      await writeFile(join(seeds, name), (await readFile(join(seeds, name), 'utf8')) + line);
      const report = await build({ seedsDir: seeds, outDir: out(), cacheDir: cache(), cwd: seeds });
      expect(report.published).toBe(true);
      const after = await manifest();
      return { written: report.written, changed: [...after.keys()].filter((path) => before.get(path) !== after.get(path)).length };
    };
    const first = await edit('2024-budget-vote.txt', '\n“We will vote again in May,” Okafor said.\n');
    const second = await edit('2024-budget-reaction.md', '\nA closing paragraph.\n');
    expect(first.written).toBe(first.changed);
    expect(second.written).toBe(second.changed);
    expect(second.changed).toBeGreaterThan(0);
    expect(treeDiff(await hashTree(out()), await coldTree())).toEqual([]);
  });

  /** Write a file into the seeds, rebuild and compare with a cold build, `check` the site; then remove it and compare again. */
  async function addThenRemove(name: string, text: string, check: () => Promise<void>): Promise<void> {
    await writeFile(join(seeds, name), text);
    expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
    await check();
    await rm(join(seeds, name));
    expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
  }
  const votePage = (): Promise<string> => readFile(join(out(), 'articles', 'parliament-passes-budget-after-late-night-session', 'index.html'), 'utf8');
  const okaforFeed = (): Promise<string> => readFile(join(out(), 'speakers', 'maria-okafor', 'feed.xml'), 'utf8');

  // Article pages and exports are keyed by what they are made of besides their own seed (see
  // src/build/incremental.ts); these change another article's inputs without touching its seed.
  it('after editing the headline of an article that others list as related', async () => {
    const file = join(seeds, '2024-budget-reaction.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('# Markets Shrug Off New Budget', '# Markets Calm After New Budget'));
    expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
    expect(await votePage()).toContain('Markets Calm After New Budget');
  });

  it('after the editor’s speaker file describes a speaker, and then renames them', async () => {
    await addThenRemove('speakers.yml', 'speakers:\n  - name: Maria Okafor\n    description: Finance minister since 2022.\n', async () => {
      expect(await readFile(join(out(), 'speakers', 'maria-okafor', 'index.html'), 'utf8')).toContain('Finance minister since 2022.');
      // The name changes and the URL stays.
      await writeFile(join(seeds, 'speakers.yml'), 'speakers:\n  - name: Maria Okafor-Ruiz\n    aliases: [Maria Okafor]\n    slug: maria-okafor\n');
      expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
      expect(await readFile(join(out(), 'api', 'articles', 'parliament-passes-budget-after-late-night-session.json'), 'utf8')).toContain('Maria Okafor-Ruiz');
      expect(await okaforFeed()).toContain('Maria Okafor-Ruiz');
    });
  });

  it('after adding the newest article, which moves the date every feed was updated', async () => {
    await addThenRemove('2031-later.txt', '---\ndate: 2031-01-02\n---\nA Much Later Report\n\nNothing was said.\n', async () => {
      expect(await okaforFeed()).toContain('<updated>2031-01-02T00:00:00Z</updated>');
    });
  });

  it('after adding seeds that repeat another article’s quotation', async () => {
    // Attributed to someone else, it changes only how often her quote was also reported.
    const statement = '---\ndate: 2024-03-20\nsource: Wire Copy\n---\nMinistry Statement on the Budget\n\n“This budget protects the families who need it most,” the Finance Ministry said in a statement.\n';
    await addThenRemove('2024-ministry.txt', statement, async () => {
      expect(await votePage()).toMatch(/Also reported by <a href="[^"]*ministry-statement-on-the-budget[^"]*">Wire Copy<\/a>/);
    });
    const repeat = '---\ndate: 2024-03-20\nsource: Wire Copy\n---\nBudget Quote Repeated\n\n“This budget protects the families who need it most,” Finance Minister Maria Okafor said last week.\n';
    await addThenRemove('2024-wire-copy.txt', repeat, async () => {
      expect(await votePage()).toContain('budget-quote-repeated');
      expect(await readFile(join(out(), 'speakers', 'maria-okafor', 'index.html'), 'utf8')).toContain('Budget Quote Repeated');
    });
  });

  it('after the base URL changes, and back', async () => {
    const base = 'https://news.example.org/archive';
    expect(treeDiff(await rebuild(base), await coldTree(base))).toEqual([]);
    expect(await votePage()).toContain('https://news.example.org/archive/articles/parliament-passes-budget-after-late-night-session/');
    expect(treeDiff(await rebuild(), await coldTree())).toEqual([]);
  });

  it('after a new seed takes over the plain slug of an existing source', async () => {
    // The oldest article of a source name keeps its plain slug: this one moves "The Example Times".
    await addThenRemove('2019-older-times.txt', '---\ndate: 2019-05-01\nsource: The Example-Times\n---\nAn Older Report\n\n“It was quiet,” said Ann Lee.\n', async () => {
      expect(await votePage()).not.toContain('href="/sources/the-example-times/"');
    });
  });

  it('removes the manifests of the older JSON format from the cache', async () => {
    const manifest = await cacheFile('.spare.manifest');
    const legacy = [manifest.replace(/\.spare\.manifest$/, '.json'), manifest.replace(/\.manifest$/, '.json')];
    for (const file of legacy) await writeFile(file, '{}');
    await rebuild();
    const left = await readdir(join(cache(), 'outputs'));
    expect(left.filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('after a rebuild with nothing changed', async () => {
    const before = await hashTree(out());
    const report = await build({ seedsDir: seeds, outDir: out(), cacheDir: cache(), cwd: seeds });
    expect(report.written).toBe(0);
    expect(report.indexed).toBe(0);
    expect(treeDiff(await hashTree(out()), before)).toEqual([]);
  });
});
