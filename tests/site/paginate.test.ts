import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/site/paginate.ts';

const list = (n: number): string[] => Array.from({ length: n }, (_, i) => `item-${n - 1 - i}`); // newest first

function byUrl(n: number, size: number): Map<string, readonly string[]> {
  return new Map(paginate(list(n), '/x/', size).map((p) => [p.url, p.items]));
}

describe('paginate', () => {
  it('puts a short list on one page without navigation', () => {
    expect(paginate(list(3), '/x/', 5)).toEqual([{ url: '/x/', items: ['item-2', 'item-1', 'item-0'], nav: null }]);
  });

  it('numbers full pages from the oldest item and shows the newest on the first page', () => {
    const pages = byUrl(7, 3);
    expect([...pages.keys()]).toEqual(['/x/', '/x/page/2/', '/x/page/1/']);
    expect(pages.get('/x/')).toEqual(['item-6', 'item-5', 'item-4']);
    expect(pages.get('/x/page/1/')).toEqual(['item-2', 'item-1', 'item-0']);
    expect(pages.get('/x/page/2/')).toEqual(['item-5', 'item-4', 'item-3']);
  });

  it('never changes a numbered page when newer items are added', () => {
    const before = byUrl(10, 3);
    for (let n = 11; n <= 20; n++) {
      const after = byUrl(n, 3);
      for (const [url, items] of before) if (url !== '/x/') expect(after.get(url)).toEqual(items);
    }
  });

  it('links newer and older pages so that every item is reachable', () => {
    const pages = paginate(list(8), '/x/', 3);
    const seen = new Set<string>();
    let url: string | null = '/x/';
    while (url !== null) {
      const page = pages.find((p) => p.url === url)!;
      page.items.forEach((i) => seen.add(i));
      url = page.nav!.older;
    }
    expect(seen.size).toBe(8);
    expect(pages.find((p) => p.url === '/x/page/2/')!.nav!.newer).toBe('/x/');
  });

  it('rejects a bad page size and a bad base', () => {
    expect(() => paginate([], '/x/', 0)).toThrow(TypeError);
    expect(() => paginate([], 'x', 2)).toThrow(TypeError);
  });
});
