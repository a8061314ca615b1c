/**
 * A crawl of the built site from `/`, over HTTP, following every internal `href` and `src`:
 * every link resolves to a file (status 200), and every `#fragment` (quote anchors `#qN`
 * included) names an element on the target page. Needs no browser.
 */
import { describe, expect, it } from 'vitest';
import { apiIndex, site } from './harness.ts';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the character references an attribute value may hold. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The `href`/`src` values and the `id`s of an HTML page (script, style and comment bodies skipped). */
export function scan(html: string): { links: string[]; ids: Set<string> } {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
  const links: string[] = [];
  const ids = new Set<string>();
  for (const tag of markup.matchAll(/<[a-z][a-z0-9-]*\b([^>]*)>/gi)) {
    for (const attr of tag[1]!.matchAll(/([a-z-:]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      const name = attr[1]!.toLowerCase();
      const value = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
      if (name === 'href' || name === 'src') links.push(value);
      else if (name === 'id') ids.add(value);
    }
  }
  return { links, ids };
}

interface Fetched {
  readonly status: number;
  readonly html: boolean;
  readonly ids: Set<string>;
}

describe('links', () => {
  it('finds no broken internal link or missing anchor in a crawl from the home page', async () => {
    const origin = site().url;
    const fetched = new Map<string, Fetched>();
    const references: { from: string; to: string; fragment: string | null }[] = [];
    const queue = ['/'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (fetched.has(path)) continue;
      const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
      const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
      const body = html ? await response.text() : (await response.arrayBuffer(), '');
      const { links, ids } = html ? scan(body) : { links: [], ids: new Set<string>() };
      fetched.set(path, { status: response.status, html, ids });
      if (!html || response.status !== 200) continue;
      for (const link of links) {
        const url = new URL(link, `${origin}${path}`);
        if (url.origin !== origin) continue;
        const fragment = url.hash === '' ? null : decodeURIComponent(url.hash.slice(1));
        references.push({ from: path, to: url.pathname, fragment });
        if (!fetched.has(url.pathname)) queue.push(url.pathname);
      }
    }

    const broken = references.filter((r) => fetched.get(r.to)!.status !== 200).map((r) => `${r.from} → ${r.to} (${fetched.get(r.to)!.status})`);
    const missingAnchors = references
      .filter((r) => r.fragment !== null && fetched.get(r.to)!.status === 200)
      .filter((r) => !fetched.get(r.to)!.ids.has(r.fragment!))
      .map((r) => `${r.from} → ${r.to}#${r.fragment}`);
    expect([...new Set(broken)]).toEqual([]);
    expect([...new Set(missingAnchors)]).toEqual([]);

    // The crawl reached every article and speaker page, and followed quote anchors.
    const index = apiIndex();
    for (const page of [...index.articles, ...index.speakers]) expect(fetched.get(page.url)?.status, page.url).toBe(200);
    expect(references.filter((r) => r.fragment !== null && /^q\d+$/.test(r.fragment)).length).toBeGreaterThan(10);
  });

  it('scans links and ids the way a browser reads them, entities decoded and script bodies skipped', () => {
    const { links, ids } = scan(
      '<a href="/a/?x=1&amp;y=2#q1" id=top>a</a><!-- <a href="/commented/"> --><script>var s = "<a href=\'/in-script/\'>"</script><img src=\'/i.png\'><p id="q&#49;">',
    );
    expect(links).toEqual(['/a/?x=1&y=2#q1', '/i.png']);
    expect([...ids]).toEqual(['top', 'q1']);
  });
});
