/**
 * Issue 2's integration test: a small real archive (the sample seed plus a few PolNeAR and BBC
 * seeds read from ../shared at test time) builds into a site where every article and speaker
 * has its page and every internal link resolves to a file.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../../src/build/index.ts';
import { outputPathOf } from '../../src/build/incremental.ts';
import { SHARED, seedsFrom, tempDir } from '../helpers/tree.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'seeds', '000_4214a0f614e41956.txt');
const POLNEAR = join(SHARED, 'corpora', 'polnear', 'dev');
const BBC = join(SHARED, 'corpora', 'bbc');
const haveCorpora = existsSync(POLNEAR) && existsSync(BBC);

let seeds: string;
let work: string;
let report: BuildReport;
const site = () => join(work, 'dist');

interface Index {
  articles: { id: string; slug: string; url: string; headline: string; date: string | null }[];
  speakers: { id: string; slug: string; url: string; name: string; type: string; quoteCount: number }[];
}

beforeAll(async () => {
  const files = [SAMPLE];
  if (haveCorpora) {
    files.push(...(await readdir(POLNEAR)).sort().slice(0, 6).map((f) => join(POLNEAR, f)));
    files.push(...(await readdir(BBC)).sort().slice(0, 4).map((f) => join(BBC, f)));
  }
  seeds = await seedsFrom(files);
  work = await tempDir('integration');
  report = await build({ seedsDir: seeds, outDir: site(), cacheDir: join(work, 'cache'), cwd: seeds, baseUrl: 'https://news.example.org' });
}, 180_000);

afterAll(async () => {
  await rm(seeds, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('building a small real archive', () => {
  it('publishes every seed', () => {
    expect(report.published).toBe(true);
    expect(report.rejected).toEqual([]);
    expect(report.articles).toBe(haveCorpora ? 11 : 1);
  });

  it('writes a page and a JSON record for every article and every speaker in the index', async () => {
    const index = JSON.parse(await readFile(join(site(), 'api', 'index.json'), 'utf8')) as Index;
    expect(index.articles).toHaveLength(report.articles);
    expect(index.speakers).toHaveLength(report.speakers);
    for (const article of index.articles) {
      expect(existsSync(join(site(), outputPathOf(article.url))), article.url).toBe(true);
      expect(existsSync(join(site(), 'api', 'articles', `${article.slug}.json`)), article.slug).toBe(true);
    }
    for (const speaker of index.speakers) {
      expect(existsSync(join(site(), outputPathOf(speaker.url))), speaker.url).toBe(true);
      expect(existsSync(join(site(), 'api', 'speakers', `${speaker.slug}.json`)), speaker.slug).toBe(true);
    }
  });

  it('resolves every internal link and asset of every page to a file', async () => {
    const root = site();
    const pages = (await readdir(root, { recursive: true })).filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const broken: string[] = [];
    for (const page of pages) {
      const html = await readFile(join(root, page), 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        if (!url || /^(?:https?:|mailto:|data:|#)/.test(url)) continue;
        const path = decodeURIComponent(url.split('#')[0]!.split('?')[0]!);
        if (!path.startsWith('/')) {
          broken.push(`${page}: relative link ${url}`);
          continue;
        }
        if (!existsSync(join(root, outputPathOf(path)))) broken.push(`${page}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives the sample article the record issue 2 specifies', async () => {
    const index = JSON.parse(await readFile(join(site(), 'api', 'index.json'), 'utf8')) as Index;
    const entry = index.articles.find((a) => a.id === '000_4214a0f614e41956')!;
    const record = JSON.parse(await readFile(join(site(), 'api', 'articles', `${entry.slug}.json`), 'utf8')) as {
      headline: string;
      summary: string[];
      paragraphs: string[];
      quotes: { text: string; kind: string; in: string; speaker: { name: string; type: string } | null }[];
    };
    expect(record.headline).toBe('Russia Dismisses Ukraine Security Talks Without Its Involvement as ‘Road to Nowhere’');
    expect(record.summary.map((s) => s.slice(0, 27))).toEqual(['Russia says Western efforts', 'Foreign Minister Sergey Lav']);
    expect(record.paragraphs[0]).toMatch(/^Russia has warned/);
    expect(record.paragraphs.at(-1)).toMatch(/^Tensions remain high/);
    const said = (start: string) => record.quotes.find((q) => q.text.startsWith(start));
    for (const start of ['We cannot agree with proposals', 'The West, particularly the United States']) {
      expect(said(start)).toMatchObject({ kind: 'direct', speaker: { name: 'Sergey Lavrov', type: 'person' } });
    }
    for (const start of ['prepared in the most meticulous way', 'clumsy attempts', 'no constructive ideas']) {
      expect(said(start)).toMatchObject({ kind: 'partial', speaker: { name: 'Sergey Lavrov' } });
    }
    expect(said('provocation')?.speaker?.name).toBe('Poland');
    const lede = record.quotes.find((q) => q.in === 'body' && /^road to nowhere/i.test(q.text));
    expect(['Russia', 'Sergey Lavrov']).toContain(lede?.speaker?.name);
    const names = new Set(record.quotes.map((q) => q.speaker?.name));
    for (const never of ['Donald Trump', 'Trump', 'Vladimir Putin', 'Putin', 'Volodymyr Zelenskyy', 'Zelenskyy']) expect(names.has(never)).toBe(false);
  });

  it('links every quotation on the sample article page to its speaker page', async () => {
    const index = JSON.parse(await readFile(join(site(), 'api', 'index.json'), 'utf8')) as Index;
    const entry = index.articles.find((a) => a.id === '000_4214a0f614e41956')!;
    const html = await readFile(join(site(), outputPathOf(entry.url)), 'utf8');
    expect(html).toContain('href="/speakers/sergey-lavrov/"');
    expect(html).toContain('href="/speakers/poland/"');
    expect(html).toMatch(/id="q3"/);
  });
});
