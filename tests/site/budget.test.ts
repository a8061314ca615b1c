/**
 * The page-weight budget, measured on built sites: an article page's HTML plus its CSS is at most
 * 14 KB gzipped (what fits in the first round trip), for the sample archive in `seeds/` and for
 * every article of the PolNeAR dev split. The corpus is read where it lives (`SHARED`), never
 * copied; without it that part is skipped. The largest page is printed, so the margin is visible.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { SHARED, tempDir } from '../helpers/tree.ts';

/** 14 KB: the budget for an article page's HTML and its CSS, each gzipped. */
const BUDGET = 14 * 1024;
const SAMPLE = join(import.meta.dirname, '..', '..', 'seeds');
const POLNEAR_DEV = join(SHARED, 'corpora', 'polnear', 'dev');

const work: string[] = [];
afterAll(async () => {
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

interface Weight {
  readonly path: string;
  /** gzip(html) + gzip(css), in bytes. */
  readonly bytes: number;
}

/** Build `seedsDir` (without the search index) and weigh every article page with the stylesheets it links. */
async function articleWeights(seedsDir: string): Promise<Weight[]> {
  const dir = await tempDir('budget');
  work.push(dir);
  const out = join(dir, 'dist');
  const report = await build({ seedsDir, outDir: out, cacheDir: join(dir, 'cache'), cwd: dir, search: false });
  expect(report.published).toBe(true);
  const gzipped = new Map<string, number>();
  const gz = async (path: string): Promise<number> => {
    const known = gzipped.get(path);
    if (known !== undefined) return known;
    const size = gzipSync(await readFile(join(out, path))).length;
    gzipped.set(path, size);
    return size;
  };
  const weights: Weight[] = [];
  for (const name of await readdir(join(out, 'articles'))) {
    const path = `articles/${name}/index.html`;
    const html = await readFile(join(out, path), 'utf8');
    const styles = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)">/g)].map((m) => m[1]!);
    expect(styles, path).toContain('assets/site.css');
    let bytes = await gz(path);
    for (const css of styles) bytes += await gz(css);
    weights.push({ path, bytes });
  }
  return weights.sort((a, b) => b.bytes - a.bytes);
}

function report(label: string, weights: readonly Weight[]): void {
  const largest = weights[0]!;
  console.info(`${label}: ${weights.length} article pages; the largest, ${largest.path}, is ${largest.bytes} bytes gzipped with its CSS (budget ${BUDGET}).`);
}

describe('the 14 KB budget for an article page and its CSS, gzipped', () => {
  it('holds for the sample archive', async () => {
    const weights = await articleWeights(SAMPLE);
    expect(weights.length).toBeGreaterThan(0);
    report('sample', weights);
    expect(weights.filter((w) => w.bytes > BUDGET)).toEqual([]);
  });

  it.skipIf(!existsSync(POLNEAR_DEV))('holds for every article of the PolNeAR dev split', async () => {
    const weights = await articleWeights(POLNEAR_DEV);
    expect(weights.length).toBeGreaterThanOrEqual(72);
    report('PolNeAR dev', weights);
    expect(weights.filter((w) => w.bytes > BUDGET)).toEqual([]);
  }, 300_000);
});
