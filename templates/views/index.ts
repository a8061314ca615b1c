/**
 * The views: one function per page kind, dispatched by `SitePage.template`.
 * Every view writes HTML only through the auto-escaping `html` tag (`src/site/html.ts`).
 */
import { withBasePath, type Html } from '../../src/site/html.ts';
import type { PageData } from '../../src/site/model.ts';
import type { SitePage } from '../../src/site/types.ts';
import { articleView } from './article.ts';
import { layout } from './layout.ts';
import { indexView, listView, notFoundView, SEARCH_CSS_URL, searchView } from './lists.ts';
import { speakerView } from './speaker.ts';

function main(data: PageData): Html {
  switch (data.kind) {
    case 'article':
      return articleView(data);
    case 'speaker':
      return speakerView(data);
    case 'list':
      return listView(data);
    case 'index':
      return indexView(data);
    case 'search':
      return searchView(data);
    case 'notfound':
      return notFoundView(data);
  }
}

/**
 * Render one planned page to a complete HTML document. The views write site-relative links
 * (`/speakers/`); they are then put under the site's base path (`/archive/speakers/`).
 *
 * @example
 *   renderPage(plan.pages[0]) // '<!doctype html>\n<html lang="en">…'
 */
export function renderPage(page: SitePage): string {
  const data = page.data as PageData;
  if (data === null || typeof data !== 'object' || data.kind !== page.template) {
    throw new TypeError(`page ${page.url}: template "${page.template}" does not match its data`);
  }
  const styles = data.kind === 'search' ? [SEARCH_CSS_URL] : [];
  return withBasePath(layout(data.head, page.url, main(data), styles).toString(), data.head.basePath);
}
