/**
 * The one Eleventy template: a page for every item of the global `verbatimPages` array
 * (pagination size 1). The permalink is the page's planned URL; the HTML comes from the views
 * in `templates/views/` through the `renderVerbatimPage` JavaScript function that
 * `src/site/eleventy.ts` registers. Seeds never reach Eleventy as templates: only as data.
 */
export default class Page {
  data() {
    return {
      pagination: { data: 'verbatimPages', size: 1, alias: 'sitePage' },
      permalink: (data) => data.sitePage.url,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data) {
    return this.renderVerbatimPage(data.sitePage);
  }
}
