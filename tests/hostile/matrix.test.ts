/**
 * Issue 6's matrix, end to end through the real build: each bad seed is built together with a
 * fixed set of good seeds. A rejected seed leaves the whole site exactly as the good seeds alone
 * make it; a seed published safely leaves every good article's page and API record unchanged.
 * The CLI run at the end checks exit status 1, `file:line:col` on stderr and the summary last.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { catalogue } from '../../src/messages.ts';
import { hashTree, tempDir, treeDiff } from '../helpers/tree.ts';
import { apiIndex, buildSite, changedGoodPages, goodSite, HOSTILE_FIXTURES, runCli, snapshot, type Run, type SeedFiles, type Site, writeGoodSeeds, writeSeeds } from './harness.ts';
import { elements, injections, parseHtml, readAll } from './html.ts';
import { textContent } from 'domutils';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A rejection the matrix expects: the seed, the message id, and where it points. */
interface Expected {
  readonly file: string;
  readonly id: keyof typeof catalogue;
  readonly line: number;
  readonly column?: number;
}

/** Bad seeds that must be rejected, by matrix item (also run through the CLI together at the end). */
const REJECTED: Readonly<Record<number, { files: SeedFiles; expected: readonly Expected[] }>> = {
  1: {
    files: { 'empty.txt': '', 'blank.txt': '  \n\t\n\n', 'only-matter.txt': '---\ndate: 2024-01-01\n---\n' },
    expected: [
      { file: 'empty.txt', id: 'read:empty', line: 1, column: 1 },
      { file: 'blank.txt', id: 'read:empty', line: 1, column: 1 },
      { file: 'only-matter.txt', id: 'parse:no-headline', line: 4 },
    ],
  },
  2: {
    files: {
      'nul.txt': 'A Headline\n\nBody with \0 a NUL byte.\n',
      'png.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    },
    expected: [
      { file: 'nul.txt', id: 'read:binary', line: 3, column: 11 },
      { file: 'png.txt', id: 'read:binary', line: 1, column: 1 },
    ],
  },
  3: {
    files: { 'latin1.txt': new Uint8Array([...utf8('A Headline\n\nCaf'), 0xe9, ...utf8(' au lait.\n')]) },
    expected: [{ file: 'latin1.txt', id: 'read:encoding', line: 3, column: 4 }],
  },
  5: {
    files: { 'huge.txt': `A Huge Headline\n\n${'Words and more words. '.repeat(50_000)}\n` },
    expected: [{ file: 'huge.txt', id: 'read:too-large', line: 1, column: 1 }],
  },
  6: {
    files: {
      'deep-quotes.md': `# Deep Quotes\n\n${'> '.repeat(1500)}text\n`,
      'deep-emphasis.md': `# Deep Emphasis\n\n${'*a '.repeat(1000)}x${' a*'.repeat(1000)}\n`,
      'deep-list.md': `# Deep List\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`,
    },
    expected: [
      { file: 'deep-quotes.md', id: 'parse:markdown-too-deep', line: 3 },
      { file: 'deep-emphasis.md', id: 'parse:markdown-too-deep', line: 3 },
      { file: 'deep-list.md', id: 'parse:markdown-too-deep', line: 1002 },
    ],
  },
  8: {
    files: {
      'unclosed.txt': '---\ndate: 2024-01-01\nA Headline\n\nBody.\n',
      'a-list.txt': '---\n- a\n- b\n---\nA Headline\n\nBody.\n',
      'bad-yaml.txt': '---\ndate: 2024-01-01\nsource: "The Times\n---\nA Headline\n\nBody.\n',
    },
    expected: [
      { file: 'unclosed.txt', id: 'matter:unclosed', line: 1, column: 1 },
      { file: 'a-list.txt', id: 'matter:not-mapping', line: 2, column: 1 },
      { file: 'bad-yaml.txt', id: 'matter:yaml', line: 3, column: 19 },
    ],
  },
  9: {
    files: {
      'list-headline.txt': '---\ndate: 2024-01-01\nheadline: [a, b]\n---\nA Headline\n\nBody.\n',
      'soon.txt': '---\nsource: The Times\ndate: soon\n---\nA Headline\n\nBody.\n',
    },
    expected: [
      { file: 'list-headline.txt', id: 'matter:field-type', line: 3, column: 1 },
      { file: 'soon.txt', id: 'matter:date', line: 3, column: 1 },
    ],
  },
};

const JS_MARKER = 'js-front-matter-ran';
/** Front matter in JavaScript that writes a file next to the seeds if it ever runs. */
function jsSeeds(dir: string): SeedFiles {
  const write = (tag: string) => `require('fs').writeFileSync(${JSON.stringify(join(dir, `${JS_MARKER}-${tag}`))}, 'pwned'); ({ headline: 'Ran' })`;
  return {
    'js-lower.txt': `---js\n${write('js')}\n---\nA Headline\n\nBody.\n`,
    'js-upper.txt': `---JS\n${write('JS')}\n---\nA Headline\n\nBody.\n`,
    'js-long.txt': `---javascript\n${write('javascript')}\n---\nA Headline\n\nBody.\n`,
    'js-spaced.md': `--- javascript \n${write('spaced')}\n---\n# A Headline\n\nBody.\n`,
  };
}

const BOMB = [
  '---',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  '---',
  'A Headline',
  '',
  'Body.',
  '',
].join('\n');

const REJECTED_10: SeedFiles = {
  'alias-bomb.txt': BOMB,
  'deep-flow.txt': `---\ndate: 2024-01-01\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nA Headline\n\nBody.\n`,
  'deep-map.txt': `---\ndate: 2024-01-01\nx: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n---\nA Headline\n\nBody.\n`,
};

const BAD_SLUGS = ['../../x', '/tmp/verbatim-absolute', '%2e%2e', '..', 'a/../../b', 'index', 'api', 'feed', '404', 'CON', 'nul'];
const slugSeeds = (): SeedFiles =>
  Object.fromEntries(BAD_SLUGS.map((slug, i) => [`bad-slug-${i}.txt`, `---\nslug: ${JSON.stringify(slug)}\n---\nA Headline ${i}\n\nBody.\n`]));

/** Messages of the report about one seed file (relative to the seeds folder). */
function messagesOf(site: Site, file: string) {
  return site.report.messages.filter((m) => m.file === `seeds/${file}`);
}

/** Every expected seed is rejected with the message at its place, and the site is exactly the good seeds' site. */
async function expectRejected(site: Site, expected: readonly Expected[]): Promise<void> {
  expect(site.report.published).toBe(true);
  expect(site.report.rejected.map((r) => r.path).sort()).toEqual(expected.map((e) => `seeds/${e.file}`).sort());
  for (const e of expected) {
    const errors = messagesOf(site, e.file).filter((m) => m.severity === 'error');
    expect(errors.map((m) => m.id), e.file).toEqual([e.id]);
    expect(errors[0]!.line, `${e.file} line`).toBe(e.line);
    if (e.column !== undefined) expect(errors[0]!.column, `${e.file} column`).toBe(e.column);
  }
  expect(treeDiff(site.tree, (await goodSite()).tree)).toEqual([]);
}

const sites: Site[] = [];
async function site(extra: SeedFiles, options?: { search?: boolean }): Promise<Site> {
  const made = await buildSite(extra, options);
  sites.push(made);
  return made;
}

beforeAll(async () => {
  const good = await goodSite();
  expect(good.report.rejected).toEqual([]);
  expect(good.report.articles).toBe(5);
});
afterAll(async () => {
  for (const s of [...sites, await goodSite()]) await s.remove();
});

describe('issue 6 matrix, end to end', () => {
  it('1. rejects an empty seed, a whitespace-only seed and front matter with no headline, naming each file', async () => {
    await expectRejected(await site(REJECTED[1]!.files), REJECTED[1]!.expected);
  });

  it('2. rejects seeds with NUL bytes or binary content as binary', async () => {
    const s = await site(REJECTED[2]!.files);
    await expectRejected(s, REJECTED[2]!.expected);
    expect(messagesOf(s, 'png.txt')[0]!.reason).toContain('PNG');
  });

  it('3. rejects invalid UTF-8 with its line and column and never publishes U+FFFD', async () => {
    const s = await site(REJECTED[3]!.files);
    await expectRejected(s, REJECTED[3]!.expected);
    expect(messagesOf(s, 'latin1.txt')[0]!.reason).toContain('0xE9');
    const all = [...(await readAll(s.out)).values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).not.toContain('\uFFFD');
  });

  it('4. publishes a seed with a UTF-8 BOM, CRLF or lone-CR line endings exactly as the clean file', async () => {
    const clean = '---\ndate: 2024-05-01\nsource: Line Endings Gazette\n---\nLine Endings Do Not Matter\n\n“Bytes are bytes,” said Ana Ruiz.\n\nShe left.\n';
    const variants: Record<string, string> = { bom: `\uFEFF${clean}`, crlf: clean.replace(/\n/g, '\r\n'), cr: clean.replace(/\n/g, '\r'), 'bom+crlf': `\uFEFF${clean.replace(/\n/g, '\r\n')}` };
    const reference = await site({ 'endings.txt': clean });
    expect(reference.report.rejected).toEqual([]);
    expect(reference.report.articles).toBe(6);
    expect(await changedGoodPages(reference)).toEqual([]);
    for (const [name, text] of Object.entries(variants)) {
      const variant = await site({ 'endings.txt': text });
      expect(variant.report.messages, name).toEqual(reference.report.messages);
      expect(treeDiff(variant.tree, reference.tree), name).toEqual([]);
    }
  });

  it('5. rejects a seed over the 1 MiB cap before it is parsed', async () => {
    const s = await site(REJECTED[5]!.files);
    await expectRejected(s, REJECTED[5]!.expected);
    expect(messagesOf(s, 'huge.txt')[0]!.reason).toContain('1048576-byte cap');
  });

  it('6. rejects pathological Markdown nesting within a time bound, without a crash', async () => {
    const started = performance.now();
    const s = await site(REJECTED[6]!.files);
    expect(performance.now() - started).toBeLessThan(20_000);
    await expectRejected(s, REJECTED[6]!.expected);
  });

  it('7. refuses ---js, ---JS and ---javascript front matter without ever running it', async () => {
    const dir = await tempDir('js-matter');
    try {
      const files = jsSeeds(dir);
      const s = await site(files);
      await expectRejected(
        s,
        Object.keys(files).map((file) => ({ file, id: 'matter:language', line: 1, column: 4 }) as const),
      );
      expect(await readdir(dir)).toEqual([]);
      expect((await readdir(s.dir)).filter((name) => name.includes(JS_MARKER))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('8. rejects unclosed, non-mapping and invalid-YAML front matter at the real file line, the same way twice', async () => {
    const first = await site(REJECTED[8]!.files);
    await expectRejected(first, REJECTED[8]!.expected);
    const second = await site(REJECTED[8]!.files);
    expect(second.report.messages).toEqual(first.report.messages);
  });

  it('9. rejects front-matter fields of the wrong type, naming the field and its line', async () => {
    const s = await site(REJECTED[9]!.files);
    await expectRejected(s, REJECTED[9]!.expected);
    expect(messagesOf(s, 'list-headline.txt')[0]!.reason).toContain('`headline`');
    expect(messagesOf(s, 'soon.txt')[0]!.reason).toContain('`soon`');
  });

  it('10. rejects YAML alias bombs and 5,000-deep nesting, and __proto__ or constructor keys pollute nothing', async () => {
    const proto = '---\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nprototype: {polluted: yes}\n---\nPrototype Keys Are Only Data\n\nBody.\n';
    const started = performance.now();
    const s = await site({ ...REJECTED_10, 'proto.txt': proto });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(s.report.rejected.map((r) => r.path).sort()).toEqual(Object.keys(REJECTED_10).map((f) => `seeds/${f}`).sort());
    for (const file of Object.keys(REJECTED_10)) {
      expect(messagesOf(s, file).map((m) => m.id), file).toEqual(['matter:yaml']);
    }
    expect(messagesOf(s, 'deep-flow.txt')[0]!.line).toBe(3);
    expect(messagesOf(s, 'proto.txt').filter((m) => m.severity !== 'info').map((m) => [m.id, m.line])).toEqual([
      ['matter:unknown-field', 2],
      ['matter:unknown-field', 3],
      ['matter:unknown-field', 4],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect((await apiIndex(s)).articles.map((a) => a.headline)).toContain('Prototype Keys Are Only Data');
    expect(await changedGoodPages(s)).toEqual([]);
  });

  it('11. rejects unsafe and reserved front-matter slugs, gives reserved headlines other slugs, and writes nothing outside the output', async () => {
    const headlines: SeedFiles = Object.fromEntries(
      ['Index', 'API', 'Feed', '404', 'CON', 'nul', '../../x', '%2e%2e'].map((h, i) => [`reserved-headline-${i}.txt`, `${h}\n\nBody ${i}.\n`]),
    );
    const parent = await tempDir('slug-parent');
    const dir = join(parent, 'site');
    try {
      await writeGoodSeeds(join(dir, 'seeds'));
      await writeSeeds(join(dir, 'seeds'), { ...slugSeeds(), ...headlines });
      const before = await snapshot(parent);
      const report = await build({ seedsDir: join(dir, 'seeds'), outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), cwd: dir, search: false });
      const after = await snapshot(parent);
      const outside = treeDiff(before, after).filter((line) => !/^only in second: site\/(dist|\.dist\.verbatim|cache)(\/|$)/.test(line));
      expect(outside).toEqual([]);
      expect(existsSync('/tmp/verbatim-absolute')).toBe(false);

      expect(report.rejected.map((r) => r.path).sort()).toEqual(BAD_SLUGS.map((_, i) => `seeds/bad-slug-${i}.txt`).sort());
      for (const r of report.rejected) expect(r.messages.map((m) => [m.id, m.line, m.column])).toEqual([['matter:slug', 2, 1]]);

      const s = { tree: await hashTree(join(dir, 'dist')) } as Site;
      expect(await changedGoodPages(s)).toEqual([]);
      const index = JSON.parse(await readFile(join(dir, 'dist', 'api', 'index.json'), 'utf8')) as Awaited<ReturnType<typeof apiIndex>>;
      const reserved = new Set(['index', 'api', 'feed', '404', 'con', 'nul']);
      const given = index.articles.filter((a) => a.id.startsWith('reserved-headline-'));
      expect(given).toHaveLength(8);
      for (const a of given) {
        expect(a.slug).toMatch(/^[\p{Ll}\p{Nd}-]+$/u);
        expect(reserved.has(a.slug), a.slug).toBe(false);
        expect(s.tree.has(`articles/${a.slug}/index.html`)).toBe(true);
      }
      for (const path of s.tree.keys()) expect(path.split('/')).not.toContain('..');
      // The site's own files are still the site's.
      expect(JSON.parse(await readFile(join(dir, 'dist', 'feed.json'), 'utf8'))).toHaveProperty('items');
      expect(await readFile(join(dir, 'dist', '404.html'), 'utf8')).toContain('<html');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('12. gives colliding, CJK-only and emoji-only headlines deterministic unique slugs, and publishes byte-identical duplicates with a warning', async () => {
    const files: SeedFiles = {
      'hello-a.txt': 'Hello World\n\nFirst.\n',
      'hello-b.txt': 'hello world!\n\nSecond.\n',
      'cafe-nfc.txt': 'Caf\u00e9 Society\n\nComposed.\n',
      'cafe-nfd.txt': 'Cafe\u0301 Society\n\nDecomposed.\n',
      'tokyo.txt': '東京で会議\n\n本文です。\n',
      'emoji-a.txt': '😀🎉\n\nParty.\n',
      'emoji-b.txt': '🎉🎉🎉\n\nMore party.\n',
      'twin-1.txt': 'Twin Seeds Are Both Kept\n\nSame bytes.\n',
      'twin-2.txt': 'Twin Seeds Are Both Kept\n\nSame bytes.\n',
    };
    const s = await site(files);
    const again = await site(files);
    expect(treeDiff(again.tree, s.tree)).toEqual([]);
    expect(s.report.rejected).toEqual([]);
    const slugOf = new Map((await apiIndex(s)).articles.map((a) => [a.id, a.slug]));
    const ids = Object.keys(files).map((f) => f.replace('.txt', ''));
    const slugs = ids.map((id) => slugOf.get(id));
    expect(slugs.every((slug) => typeof slug === 'string' && slug !== '')).toBe(true);
    expect(new Set(slugs).size).toBe(ids.length);
    expect(slugOf.get('hello-a')).toBe('hello-world');
    expect(slugOf.get('hello-b')).toMatch(/^hello-world-[0-9a-f]{6}$/);
    expect([slugOf.get('cafe-nfc'), slugOf.get('cafe-nfd')]).toContain('café-society');
    expect(slugOf.get('tokyo')).toBe('東京で会議');
    expect(slugOf.get('emoji-a')).toMatch(/^article-[0-9a-f]{6}$/);
    expect(slugOf.get('emoji-b')).toMatch(/^article-[0-9a-f]{6}$/);
    const collisions = s.report.messages.filter((m) => m.id === 'archive:slug-collision');
    expect(collisions.map((m) => m.file).sort()).toEqual(['seeds/cafe-nfd.txt', 'seeds/hello-b.txt', 'seeds/twin-2.txt']);
    for (const m of collisions) expect(m.reason).toMatch(/seeds\/.+ and seeds\/.+ both want the slug/);
    const duplicates = s.report.messages.filter((m) => m.id === 'archive:duplicate');
    expect(duplicates.map((m) => [m.file, m.severity])).toEqual([['seeds/twin-2.txt', 'warning']]);
    expect(duplicates[0]!.reason).toContain('seeds/twin-1.txt');
    expect(await changedGoodPages(s)).toEqual([]);
  });

  it('13. shows hostile text in every field as literal text on every page, in titles, meta tags, JSON-LD, feeds and the sitemap', async () => {
    const dir = join(HOSTILE_FIXTURES, 'hostile-text');
    const seed = await readFile(join(dir, 'zz-hostile.txt'), 'utf8');
    const s = await site({ 'zz-hostile.txt': seed, 'speakers.yml': await readFile(join(dir, 'speakers.yml'), 'utf8') });
    expect(s.report.rejected).toEqual([]);
    expect(await changedGoodPages(s)).toEqual([]);
    const record = (await apiIndex(s)).articles.find((a) => a.id === 'zz-hostile')!;
    const headline = record.headline;
    expect(headline).toContain('<script>window.__pwned=1</script>');
    expect(headline).toContain('\u2028');
    expect(headline).toContain('\u202E');

    const files = await readAll(s.out);
    const pages = [...files].filter(([path, bytes]) => path.endsWith('.html') && bytes.toString('utf8').includes('pwned'));
    expect(pages.map(([p]) => p)).toContain(`articles/${record.slug}/index.html`);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const [path, bytes] of pages) {
      const doc = parseHtml(bytes.toString('utf8'));
      expect(injections(doc), path).toEqual([]);
      // Wherever the article is shown, its whole headline is there as text: nothing was run
      // ({{7*7}} did not become 49), dropped or turned into markup.
      if (bytes.toString('utf8').includes('Hostile')) expect(textContent(doc), path).toContain(headline);
      for (const script of elements(doc, 'script')) {
        const raw = textContent(script);
        expect(raw, path).not.toMatch(/<\/script|<!--/i);
        if (script.attribs['type'] === 'application/ld+json') JSON.parse(raw);
      }
    }
    const article = parseHtml(files.get(`articles/${record.slug}/index.html`)!.toString('utf8'));
    expect(textContent(elements(article, 'title')[0]!)).toContain(headline);
    const metas = elements(article, 'meta').map((m) => m.attribs['content'] ?? '');
    expect(metas.some((c) => c.includes(headline))).toBe(true);
    const ld = elements(article, 'script').filter((e) => e.attribs['type'] === 'application/ld+json').map((e) => JSON.stringify(JSON.parse(textContent(e))));
    expect(ld.join('\n')).toContain(JSON.stringify(headline).slice(1, -1));
    const body = textContent(elements(article, 'main')[0] ?? article);
    for (const literal of ['<script>window.__pwned=1</script>', "'><img src=x onerror=window.__pwned=1>", '</title>', '{{7*7}}', "{% include 'x' %}", 'line\u2028sep', 'right\u202Eleft']) {
      expect(body, literal).toContain(literal);
    }
    // Speaker page: the hostile canonical name from speakers.yml, as text.
    const speakerPage = pages.find(([p]) => p.startsWith('speakers/mallory'));
    expect(speakerPage).toBeDefined();
    expect(textContent(parseHtml(speakerPage![1].toString('utf8')))).toContain('Mallory <script>window.__pwned=1</script>');

    const { SaxesParser } = await import('saxes');
    const xmlText = (xml: string): string => {
      let all = '';
      const parser = new SaxesParser({ xmlns: true });
      parser.on('text', (t) => (all += t));
      parser.on('error', (e) => {
        throw e;
      });
      parser.write(xml).close();
      return all;
    };
    const atom = xmlText(files.get('feed.xml')!.toString('utf8'));
    expect(atom).toContain(headline);
    const feedJson = JSON.parse(files.get('feed.json')!.toString('utf8')) as { items: { title?: string; url?: string }[] };
    const item = feedJson.items.find((i) => i.title === headline);
    expect(item).toBeDefined();
    expect(item!.url).toMatch(/^https?:\/\//);
    const sitemap = files.get('sitemap.xml')!.toString('utf8');
    const locs = xmlText(sitemap).split(/\s+/).filter((l) => l.startsWith('http'));
    expect(locs.length).toBeGreaterThan(0);
    for (const loc of locs) {
      expect(loc).toMatch(/^http:\/\/localhost:8080\//);
      expect(() => new URL(loc)).not.toThrow();
      expect(loc).not.toMatch(/[<>"\s]|javascript:/i);
    }
  });

  it('14. strips raw HTML and dangerous links from Markdown bodies', async () => {
    const md = await readFile(join(HOSTILE_FIXTURES, 'markdown', 'zz-raw-html.md'), 'utf8');
    const s = await site({ 'zz-raw-html.md': md });
    expect(s.report.rejected).toEqual([]);
    expect(await changedGoodPages(s)).toEqual([]);
    const record = (await apiIndex(s)).articles.find((a) => a.id === 'zz-raw-html')!;
    const doc = parseHtml(await s.read(`articles/${record.slug}/index.html`));
    expect(injections(doc)).toEqual([]);
    const main = elements(doc, 'main')[0] ?? doc;
    const links = elements(main, 'a').map((a) => a.attribs['href']).filter((h): h is string => h !== undefined);
    expect(links.some((h) => /^(javascript|vbscript|data):/i.test(h.trim()))).toBe(false);
    expect(links).toContain('https://example.org/');
    expect(elements(main, 'div').some((d) => d.attribs['style'] !== undefined)).toBe(false);
    expect(textContent(main)).toContain('safe link');
    const json = await s.read(`api/articles/${record.slug}.json`);
    expect(json).not.toMatch(/<script|onerror=|<iframe|javascript:window/i);
  });

  it('15. removes a seed removed or renamed between builds from every page, index, feed, sitemap and search shard', async () => {
    const dir = await tempDir('gone');
    try {
      const seeds = join(dir, 'seeds');
      await writeGoodSeeds(seeds);
      const marker = 'Quetzalcoatlus';
      await writeFile(join(seeds, 'zz-ephemeral.txt'), `---\ndate: 2024-03-20\ntags: [pterosaurs]\nsource: Fossil Weekly\n---\n${marker} Flies Again\n\n“The ${marker} was enormous,” said Dr. Ima Fossil.\n`);
      const options = { seedsDir: seeds, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), cwd: dir };
      const mentions = async (needle: string) => [...(await readAll(join(dir, 'dist')))].filter(([, b]) => b.includes(needle)).map(([p]) => p);

      await build(options);
      const first = await mentions(marker);
      expect(first.some((p) => p.startsWith('pagefind/') && !p.endsWith('.json'))).toBe(true);
      expect(first).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'feed.json', 'api/index.json']));
      expect(await mentions('/articles/quetzalcoatlus-flies-again/')).toContain('sitemap.xml');

      await rename(join(seeds, 'zz-ephemeral.txt'), join(seeds, 'zz-renamed.txt'));
      await build(options);
      expect(await mentions('zz-ephemeral')).toEqual([]);
      expect((await mentions('zz-renamed')).length).toBeGreaterThan(0);

      await rm(join(seeds, 'zz-renamed.txt'));
      await build(options);
      expect(await mentions(marker)).toEqual([]);
      expect(await mentions('pterosaurs')).toEqual([]);
      expect(await mentions('Fossil Weekly')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('16. dates a seed by the calendar date as written, lists undated seeds last, and never orders by file times', async () => {
    const files: SeedFiles = {
      'zone-less.txt': '---\ndate: 2024-03-01T23:30:00\n---\nA Date Without a Timezone\n\nBody.\n',
      'zoned.txt': '---\ndate: 2024-03-01T23:30:00-05:00\n---\nA Date West of Greenwich\n\nBody.\n',
      'east.txt': '---\ndate: 2024-03-02T00:30:00+09:00\n---\nA Date East of Greenwich\n\nBody.\n',
      'no-date.txt': 'No Date At All\n\nBody.\n',
    };
    const s = await site(files);
    const byId = new Map((await apiIndex(s)).articles.map((a, i) => [a.id, { ...a, position: i }]));
    const dated = (id: string) => (byId.get(id) as unknown as { date: string | null }).date;
    expect(dated('zone-less')).toBe('2024-03-01');
    expect(dated('zoned')).toBe('2024-03-01');
    expect(dated('east')).toBe('2024-03-02');
    expect(dated('no-date')).toBeNull();
    const order = (await apiIndex(s)).articles.map((a) => a.id);
    const firstUndated = order.findIndex((id) => dated(id) === null);
    expect(order.slice(firstUndated).every((id) => dated(id) === null)).toBe(true);
    expect(order.slice(firstUndated)).toEqual([...order.slice(firstUndated)].sort());
    expect(s.report.messages.filter((m) => m.id === 'archive:undated').map((m) => m.file)).toContain('seeds/no-date.txt');
    expect(await s.read('dates/undated/index.html')).toContain('No Date At All');

    // Same seeds, opposite file times, another timezone: the same bytes.
    const flipped = await tempDir('dates');
    const tz = process.env['TZ'];
    try {
      await cp(s.seeds, join(flipped, 'seeds'), { recursive: true });
      const names = (await readdir(join(flipped, 'seeds'))).sort();
      for (const [i, name] of names.entries()) await utimes(join(flipped, 'seeds', name), 1_000_000 + (names.length - i) * 86_400, 2_000_000_000 - i * 86_400);
      process.env['TZ'] = 'Pacific/Kiritimati';
      await build({ seedsDir: join(flipped, 'seeds'), outDir: join(flipped, 'dist'), cacheDir: join(flipped, 'cache'), cwd: flipped, search: false });
      expect(treeDiff(await hashTree(join(flipped, 'dist')), s.tree)).toEqual([]);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
      await rm(flipped, { recursive: true, force: true });
    }
  });
});

describe('the CLI on the rejected seeds of the matrix', () => {
  let run: Run;
  let dir: string;
  const expected: Expected[] = [...Object.values(REJECTED).flatMap((c) => c.expected), ...Object.keys(REJECTED_10).map((file) => ({ file, id: 'matter:yaml', line: 0 }) as Expected)];

  beforeAll(async () => {
    dir = await tempDir('matrix-cli');
    await writeGoodSeeds(join(dir, 'seeds'));
    const js = jsSeeds(dir);
    expected.push(...Object.keys(js).map((file) => ({ file, id: 'matter:language', line: 1, column: 4 }) as const));
    expected.push(...BAD_SLUGS.map((_, i) => ({ file: `bad-slug-${i}.txt`, id: 'matter:slug', line: 2, column: 1 }) as const));
    for (const c of Object.values(REJECTED)) await writeSeeds(join(dir, 'seeds'), c.files);
    await writeSeeds(join(dir, 'seeds'), { ...REJECTED_10, ...js, ...slugSeeds() });
    run = await runCli(['build', '--seeds', 'seeds', '--out', 'dist', '--cache', 'cache'], { cwd: dir, env: { ...process.env, CI: '1' } });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 and still publishes every good seed', async () => {
    expect(run.code, run.stderr).toBe(1);
    const index = JSON.parse(await readFile(join(dir, 'dist', 'api', 'index.json'), 'utf8')) as { articles: unknown[] };
    expect(index.articles).toHaveLength(5);
  });

  it('prints every rejection as file:line:col with its message id on stderr', () => {
    const lines = run.stderr.split('\n');
    for (const e of expected) {
      const position = e.line === 0 ? '\\d+:\\d+' : `${e.line}:${e.column ?? '\\d+'}`;
      const pattern = new RegExp(`^seeds/${e.file.replace(/[.+]/g, '\\$&')}:${position}: error: .+\\[${e.id}\\]$`);
      expect(lines.some((line) => pattern.test(line)), `${e.file} ${e.id}`).toBe(true);
    }
  });

  it('ends with the summary line, counting every rejected seed', () => {
    const out = run.stdout.trimEnd().split('\n');
    expect(out.at(-1)).toMatch(new RegExp(`^verbatim: built dist: 5 articles, .*, ${expected.length} rejected seeds; [\\d.]+ s$`));
  });
});
