import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPages, writeFiles } from '../../src/site/eleventy.ts';
import { HAVE_JAVA, REQUIRE_BROWSER } from '../browser/env.ts';
import { planSite } from '../../src/site/index.ts';
import type { SitePlan } from '../../src/site/types.ts';
import { renderPage } from '../../templates/views/index.ts';
import { ARTICLES, HOSTILE, OPTIONS, datedQuotes, makeArchive, repeatedQuoteSpecs } from './fixture.ts';

const run = promisify(execFile);
let out = '';
let plan: SitePlan;
const pages = new Map<string, string>(); // file path → HTML

/** The file a site-relative URL names. */
function fileOf(url: string): string {
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) result.push(...(await walk(join(dir, entry.name), path)));
    else result.push(path);
  }
  return result;
}

/** Text of an HTML fragment: tags removed, character references decoded. */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[n]!);
}

function attr(value: string): string {
  return textOf(value);
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'verbatim-site-'));
  plan = planSite(makeArchive(), { ...OPTIONS, pageSize: 2 });
  await renderPages(plan.pages, out);
  await writeFiles(plan.files, out);
  for (const path of await walk(out)) if (path.endsWith('.html')) pages.set(path, await readFile(join(out, path), 'utf8'));
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('rendered site', () => {
  it('writes one HTML file per planned page, the CSS and every machine file', () => {
    expect([...pages.keys()].sort()).toEqual(plan.pages.map((p) => fileOf(p.url)).sort());
    for (const asset of ['assets/site.css', 'assets/search.css', 'assets/search.js']) expect(existsSync(join(out, asset)), asset).toBe(true);
    for (const file of plan.files) expect(existsSync(join(out, file.path)), file.path).toBe(true);
  });

  it('resolves every internal link and fragment to a file and an id', () => {
    const broken: string[] = [];
    for (const [path, content] of pages) {
      for (const m of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = attr(m[1]!);
        if (/^https?:/.test(url) || url.startsWith('/pagefind/')) continue;
        const [target, fragment] = url.split('#') as [string, string | undefined];
        const file = target === '' ? path : fileOf(target);
        if (!existsSync(join(out, file))) {
          broken.push(`${path}: ${url}`);
          continue;
        }
        if (fragment) {
          const html = file.endsWith('.html') ? pages.get(file)! : '';
          if (!html.includes(`id="${fragment}"`)) broken.push(`${path}: ${url} (no id)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('never lets hostile text become markup, on any page', () => {
    for (const [path, html] of pages) {
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img');
      expect(html, path).not.toContain('<b>t</b>');
      expect(html, path).not.toContain('onerror=alert(2)>');
      expect(html, path).not.toMatch(/href="\s*javascript:/i);
      // Outside JSON-LD (where it is a character inside a JSON string), U+202E is a numeric reference.
      expect(html.replace(/<script type="application\/ld\+json">.*?<\/script>/gs, ''), path).not.toContain('\u202E');
      expect(html, path).not.toContain('>49<');
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      for (const tag of scripts) expect(['<script type="application/ld+json">', '<script src="/assets/search.js" defer>']).toContain(tag);
      expect(html.slice(0, html.indexOf("</head>")).match(/<\/title>/g), path).toHaveLength(1);
    }
  });

  it('keeps hostile text literal in the title, meta tags, headline, tags and JSON-LD', () => {
    const html = pages.get('articles/hostile/index.html')!;
    const spec = ARTICLES.find((a) => a.id === 'hostile')!;
    expect(textOf(/<title>(.*?)<\/title>/s.exec(html)![1]!)).toBe(`${spec.headline} — Verbatim`);
    expect(attr(/<meta property="og:title" content="([^"]*)">/.exec(html)![1]!)).toBe(spec.headline);
    expect(attr(/<meta name="twitter:title" content="([^"]*)">/.exec(html)![1]!)).toBe(spec.headline);
    expect(attr(/<meta name="description" content="([^"]*)">/.exec(html)![1]!)).toContain(HOSTILE.lineSep);
    expect(textOf(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)![1]!)).toBe(spec.headline);
    for (const tag of spec.tags!) expect(html).toContain(`>${tag.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</a>`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as { headline: string; author: { name: string } };
    expect(ld.headline).toBe(spec.headline);
    expect(ld.author.name).toBe(spec.author);
    expect(textOf(/<p class="meta">(.*?)<\/p>/s.exec(html)![1]!)).toContain(spec.source!);
  });

  it('marks every quotation with its anchor and links it to the speaker', () => {
    const html = pages.get('articles/russia-dismisses-ukraine-security-talks/index.html')!;
    for (let i = 1; i <= 8; i++) expect(html).toContain(`id="q${i}"`);
    expect(html).toContain('“<q class="q" id="q3">We cannot agree');
    expect(html).toMatch(/This will not work,<\/q>”<span class="by"[^>]*><a href="\/speakers\/sergey-lavrov\/">Sergey Lavrov<\/a><\/span>/);
    expect(html).toContain('<a href="/speakers/poland/" data-pagefind-filter="speaker">Poland</a>');
  });

  it('shows uncertain attributions as uncertain and anonymous sources as unattributed', () => {
    const html = pages.get('articles/nato-chiefs/index.html')!;
    expect(html).toMatch(/<q class="q u" id="q3">a serious option,<\/q>”<span class="by u"[^>]*>possibly <a href="\/speakers\/nato\/">NATO<\/a>/);
    expect(html).toContain('uncertain attribution');
    expect(html).toMatch(/<span class="by anon"[^>]*>unattributed: a senior official<\/span>/);
    expect(html).not.toMatch(/<a href="[^"]*">a senior official<\/a>/);
    // "Who is quoted" counts NATO's quote as uncertain, and search does not file the article under NATO for it.
    expect(html).toMatch(/<li><a href="\/speakers\/nato\/">NATO<\/a>[^<]*<span class="n">1 quote, 1 uncertain<\/span><\/li>/);
    expect(html).toContain('<a href="/speakers/sergey-lavrov/" data-pagefind-filter="speaker">Sergey Lavrov</a>');
    expect(pages.get('speakers/nato/index.html')).toMatch(/· \d+ quotes?, \d+ uncertain<\/p>/);
  });

  it('marks an uncertain attribution to an unnamed source as uncertain inline too', () => {
    const spec = { id: 'crowd', headline: 'Rally', date: '2025-01-01', paragraphs: ['The crowd cheered. “We are not done yet.”'], quotes: [{ text: 'We are not done yet.', speaker: { anonymous: 'the crowd' }, confidence: 0.45 }] };
    const page = planSite(makeArchive([spec], []), OPTIONS).pages.find((p) => p.url === '/articles/crowd/')!;
    expect(renderPage(page)).toMatch(/<q class="q u"[^>]*>We are not done yet\.<\/q>”<span class="by anon u"[^>]*>unattributed: possibly the crowd <span class="flag">\(uncertain\)<\/span><\/span>/);
  });

  it('marks quotes inside a Markdown paragraph without losing its formatting', () => {
    const html = pages.get('articles/markdown-undated/index.html')!;
    expect(html).toContain('<q class="q" id="q1">a deliberate </q><em><q class="q">provocation</q></em><q class="q"> &amp; a test</q>”');
    expect(html).toContain('<a href="https://example.org/report" title="R&amp;D">the report</a>');
  });

  it('carries Pagefind attributes: body, speaker, source and year filters, date sort', () => {
    const html = pages.get('articles/russia-dismisses-ukraine-security-talks/index.html')!;
    expect(html).toContain('data-pagefind-body data-pagefind-filter="year:2025"');
    expect(html).toMatch(/data-pagefind-(?:sort|meta)="date:2025-08-20"/);
    expect(html).toContain('data-pagefind-filter="source">Example Wire</a>');
    expect(pages.get('index.html')).not.toContain('data-pagefind-body');
  });

  it('draws the speaker timeline as inline SVG with an accessible title', () => {
    const html = pages.get('speakers/sergey-lavrov/index.html')!;
    expect(html).toMatch(/<svg class="timeline" role="img" aria-labelledby="tl-title"/);
    expect(html).toContain('<title>August 2025: 6</title>');
    expect(html).toContain('id="nato-chiefs-q1"');
  });

  // Fixed: quotes dated 0001-01-01 and 9999-12-31 drew a bar slot for each of the 119,988 months
  // between them: an SVG 2,879,712 px wide and a 356 KB page.
  it('breaks the timeline’s axis over long runs without quotes, so no date range makes it wide', () => {
    const page = planSite(makeArchive(datedQuotes(['0001-01-01', '2025-06-02', '2025-08-09', '9999-12-31'])), OPTIONS).pages.find((p) => p.url === '/speakers/sergey-lavrov/')!;
    const html = renderPage(page);
    const svg = /<svg class="timeline"[^>]*>.*?<\/svg>/s.exec(html)![0];
    expect(Number(/ width="(\d+)"/.exec(svg)![1])).toBeLessThanOrEqual(1000);
    expect(svg.length).toBeLessThan(3000);
    expect(html.length).toBeLessThan(20_000);
    expect([...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => m[1])).toEqual(['0001', '2025', '9999']);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
    for (const month of ['January 0001: 1', 'June 2025: 1', 'August 2025: 1', 'December 9999: 1']) expect(svg).toContain(`<title>${month}</title>`);
  });

  it('gives every quote a stable anchor and a copyable citation behind "Cite", on article and speaker pages', () => {
    const cite = /<details class="cite"><summary>Cite<\/summary><span class="c">([^<]*)<\/span><\/details>/g;
    for (const page of plan.pages) {
      const html = pages.get(fileOf(page.url))!;
      if (page.template === 'article') {
        const ids = [...html.matchAll(/<q class="[^"]*" id="(q\d+)">/g)].map((m) => m[1]!);
        const citations = [...html.matchAll(cite)].map((m) => textOf(m[1]!));
        expect(citations, page.url).toHaveLength(ids.length);
        ids.forEach((id, i) => expect(citations[i], page.url).toMatch(new RegExp(`, https://news\\.example\\.org${page.url}#${id}$`)));
        for (const id of ids) expect(html, page.url).toContain(`<a class="qt" href="#${id}">`);
      }
      if (page.template === 'speaker') {
        const items = [...html.matchAll(/<li id="([^"]+)">(.*?)<\/li>/gs)];
        expect(items.length, page.url).toBeGreaterThan(0);
        for (const [, anchor, item] of items) {
          expect(item, `${page.url}#${anchor}`).toContain(`<a href="#${anchor}" aria-label="Permalink to this quote">#</a>`);
          expect([...item!.matchAll(cite)].map((m) => textOf(m[1]!)), `${page.url}#${anchor}`).toEqual([expect.stringMatching(/, quoted in “.*, https:\/\/news\.example\.org\/articles\/[^#]+#q\d+$/s)]);
        }
      }
    }
  });

  it('keeps an article page and its CSS within 14 KB gzipped', async () => {
    const css = gzipSync(await readFile(join(out, 'assets/site.css'))).length;
    for (const [path, html] of pages) {
      if (!path.startsWith('articles/')) continue;
      expect(gzipSync(html).length + css, path).toBeLessThanOrEqual(14 * 1024);
    }
  });

  it('renders a subset of pages and leaves the other files alone', async () => {
    const home = join(out, 'index.html');
    const before = (await stat(home)).mtimeMs;
    await writeFile(join(out, 'articles/hostile/index.html'), 'stale');
    await renderPages(plan.pages.filter((p) => p.url === '/articles/hostile/'), out);
    expect(await readFile(join(out, 'articles/hostile/index.html'), 'utf8')).toBe(pages.get('articles/hostile/index.html'));
    expect((await stat(home)).mtimeMs).toBe(before);
  });

  it('refuses page URLs and file paths that would leave the output folder', async () => {
    await expect(renderPages([{ url: '/../x/', template: 'notfound', data: {} }], out)).rejects.toThrow(TypeError);
    await expect(writeFiles([{ path: '../x.json', contents: '' }], out)).rejects.toThrow(TypeError);
    await expect(writeFiles([{ path: '/etc/x', contents: '' }], out)).rejects.toThrow(TypeError);
  });

  // Skipped without Java, unless the run requires the browser suite (CI installs Java).
  it.skipIf(!HAVE_JAVA && !REQUIRE_BROWSER)('produces valid HTML on every page type (Nu HTML checker)', async () => {
    const jar = join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');
    const files = [...pages.keys()].map((p) => join(out, p));
    const result = await run('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { maxBuffer: 16 * 1024 * 1024 }).catch((e: { stdout: string; stderr: string }) => e);
    if (!(result.stderr || result.stdout)) throw new Error(`the Nu HTML checker did not run (java -jar ${jar})`);
    const report = JSON.parse(result.stderr || result.stdout) as { messages: { type: string; url: string; message: string; extract?: string }[] };
    expect(report.messages.filter((m) => m.type === 'error').map((m) => `${m.url.replace(out, '')}: ${m.message} ${m.extract ?? ''}`)).toEqual([]);
  }, 120_000);
});

describe('rendered lists that grow with the archive', () => {
  it('names the oldest other articles that repeat a quote and counts the rest in words', () => {
    const specs = repeatedQuoteSpecs(9);
    const page = planSite(makeArchive(specs), OPTIONS).pages.find((p) => p.url === '/articles/repeat-8/')!;
    const also = /<p class="also">(.*?)<\/p>/s.exec(renderPage(page))![1]!;
    expect(textOf(also)).toBe(
      'Also reported by Outlet 0 (1 March 2025), Outlet 1 (2 March 2025), Outlet 2 (3 March 2025), Outlet 3 (4 March 2025), Outlet 4 (5 March 2025) and in 3 other articles. First reported 1 March 2025 by Outlet 0.',
    );
  });
});
