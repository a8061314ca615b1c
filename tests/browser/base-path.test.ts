/// <reference lib="dom" />
/**
 * A site built with a base URL that has a path (`--base-url http://host/archive/`) and served
 * only under that path, as a project site or a subfolder of a larger site is: a crawl from
 * `/archive/` (and from the 404 page, which is served at any missing address) finds no broken
 * link, every link stays under `/archive/`, the sitemap's URLs answer, and search finds and
 * links articles under the path.
 */
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { resolveRequest } from '../../src/cli/serve.ts';
import { tempDir } from '../helpers/tree.ts';
import { crawl } from './crawl.ts';
import { HAVE_CHROMIUM, newPage, site, useBrowser, useContext } from './harness.ts';
import { searchFor, waitForSearchUi } from './search-ui.ts';

const PREFIX = '/archive';
const TYPES: Readonly<Record<string, string>> = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript', json: 'application/json', xml: 'application/xml', wasm: 'application/wasm' };

let work = '';
let server: Server | null = null;
let origin = '';
const outDir = (): string => join(work, 'dist');

/**
 * Serve `outDir` at `PREFIX/` only, like a web server with the site in a subfolder: other paths
 * are 404 with no body; a missing file under the prefix gets the site's own 404 page.
 */
function servePrefixed(): Promise<Server> {
  const http = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (!path.startsWith(`${PREFIX}/`)) {
        res.writeHead(404).end();
        return;
      }
      const root = join(work, 'dist');
      const file = resolveRequest(root, path.slice(PREFIX.length));
      const info = file === null ? null : await stat(file).catch(() => null);
      const [status, chosen] = info?.isFile() ? [200, file!] : [404, join(root, '404.html')];
      res.writeHead(status, { 'content-type': TYPES[chosen.split('.').pop()!] ?? 'application/octet-stream' });
      createReadStream(chosen).pipe(res);
    })().catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

beforeAll(async () => {
  work = await tempDir('base-path');
  server = await servePrefixed();
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // The browser suite's own seeds, built again under the path.
  const report = await build({ seedsDir: site().seedsDir, outDir: outDir(), cacheDir: join(work, 'cache'), baseUrl: `${origin}${PREFIX}/`, cwd: work });
  if (!report.published) throw new Error('the site under a base path was not published');
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a site served under a base path', () => {
  it('has no broken link or anchor, and no link leaves the path, in a crawl from its home and 404 pages', async () => {
    const { fetched, references, broken, missingAnchors } = await crawl(origin, [`${PREFIX}/`, `${PREFIX}/404.html`]);
    expect(broken).toEqual([]);
    expect(missingAnchors).toEqual([]);
    expect([...new Set(references.map((r) => r.to).filter((to) => !to.startsWith(`${PREFIX}/`)))]).toEqual([]);
    // The crawl went everywhere: articles, speakers (through the letter pages), the stylesheet and the search script.
    const paths = [...fetched.keys()];
    expect(paths.filter((p) => p.startsWith(`${PREFIX}/articles/`)).length).toBeGreaterThan(10);
    expect(paths.filter((p) => p.startsWith(`${PREFIX}/speakers/`)).length).toBeGreaterThan(10);
    expect(fetched.get(`${PREFIX}/assets/site.css`)?.status).toBe(200);
    expect(fetched.get(`${PREFIX}/assets/search.js`)?.status).toBe(200);
  });

  it('serves its 404 page at a missing address with links that work from there', async () => {
    const response = await fetch(`${origin}${PREFIX}/no/such/page/`);
    expect(response.status).toBe(404);
    const { broken } = await crawl(origin, [`${PREFIX}/no/such/page/`]);
    // The missing page itself is the only 404: everything it links to answers.
    expect(broken).toEqual([]);
  });

  it('lists absolute URLs under the path in the sitemap and feeds, and they answer', async () => {
    const sitemap = await readFile(join(outDir(), 'sitemap.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locations.length).toBeGreaterThan(20);
    for (const loc of locations) expect(loc.startsWith(`${origin}${PREFIX}/`), loc).toBe(true);
    for (const loc of locations.filter((l) => l.includes('/speakers/'))) expect((await fetch(loc)).status, loc).toBe(200);
    const feed = await readFile(join(outDir(), 'feed.xml'), 'utf8');
    for (const m of feed.matchAll(/href="([^"]*)"/g)) expect(m[1]!.startsWith(`${origin}${PREFIX}/`), m[1]).toBe(true);
  });

  describe.skipIf(!HAVE_CHROMIUM)('in the browser', () => {
    const browser = useBrowser();
    const context = useContext(browser);

    it('searches the index under the path and links results under it, with no failed request', async () => {
      const { page, problems } = await newPage(context());
      try {
        await page.goto(`${origin}${PREFIX}/search/`);
        await waitForSearchUi(page);
        const links = await searchFor(page, 'gamble with borrowed money');
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) expect(link.startsWith(`${PREFIX}/articles/`), link).toBe(true);
        await page.locator('#search-results li h2 a').first().click();
        await page.waitForURL(`${origin}${PREFIX}/articles/**`);
        expect(await page.locator('h1').count()).toBe(1);
        expect({ failedRequests: problems.failedRequests, errorResponses: problems.errorResponses, pageErrors: problems.pageErrors }).toEqual({
          failedRequests: [],
          errorResponses: [],
          pageErrors: [],
        });
      } finally {
        await page.close();
      }
    });
  });
});
