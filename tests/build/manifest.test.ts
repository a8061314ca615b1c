/**
 * The manifest file (src/build/incremental.ts): what the next build compares against. It must
 * read back exactly as written, and anything else (an older format, a cut-off file) reads as
 * no manifest at all, which costs a full render and never a wrong one.
 */
import { describe, expect, it } from 'vitest';
import { parseDelta, parseManifest, serializeDelta, serializeManifest, type Delta, type Manifest } from '../../src/build/incremental.ts';

const MANIFEST: Manifest = {
  version: 2,
  generation: '/site/.dist.verbatim/g-1',
  renderer: 'r'.repeat(64),
  code: 'c'.repeat(64),
  shards: { s00: 'a'.repeat(64), s07: 'b'.repeat(64) },
  outputs: new Map([
    ['index.html', '1'.repeat(64)],
    ['speakers/index/д/index.html', '2'.repeat(64)],
    ['feed.xml', '3'.repeat(64)],
  ]),
  keys: new Map([['speakers/index/д/index.html', 'k_-9'.repeat(10)]]),
};

describe('the manifest file', () => {
  it('reads back as written, keys and all', () => {
    const text = serializeManifest(MANIFEST);
    expect(parseManifest(text)).toEqual(MANIFEST);
    expect(text.split('\n')).toContain(`feed.xml\t${'3'.repeat(64)}\t`);
  });

  it('reads as no manifest when it is of the older JSON format, cut off, or not a manifest', () => {
    const text = serializeManifest(MANIFEST);
    const json = JSON.stringify({ ...MANIFEST, version: 1, outputs: Object.fromEntries(MANIFEST.outputs), keys: Object.fromEntries(MANIFEST.keys) });
    expect(parseManifest(json)).toBeNull();
    expect(parseManifest(`${json}\n`)).toBeNull();
    expect(parseManifest(text.slice(0, -10))).toBeNull();
    // Cut at a line end (a power loss before the last lines reached the disk): the count gives it away.
    expect(parseManifest(`${text.split('\n').slice(0, -2).join('\n')}\n`)).toBeNull();
    expect(parseManifest(`${text.split('\n')[0]}\nindex.html\n`)).toBeNull();
    expect(parseManifest('')).toBeNull();
    expect(parseManifest('null\n')).toBeNull();
  });

  it('refuses to write an output path its lines cannot hold', () => {
    const bad: Manifest = { ...MANIFEST, outputs: new Map([['a\tb.html', '1'.repeat(64)]]) };
    expect(() => serializeManifest(bad)).toThrow(/tab or line break/);
  });
});

describe('the delta file', () => {
  const DELTA: Delta = {
    version: 1,
    from: '/site/.dist.verbatim/g-1',
    to: '/site/.dist.verbatim/g-2',
    renderer: 'r'.repeat(64),
    changed: ['index.html', 'speakers/index/д/index.html'],
    removed: ['articles/gone/index.html'],
    shards: ['s07'],
  };

  it('reads back as written', () => {
    expect(parseDelta(serializeDelta(DELTA))).toEqual(DELTA);
  });

  it('reads as no delta when it is cut off, of another version, or missing a list', () => {
    const text = serializeDelta(DELTA);
    expect(parseDelta(text.slice(0, -12))).toBeNull();
    expect(parseDelta(JSON.stringify({ ...DELTA, version: 2 }))).toBeNull();
    const { removed: _removed, ...partial } = DELTA;
    expect(parseDelta(JSON.stringify(partial))).toBeNull();
    expect(parseDelta(JSON.stringify({ ...DELTA, changed: [1] }))).toBeNull();
    expect(parseDelta('null')).toBeNull();
    expect(parseDelta('')).toBeNull();
  });
});
