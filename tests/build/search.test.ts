/**
 * The search shards: Pagefind's command line over hand-written pages, the shard list, and a
 * failure that names the shard instead of being lost in a background queue.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexShards, planShards, shardIndexer, type SearchPage } from '../../src/build/search.ts';
import { tempDir } from '../helpers/tree.ts';

let site: string;
let stage: string;

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
  await rm(stage, { recursive: true, force: true });
});

/** Every file (not folder) under `dir`. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name));
}

/** Pages in a shard's index, as Pagefind counts them. */
async function pageCount(name: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(site, 'pagefind', name, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages)[0]!.page_count;
}

/** Write `n` small article pages with a Pagefind body and return them as search pages. */
async function writePages(n: number): Promise<SearchPage[]> {
  site = await tempDir('search');
  stage = await tempDir('search-stage');
  const pages: SearchPage[] = [];
  for (let i = 0; i < n; i++) {
    const path = `articles/story-${i}/index.html`;
    await mkdir(join(site, 'articles', `story-${i}`), { recursive: true });
    await writeFile(join(site, path), `<!doctype html><html lang="en"><head><title>Story ${i}</title></head><body><main data-pagefind-body><h1>Story ${i}</h1><p>The harbour reopened for story ${i}.</p></main></body></html>`);
    pages.push({ url: `/articles/story-${i}/`, path, fingerprint: `fp-${i}` });
  }
  return pages;
}

describe('search shards', () => {
  it('indexes every shard with Pagefind and lists them', async () => {
    const shards = planShards(await writePages(24));
    expect(shards.size).toBeGreaterThan(4);
    await indexShards(site, stage, shards, new Set(shards.keys()), []);
    const written = (await readdir(join(site, 'pagefind'))).sort();
    expect(written).toEqual([...[...shards.keys()].sort(), 'shards.json'].sort());
    for (const name of shards.keys()) expect(await pageCount(name)).toBe(shards.get(name)!.pages.length);
    expect(JSON.parse(await readFile(join(site, 'pagefind', 'shards.json'), 'utf8'))).toEqual([...shards.keys()].sort().map((n) => `/pagefind/${n}/`));
    // The staging folders stay for the next build, without a single link in them.
    expect((await readdir(stage)).sort()).toEqual([...shards.keys()].sort());
    expect(await filesUnder(stage)).toEqual([]);
  });

  it('indexes exactly a shard’s pages again, whatever an earlier or killed build left in its staging folder', async () => {
    const pages = await writePages(6);
    await indexShards(site, stage, new Map([['s00', { pages, fingerprint: 'a' }]]), new Set(['s00']), []);
    expect(await pageCount('s00')).toBe(6);
    // A killed build's link to a page that is no longer in the shard.
    await mkdir(join(stage, 's00', 'articles', 'stray'), { recursive: true });
    await writeFile(join(stage, 's00', 'articles', 'stray', 'index.html'), '<!doctype html><html lang="en"><body><main data-pagefind-body><p>Stray page.</p></main></body></html>');
    await indexShards(site, stage, new Map([['s00', { pages: pages.slice(0, 2), fingerprint: 'b' }]]), new Set(['s00']), []);
    expect(await pageCount('s00')).toBe(2);
    expect(await filesUnder(stage)).toEqual([]);
  });

  it('rejects with the failing shard’s error when a page is missing, after the other shards finish', async () => {
    const pages = await writePages(4);
    const indexer = shardIndexer(site, stage);
    indexer.widen();
    indexer.add('s00', pages.slice(0, 2));
    indexer.add('s01', [...pages.slice(2), { url: '/articles/gone/', path: 'articles/gone/index.html', fingerprint: 'x' }]);
    await expect(indexer.done()).rejects.toThrow(/gone/);
    expect(await filesUnder(stage)).toEqual([]);
  });
});
