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

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

/** Write `n` small article pages with a Pagefind body and return them as search pages. */
async function writePages(n: number): Promise<SearchPage[]> {
  site = await tempDir('search');
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
    await indexShards(site, shards, new Set(shards.keys()), []);
    const written = (await readdir(join(site, 'pagefind'))).filter((n) => !n.startsWith('.')).sort();
    expect(written).toEqual([...[...shards.keys()].sort(), 'shards.json'].sort());
    for (const name of shards.keys()) {
      const entry = JSON.parse(await readFile(join(site, 'pagefind', name, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages)[0]!.page_count).toBe(shards.get(name)!.pages.length);
    }
    expect(JSON.parse(await readFile(join(site, 'pagefind', 'shards.json'), 'utf8'))).toEqual([...shards.keys()].sort().map((n) => `/pagefind/${n}/`));
  });

  it('rejects with the failing shard’s error when a page is missing, after the other shards finish', async () => {
    const pages = await writePages(4);
    const indexer = shardIndexer(site);
    indexer.widen();
    indexer.add('s00', pages.slice(0, 2));
    indexer.add('s01', [...pages.slice(2), { url: '/articles/gone/', path: 'articles/gone/index.html', fingerprint: 'x' }]);
    await expect(indexer.done()).rejects.toThrow(/gone/);
    expect((await readdir(join(site, 'pagefind'))).filter((n) => n.startsWith('.pages-'))).toEqual([]);
  });
});
