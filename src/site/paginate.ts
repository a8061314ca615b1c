/**
 * Pagination whose page URLs never move as a list grows at its newest end.
 *
 * Numbered pages are counted from the oldest item: page 1 holds the oldest `size` items,
 * page 2 the next `size`, and only full pages get a number. The unnumbered first page
 * (`base`) always shows the newest `size` items. Adding a newer item therefore never changes
 * the URL or the contents of a numbered page; it only adds page `P + 1` once enough new items
 * have come in. (An item inserted in the middle — a backdated article — moves the items
 * newer than it by one, but no page URL ever disappears.)
 *
 * A numbered page's navigation depends only on its own number and the pages near it, never
 * on the length of the list, so a rebuild after adding an item re-renders the first page and
 * at most the two newest numbered pages, not every page of the list.
 */

/** Links between the pages of one list. */
export interface PageNav {
  /** 1-based number of this page, or null for the first (newest) page. */
  readonly number: number | null;
  /** Newer page (towards the first page), or null on the first page. */
  readonly newer: string | null;
  /** Older page, or null on the oldest page. */
  readonly older: string | null;
  /** A short window of page links: the first page, neighbours (two either side), the oldest. */
  readonly pages: readonly { readonly label: string; readonly url: string; readonly current: boolean }[];
}

/** One page of a paginated list. */
export interface Paged<T> {
  readonly url: string;
  /** Items of this page, newest first. */
  readonly items: readonly T[];
  /** Null when the list fits on one page. */
  readonly nav: PageNav | null;
}

/** The URL of numbered page `n` under `base` (`/speakers/x/` → `/speakers/x/page/3/`). */
export function pageUrl(base: string, n: number | null): string {
  return n === null ? base : `${base}page/${n}/`;
}

/**
 * Split a newest-first list into pages (see the module comment for the numbering).
 *
 * @example
 *   paginate(['e', 'd', 'c', 'b', 'a'], '/', 2).map((p) => [p.url, p.items])
 *   // [['/', ['e','d']], ['/page/2/', ['d','c']], ['/page/1/', ['b','a']]]
 */
export function paginate<T>(newestFirst: readonly T[], base: string, size: number): Paged<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new TypeError(`page size must be a positive integer, not ${size}`);
  if (!base.startsWith('/') || !base.endsWith('/')) throw new TypeError(`pagination base must start and end with "/", not ${JSON.stringify(base)}`);
  const total = newestFirst.length;
  if (total <= size) return [{ url: base, items: newestFirst, nav: null }];
  const oldestFirst = [...newestFirst].reverse();
  const numbered = Math.floor(total / size);
  // The page holding the item just older than the first page's last one.
  const afterFirst = Math.floor((total - size - 1) / size) + 1;

  const window = (current: number | null): PageNav['pages'] => {
    const wanted = new Set<number>([1]);
    const centre = current ?? numbered + 1;
    for (let n = centre - 2; n <= centre + 2; n++) if (n >= 1 && n <= numbered) wanted.add(n);
    const list = [...wanted].sort((a, b) => b - a);
    return [
      { label: 'Latest', url: base, current: current === null },
      ...list.map((n) => ({ label: String(n), url: pageUrl(base, n), current: current === n })),
    ];
  };

  const pages: Paged<T>[] = [
    {
      url: base,
      items: newestFirst.slice(0, size),
      nav: { number: null, newer: null, older: pageUrl(base, afterFirst), pages: window(null) },
    },
  ];
  for (let n = numbered; n >= 1; n--) {
    pages.push({
      url: pageUrl(base, n),
      items: oldestFirst.slice((n - 1) * size, n * size).reverse(),
      nav: {
        number: n,
        newer: n === numbered ? base : pageUrl(base, n + 1),
        older: n === 1 ? null : pageUrl(base, n - 1),
        pages: window(n),
      },
    });
  }
  return pages;
}
