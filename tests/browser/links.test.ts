/**
 * A crawl of the built site from `/`, over HTTP, following every internal `href` and `src`:
 * every link resolves to a file (status 200), and every `#fragment` (quote anchors `#qN`
 * included) names an element on the target page. Needs no browser.
 */
import { describe, expect, it } from 'vitest';
import { crawl, scan } from './crawl.ts';
import { apiIndex, site } from './harness.ts';

describe('links', () => {
  it('finds no broken internal link or missing anchor in a crawl from the home page', async () => {
    const { fetched, references, broken, missingAnchors } = await crawl(site().url, ['/']);
    expect(broken).toEqual([]);
    expect(missingAnchors).toEqual([]);

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
