/**
 * The record cache: an unchanged seed is never extracted again, a pack cut short by a killed
 * build costs only a re-extraction, and the pack does not grow without bound.
 */
import { cp, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordCache } from '../../src/build/cache.ts';
import { build } from '../../src/build/index.ts';
import { hashTree, seedsFrom, tempDirsPerTest, treeDiff } from '../helpers/tree.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'site-seeds');
const key = (n: number) => n.toString(16).padStart(64, '0');
const PIPELINE = 'a'.repeat(64);

const { temp, track } = tempDirsPerTest();

describe('RecordCache', () => {
  it('gives back what was stored, after closing and opening again', async () => {
    const dir = await temp('cache');
    const first = RecordCache.open<{ n: number; text: string }>(dir, PIPELINE);
    expect(first.get(key(1))).toBeUndefined();
    first.put(key(1), JSON.stringify({ n: 1, text: 'line\nbreak and “quotes”\u2028' }));
    first.put(key(2), JSON.stringify({ n: 2, text: '' }));
    first.close();
    const second = RecordCache.open<{ n: number; text: string }>(dir, PIPELINE);
    expect(second.get(key(1))).toEqual({ n: 1, text: 'line\nbreak and “quotes”\u2028' });
    expect(second.get(key(2))).toEqual({ n: 2, text: '' });
    expect(second.get(key(3))).toBeUndefined();
    expect(RecordCache.open(dir, 'b'.repeat(64)).get(key(1))).toBeUndefined();
  });

  it('skips a line cut short by a killed build, and keeps the next one whole', async () => {
    const dir = await temp('cache');
    const cache = RecordCache.open(dir, PIPELINE);
    cache.put(key(1), JSON.stringify({ n: 1 }));
    cache.put(key(2), JSON.stringify({ n: 2, padding: 'x'.repeat(100) }));
    cache.close();
    const [pack] = await readdir(join(dir, 'records'));
    await truncate(join(dir, 'records', pack!), (await stat(join(dir, 'records', pack!))).size - 20);
    const reopened = RecordCache.open(dir, PIPELINE);
    expect(reopened.get(key(1))).toEqual({ n: 1 });
    expect(reopened.get(key(2))).toBeUndefined();
    reopened.put(key(2), JSON.stringify({ n: 2 }));
    reopened.close();
    const last = RecordCache.open(dir, PIPELINE);
    expect(last.get(key(1))).toEqual({ n: 1 });
    expect(last.get(key(2))).toEqual({ n: 2 });
  });

  it('writes records in batches as they come, so a cold build does not hold them all', async () => {
    const dir = await temp('cache');
    const cache = RecordCache.open<{ n: number; text: string }>(dir, PIPELINE);
    const text = 'x'.repeat(100_000);
    for (let n = 0; n < 100; n++) cache.put(key(n), JSON.stringify({ n, text }));
    const [pack] = await readdir(join(dir, 'records'));
    expect((await stat(join(dir, 'records', pack!))).size).toBeGreaterThan(8_000_000);
    cache.close();
    const reopened = RecordCache.open<{ n: number; text: string }>(dir, PIPELINE);
    for (let n = 0; n < 100; n++) expect(reopened.get(key(n))?.n).toBe(n);
    expect((await readFile(join(dir, 'records', pack!), 'utf8')).trimEnd().split('\n')).toHaveLength(100);
  });

  it('reads records longer than its read buffer, between short ones, and each at its own offset', async () => {
    const dir = await temp('cache');
    const cache = RecordCache.open<{ n: number; text: string }>(dir, PIPELINE);
    // The pack is scanned 1 MiB at a time: a 3 MB record spans several reads, and ends mid-buffer.
    const long = '“x” '.repeat(750_000);
    cache.put(key(1), JSON.stringify({ n: 1, text: 'short' }));
    cache.put(key(2), JSON.stringify({ n: 2, text: long }));
    cache.put(key(3), JSON.stringify({ n: 3, text: 'short again' }));
    cache.close();
    const reopened = RecordCache.open<{ n: number; text: string }>(dir, PIPELINE);
    expect(reopened.get(key(3))).toEqual({ n: 3, text: 'short again' });
    expect(reopened.get(key(2))?.text).toBe(long);
    expect(reopened.get(key(1))).toEqual({ n: 1, text: 'short' });
    expect(reopened.get(key(3))).toEqual({ n: 3, text: 'short again' });
  });

  it('rewrites the pack with the records in use once most of it is dead, and drops other versions', async () => {
    const dir = await temp('cache');
    const old = RecordCache.open(dir, 'b'.repeat(64));
    old.put(key(9), '{}');
    old.close();
    const cache = RecordCache.open(dir, PIPELINE);
    for (let n = 0; n < 200; n++) cache.put(key(n), JSON.stringify({ n }));
    cache.close();
    const next = RecordCache.open(dir, PIPELINE);
    for (let n = 0; n < 50; n++) expect(next.get(key(n))).toEqual({ n });
    next.close();
    const files = await readdir(join(dir, 'records'));
    expect(files).toHaveLength(1);
    const lines = (await readFile(join(dir, 'records', files[0]!), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(RecordCache.open(dir, PIPELINE).get(key(150))).toBeUndefined();
  });
});

describe('builds use the cache', () => {
  it('extract every seed cold, none when nothing changed, and only an edited one after an edit', async () => {
    const seeds = await seedsFrom(['2024-budget-vote.txt', '2024-budget-reaction.md', 'undated-column.txt'].map((f) => join(FIXTURES, f)));
    track(seeds);
    const work = await temp('cached-build');
    const options = { seedsDir: seeds, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), cwd: seeds, search: false };
    expect((await build(options)).extracted).toBe(3);
    expect((await build(options)).extracted).toBe(0);
    await writeFile(join(seeds, 'undated-column.txt'), `${await readFile(join(seeds, 'undated-column.txt'), 'utf8')}\nA new closing line.\n`);
    expect((await build(options)).extracted).toBe(1);
    await cp(join(FIXTURES, '2024-flood-warning.txt'), join(seeds, '2024-flood-warning.txt'));
    const report = await build(options);
    expect(report.extracted).toBe(1);
    expect(report.articles).toBe(4);
  });

  it('build the same site from a damaged pack as from none', async () => {
    const seeds = await seedsFrom(['2024-budget-vote.txt', '2024-flood-warning.txt'].map((f) => join(FIXTURES, f)));
    track(seeds);
    const work = await temp('damaged-cache');
    const options = { seedsDir: seeds, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), cwd: seeds, search: false };
    await build(options);
    const cold = await hashTree(options.outDir);
    const [pack] = await readdir(join(work, 'cache', 'records'));
    const file = join(work, 'cache', 'records', pack!);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.indexOf('\t') + 40)); // the first record cut short
    const report = await build(options);
    expect(report.extracted).toBe(2);
    expect(treeDiff(await hashTree(options.outDir), cold)).toEqual([]);
  });
});
