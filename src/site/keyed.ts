/**
 * Pages and files that are made when first read, under a key that names what they are made of
 * (see `SitePage.key`). A rebuild compares keys with the previous build's and reads the data
 * only of outputs whose key changed: at 10,000 articles, most of the site's data is in the
 * article pages and their exports, and a rebuild after one new seed needs a handful of them.
 */
import { createHash } from 'node:crypto';
import type { SiteFile, SitePage } from './types.ts';

/** A digest of a JSON-serialisable value. */
export function inputKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** A page whose data is made (once) when first read. */
export function keyedPage(url: string, template: string, key: string, make: () => unknown): SitePage {
  let data: unknown;
  let made = false;
  return {
    url,
    template,
    key,
    get data() {
      if (!made) {
        data = make();
        made = true;
      }
      return data;
    },
  };
}

/** A file whose contents are made (once) when first read. */
export function keyedFile(path: string, key: string, make: () => string): SiteFile {
  let contents: string | null = null;
  return {
    path,
    key,
    get contents() {
      contents ??= make();
      return contents;
    },
  };
}
