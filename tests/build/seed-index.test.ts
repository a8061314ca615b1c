/**
 * The seed index (src/build/seed-index.ts): a rebuild does not read seeds whose file status is
 * unchanged, yet never misses an edit, even one that keeps the size and the modification time.
 */
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { RACY_MS, SeedIndex } from '../../src/build/seed-index.ts';
import { hashTree, seedsFrom, tempDirsPerTest, treeDiff } from '../helpers/tree.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'site-seeds');
const SEEDS = ['2024-budget-vote.txt', '2024-budget-reaction.md', 'undated-column.txt'].map((f) => join(FIXTURES, f));
const HASH = 'c'.repeat(64);
/** A modification time (seconds) that `utimes` can set and put back exactly. */
const WHOLE_SECOND = 1_700_000_000;

const { temp, track } = tempDirsPerTest();

describe('SeedIndex', () => {
  it('gives a file’s content hash back only while its status is the one recorded', async () => {
    const dir = await temp('index');
    const file = join(dir, 'a.txt');
    await writeFile(file, 'Headline\n\nBody.\n');
    await utimes(file, WHOLE_SECOND, WHOLE_SECOND); // a time that can be put back exactly
    const later = Date.now() + 10 * RACY_MS; // the file is long settled by then
    const first = SeedIndex.open(join(dir, 'cache'), dir, later);
    expect(first.lookup(file, statSync(file, { bigint: true }))).toBeUndefined();
    first.record(file, statSync(file, { bigint: true }), HASH);
    first.save();

    const second = SeedIndex.open(join(dir, 'cache'), dir, later);
    expect(second.lookup(file, statSync(file, { bigint: true }))).toBe(HASH);
    // Same size, modification time set back: the change time still moves.
    const before = statSync(file, { bigint: true });
    await sleep(20);
    await writeFile(file, 'Headline\n\nBodY.\n');
    await utimes(file, WHOLE_SECOND, WHOLE_SECOND);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    expect(second.lookup(file, statSync(file, { bigint: true }))).toBeUndefined();
  });

  it('does not keep a file changed within RACY_MS of the build’s start', async () => {
    const dir = await temp('index');
    const file = join(dir, 'a.txt');
    await writeFile(file, 'Headline\n\nBody.\n');
    const index = SeedIndex.open(join(dir, 'cache'), dir, Date.now());
    index.record(file, statSync(file, { bigint: true }), HASH);
    index.save();
    expect(SeedIndex.open(join(dir, 'cache'), dir, Date.now() + 10 * RACY_MS).lookup(file, statSync(file, { bigint: true }))).toBeUndefined();
  });

  it('removes the temporary files of writers that are gone, and keeps those of live ones', async () => {
    const dir = await temp('index');
    const cache = join(dir, 'cache');
    const first = SeedIndex.open(cache, dir, Date.now());
    first.save(); // makes the index's folder
    const folder = join(cache, 'seeds');
    await mkdir(folder, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await writeFile(join(folder, `abc.tsv.${dead}.tmp`), 'cut short');
    await writeFile(join(folder, `abc.tsv.${process.pid}.tmp`), 'being written');
    SeedIndex.open(cache, dir, Date.now()).save();
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([`abc.tsv.${process.pid}.tmp`]);
  });

  it('forgets seeds that are gone, skips unreadable lines, and never records a path its lines cannot hold', async () => {
    const dir = await temp('index');
    const [a, b, tabbed] = [join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c\td.txt')];
    for (const file of [a, b, tabbed]) await writeFile(file, 'Headline\n\nBody.\n');
    const later = Date.now() + 10 * RACY_MS;
    const first = SeedIndex.open(join(dir, 'cache'), dir, later);
    for (const file of [a, b, tabbed]) first.record(file, statSync(file, { bigint: true }), HASH);
    first.save();
    const [name] = readdirSync(join(dir, 'cache', 'seeds'));
    const indexFile = join(dir, 'cache', 'seeds', name!);
    expect((await readFile(indexFile, 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);

    const second = SeedIndex.open(join(dir, 'cache'), dir, later);
    expect(second.lookup(a, statSync(a, { bigint: true }))).toBe(HASH);
    second.save(); // b was not seen by this build
    await writeFile(indexFile, `${await readFile(indexFile, 'utf8')}broken line\n${b}\tnot-a-status\tshort\n`);
    const third = SeedIndex.open(join(dir, 'cache'), dir, later);
    expect(third.lookup(a, statSync(a, { bigint: true }))).toBe(HASH);
    expect(third.lookup(b, statSync(b, { bigint: true }))).toBeUndefined();
  });
});

describe('rebuilds with the seed index', () => {
  it('read only changed seeds, and see an edit that keeps the size and modification time', async () => {
    const seeds = await seedsFrom(SEEDS);
    track(seeds);
    const work = await temp('work');
    const run = () => build({ seedsDir: seeds, outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), cwd: seeds, search: false });
    for (const seed of SEEDS) await utimes(join(seeds, seed.split('/').at(-1)!), WHOLE_SECOND, WHOLE_SECOND);
    await sleep(RACY_MS + 100); // the copies settle, so the index may trust them

    expect((await run()).read).toBe(SEEDS.length);
    const tree = await hashTree(join(work, 'dist'));
    const unchanged = await run();
    expect(unchanged.read).toBe(0);
    expect(unchanged.extracted).toBe(0);
    expect(treeDiff(tree, await hashTree(join(work, 'dist')))).toEqual([]);

    // An edit that keeps the byte count and puts the modification time back.
    const file = join(seeds, 'undated-column.txt');
    const text = await readFile(file, 'utf8');
    const edited = text.replace(/[a-z]{6,}/, (word) => word.toUpperCase());
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    const before = statSync(file, { bigint: true });
    await writeFile(file, edited);
    await utimes(file, WHOLE_SECOND, WHOLE_SECOND);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    const afterEdit = await run();
    expect(afterEdit.read).toBe(1);
    expect(afterEdit.extracted).toBe(1);

    // Just changed, so not trusted yet: read again, and again no other seed.
    expect((await run()).read).toBe(1);
    await sleep(RACY_MS + 100);
    expect((await run()).read).toBe(1); // now settled, and recorded
    expect((await run()).read).toBe(0);

    // The result is a cold build's.
    const cold = await temp('cold');
    await build({ seedsDir: seeds, outDir: join(cold, 'dist'), cacheDir: join(cold, 'cache'), cwd: seeds, search: false });
    expect(treeDiff(await hashTree(join(cold, 'dist')), await hashTree(join(work, 'dist')))).toEqual([]);
  }, 60_000);
});
