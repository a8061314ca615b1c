/**
 * A crawl of a served site over HTTP, following every internal `href` and `src`: which pages
 * and files answered with which status, and every reference between them (with its fragment).
 * Needs no browser; the links tests assert on what it found.
 */

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

export interface Fetched {
  readonly status: number;
  readonly html: boolean;
  readonly ids: Set<string>;
}

export interface Reference {
  /** The page the link is on (a path). */
  readonly from: string;
  /** The path it leads to. */
  readonly to: string;
  readonly fragment: string | null;
}

export interface Crawl {
  /** Every path fetched → its status, whether it was HTML, and its ids. */
  readonly fetched: ReadonlyMap<string, Fetched>;
  readonly references: readonly Reference[];
  /** `from → to (status)` for every reference to a path that did not answer 200. */
  readonly broken: readonly string[];
  /** `from → to#fragment` for every fragment that names no element on its page. */
  readonly missingAnchors: readonly string[];
}

/**
 * Crawl `origin` from the paths in `start`, following every same-origin link of every HTML page
 * that answers 200. Redirects are not followed (they count as broken).
 */
export async function crawl(origin: string, start: readonly string[]): Promise<Crawl> {
  const fetched = new Map<string, Fetched>();
  const references: Reference[] = [];
  const queue = [...start];
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
  return { fetched, references, broken: [...new Set(broken)], missingAnchors: [...new Set(missingAnchors)] };
}
