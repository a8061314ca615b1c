/**
 * Types shared by the site layer: what `planSite` produces and the options it takes.
 */

/** Options for everything that renders the site. */
export interface SiteOptions {
  /**
   * Absolute base URL for feeds, sitemap, canonical links and Open Graph, without a trailing slash,
   * e.g. `https://news.example.org`. Defaults to `http://localhost:8080`.
   */
  readonly baseUrl: string;
  /**
   * The build's timestamp as `YYYY-MM-DDTHH:MM:SSZ`: from `SOURCE_DATE_EPOCH`, else the newest
   * article's date, else null. Never the wall clock, so builds are reproducible.
   */
  readonly buildDate: string | null;
  /** The site's title. */
  readonly title: string;
}

/** A non-HTML file of the site, rendered by our own pure functions (JSON, XML, text). */
export interface SiteFile {
  /** Path relative to the output folder, with `/` separators, e.g. `api/index.json`. */
  readonly path: string;
  /** Made each time it is read for files with a `key`: a rebuild reads only those that may have changed. */
  readonly contents: string;
  /** See `SitePage.key`. */
  readonly key?: string;
}

/** An HTML page for Eleventy to render with a template from `templates/`. */
export interface SitePage {
  /** Site-relative URL; ends in `/` (its `index.html`) or names an `.html` file. */
  readonly url: string;
  /** Which template renders it (a file `templates/<template>.11ty.js`-style kind). */
  readonly template: string;
  /** Everything the template needs. Plain JSON-serialisable data; made each time it is read for pages with a `key`. */
  readonly data: unknown;
  /**
   * For pages made from articles' records (article, list and speaker pages): a digest of
   * everything the data is made from other than the code and the seed records of the articles
   * it shows (named by path and content hash). The same URL and key under the same code means
   * the same data, so a rebuild need not make the data to know the page is unchanged (see
   * `src/build/incremental.ts`).
   */
  readonly key?: string;
}

/** Everything the site consists of, before anything is written. */
export interface SitePlan {
  readonly pages: readonly SitePage[];
  readonly files: readonly SiteFile[];
}
