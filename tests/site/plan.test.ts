import { describe, expect, it } from 'vitest';
import { MAX_TIMELINE_GAP, planSite, type PageData } from '../../src/site/index.ts';
import type { ArticlePageData, IndexPageData, ListPageData, SpeakerPageData } from '../../src/site/model.ts';
import type { SitePlan } from '../../src/site/types.ts';
import { assignSlugs } from '../../src/archive/slug.ts';
import { ARTICLES, OPTIONS, SPEAKERS, datedQuotes, makeArchive, repeatedQuoteSpecs, syntheticSpecs, type ArticleSpec } from './fixture.ts';

const plan = planSite(makeArchive(), { ...OPTIONS, pageSize: 2 });
const data = (p: SitePlan, url: string): PageData => {
  const page = p.pages.find((x) => x.url === url);
  if (!page) throw new Error(`no page ${url}`);
  return page.data as PageData;
};
const file = (p: SitePlan, path: string): unknown => JSON.parse(p.files.find((f) => f.path === path)!.contents);

describe('planSite pages', () => {
  it('plans every page type at its documented URL', () => {
    const urls = plan.pages.map((p) => p.url);
    for (const url of [
      '/', '/page/1/', '/page/2/',
      '/articles/russia-dismisses-ukraine-security-talks/', '/articles/markdown-undated/',
      '/speakers/', '/speakers/sergey-lavrov/', '/speakers/poland/',
      '/dates/', '/dates/2025/', '/dates/2025/08/', '/dates/2024/12/', '/dates/undated/',
      '/sources/', '/sources/example-wire/', '/tags/', '/tags/ukraine/',
      '/search/', '/404.html',
    ]) expect(urls).toContain(url);
  });

  it('gives every page a distinct URL and a template that matches its data', () => {
    expect(new Set(plan.pages.map((p) => p.url)).size).toBe(plan.pages.length);
    for (const page of plan.pages) expect((page.data as PageData).kind).toBe(page.template);
  });

  it('lists the dated articles newest first on the home page, then links the undated ones', () => {
    const home = plan.pages.filter((p) => p.url === '/' || p.url.startsWith('/page/')).map((p) => p.data as ListPageData);
    const listed = home.flatMap((d) => d.items.map((i) => i.url));
    const archive = makeArchive();
    const dated = archive.articles.filter((a) => a.date !== null);
    const undated = archive.articles.filter((a) => a.date === null);
    expect(undated.length).toBeGreaterThan(0);
    expect(new Set(listed)).toEqual(new Set(dated.map((a) => a.url)));
    expect(listed[0]).toBe('/articles/nato-chiefs/');
    expect(listed[1]).toBe('/articles/russia-dismisses-ukraine-security-talks/');
    const first = data(plan, '/') as ListPageData;
    expect(first.more).toEqual({ label: 'Undated articles', url: '/dates/undated/', count: undated.length });
    // The oldest page goes on to the undated articles, so following "Older" reaches every article.
    const oldest = home.find((d) => d.nav?.number === 1)!;
    expect(oldest.nav!.older).toBe('/dates/undated/');
    expect(oldest.more).toEqual({ label: 'Undated articles', url: '/dates/undated/' });
    expect(home.filter((d) => d.more !== null)).toHaveLength(2);
  });

  it('lists every article at home when none is dated', () => {
    const archive = makeArchive();
    const undatedOnly = planSite({ ...archive, articles: archive.articles.filter((a) => a.date === null) }, { ...OPTIONS, pageSize: 2 });
    const home = data(undatedOnly, '/') as ListPageData;
    expect(home.items.map((i) => i.url)).toEqual(archive.articles.filter((a) => a.date === null).map((a) => a.url).slice(0, 2));
    expect(home.more).toBeNull();
  });

  it('orders the speakers index by quote count, then name', () => {
    const index = data(plan, '/speakers/');
    if (index.kind !== 'index') throw new Error('not an index');
    const links = index.groups[0]!.links;
    expect(links.map((l) => l.label)).toEqual(['Sergey Lavrov', SPEAKERS.find((s) => s.id === 'evil')!.name, 'Poland', 'Russia', 'NATO']);
    expect(links.map((l) => l.count)).toEqual([7, 2, 2, 2, 1]);
  });

  it('puts every speaker on the letter page of their name, by name, and links the letters from every speakers page', () => {
    const index = data(plan, '/speakers/');
    if (index.kind !== 'index') throw new Error('not an index');
    expect(index.letters.map((l) => [l.label, l.url])).toEqual([
      ['E', '/speakers/index/e/'],
      ['N', '/speakers/index/n/'],
      ['P', '/speakers/index/p/'],
      ['R', '/speakers/index/r/'],
      ['S', '/speakers/index/s/'],
    ]);
    expect(index.letters.some((l) => l.current)).toBe(false);
    const r = data(plan, '/speakers/index/r/');
    if (r.kind !== 'index') throw new Error('not an index');
    expect(r.groups[0]!.links).toEqual([{ label: 'Russia', url: '/speakers/russia/', count: 2 }]);
    expect(r.letters.filter((l) => l.current).map((l) => l.url)).toEqual(['/speakers/index/r/']);
    expect(r.head.title).toBe('Speakers: R');
  });

  it('lists only the most quoted on /speakers/ when there are more speakers than its size, and everyone on the letter pages', () => {
    const synthetic = syntheticSpecs(60, 40);
    const big = planSite(makeArchive(synthetic.articles, synthetic.speakers), { ...OPTIONS, speakerIndexSize: 10 });
    const index = data(big, '/speakers/');
    if (index.kind !== 'index') throw new Error('not an index');
    const top = index.groups[0]!.links;
    expect(top).toHaveLength(10);
    expect(top.map((l) => l.count)).toEqual([...top.map((l) => l.count)].sort((a, b) => b! - a!));
    expect(index.intro).toContain('The 10 most quoted of 40 speakers');
    const everyone = index.letters.flatMap((l) => (data(big, l.url) as IndexPageData).groups[0]!.links.map((s) => s.url));
    expect(everyone.sort()).toEqual(big.pages.filter((p) => p.template === 'speaker' && !p.url.includes('/page/')).map((p) => p.url).sort());
  });

  it('keeps letter pages apart from speaker pages: a speaker "A" keeps /speakers/a/, and no speaker can be /speakers/index/', () => {
    const specs: ArticleSpec[] = [{ id: 'x', headline: 'X', date: '2025-01-01', paragraphs: ['“Two,” said A.'], quotes: [{ text: 'Two,', speaker: 'a' }] }];
    const urls = planSite(makeArchive(specs, [{ id: 'a', name: 'A', type: 'person' }]), OPTIONS).pages.map((p) => p.url);
    expect(urls).toContain('/speakers/a/');
    expect(urls).toContain('/speakers/index/a/');
    // The archive never grants the reserved slug `index`, so /speakers/index/ is always free.
    expect(assignSlugs([{ id: 'Index', wanted: 'index', rank: '' }], 'speaker').get('Index')!.slug).not.toBe('index');
  });

  it('lists only the most used sources and tags on /sources/ and /tags/, and every one of them on the page of its first letter', () => {
    const synthetic = syntheticSpecs(60, 10);
    const big = planSite(makeArchive(synthetic.articles, synthetic.speakers), { ...OPTIONS, termIndexSize: 5 });
    for (const [base, kind] of [['/sources/', 'source'], ['/tags/', 'tag']] as const) {
      const index = data(big, base) as IndexPageData;
      const top = index.groups[0]!.links;
      expect(top, base).toHaveLength(5);
      expect(top.map((l) => l.count)).toEqual([...top.map((l) => l.count)].sort((a, b) => b! - a!));
      expect(index.groups[0]!.heading).not.toBeNull();
      const terms = big.pages.filter((p) => p.url.startsWith(base) && p.url !== base && !p.url.startsWith(`${base}index/`) && !p.url.includes('/page/')).map((p) => p.url);
      expect(terms.length, base).toBeGreaterThan(5);
      expect(index.intro).toContain(`of ${terms.length} ${kind}s`);
      expect(index.letters.map((l) => l.url)).toEqual(index.letters.map((l) => `${base}index/${l.label.toLowerCase()}/`));
      const everyone = index.letters.flatMap((l) => {
        const page = data(big, l.url) as IndexPageData;
        expect(page.letters.filter((x) => x.current).map((x) => x.url)).toEqual([l.url]);
        return page.groups[0]!.links.map((t) => t.url);
      });
      expect(everyone.sort()).toEqual(terms.sort());
    }
    const t = data(big, '/tags/index/t/') as IndexPageData;
    expect(t.head.title).toBe('Tags: T');
    expect(t.intro).toBe('Every tag whose name begins with T, by name: 25 tags.');
    expect(t.groups[0]!.links.slice(0, 3).map((l) => l.label)).toEqual(['topic-0', 'topic-1', 'topic-10']);
  });

  it('lists every source and tag on /sources/ and /tags/ when they fit, most articles first', () => {
    const tags = data(plan, '/tags/') as IndexPageData;
    expect(tags.groups).toHaveLength(1);
    expect(tags.groups[0]!.heading).toBeNull();
    const counts = tags.groups[0]!.links.map((l) => l.count!);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(tags.letters.length).toBeGreaterThan(0);
  });

  it('keeps the list of a letter page as it was when a term with another first letter comes', () => {
    const synthetic = syntheticSpecs(30, 5);
    const before = planSite(makeArchive(synthetic.articles, synthetic.speakers), OPTIONS);
    const extra: ArticleSpec = { id: 'extra', headline: 'Extra', date: '1999-01-01', source: 'Zeta Wire', tags: ['zoning'], paragraphs: ['Nothing said.'] };
    const after = planSite(makeArchive([...synthetic.articles, extra], synthetic.speakers), OPTIONS);
    const t = (p: SitePlan): IndexPageData => data(p, '/tags/index/t/') as IndexPageData;
    expect(t(after).groups).toEqual(t(before).groups);
    // Only the letter links grow: the new letter is linked from every letter page.
    expect(t(after).letters.map((l) => l.label)).toEqual([...t(before).letters.map((l) => l.label), 'Z']);
    expect((data(after, '/tags/index/z/') as IndexPageData).groups[0]!.links.map((l) => l.label)).toEqual(['zoning']);
    expect((data(after, '/sources/index/z/') as IndexPageData).groups[0]!.links.map((l) => l.label)).toEqual(['Zeta Wire']);
  });

  it('never gives a source or tag the reserved slug index, so its letter pages stay free', () => {
    const specs: ArticleSpec[] = [{ id: 'x', headline: 'X', date: '2025-01-01', source: 'Index', tags: ['index', 'Index!'], paragraphs: ['Nothing said.'] }];
    const urls = planSite(makeArchive(specs, []), OPTIONS).pages.map((p) => p.url);
    expect(urls).toContain('/tags/index/i/');
    expect(urls).toContain('/sources/index/i/');
    const terms = urls.filter((u) => /^\/(tags|sources)\/index[^/]*\/$/.test(u));
    expect(terms).toHaveLength(3);
    for (const url of terms) expect(url).toMatch(/^\/(tags|sources)\/index-[0-9a-f]{6}(-\d+)?\/$/);
  });

  it('keeps a tag or source URL when a later name with the same slug comes in', () => {
    const old: ArticleSpec = { id: 'old', headline: 'Old', date: '2024-03-01', source: 'the Wire', tags: ['us politics'], paragraphs: ['Nothing said.'] };
    const later: ArticleSpec = { id: 'later', headline: 'Later', date: '2025-01-01', source: 'The-Wire', tags: ['US-Politics'], paragraphs: ['Nothing said.'] };
    const heading = (p: SitePlan, url: string) => (data(p, url) as ListPageData).heading;
    const before = planSite(makeArchive([old], []), OPTIONS);
    // 'The-Wire' and 'US-Politics' sort before the older names, yet the older names keep their URLs
    const after = planSite(makeArchive([old, later], []), OPTIONS);
    for (const [url, name] of [['/sources/the-wire/', 'the Wire'], ['/tags/us-politics/', 'us politics']] as const) {
      expect(heading(before, url)).toContain(name);
      expect(heading(after, url)).toContain(name);
    }
    expect(after.pages.filter((p) => p.url.startsWith('/sources/the-wire')).length).toBe(2);
  });

  it('makes sources and tags that differ only in case or spacing one term, shown as most articles spell it', () => {
    const spec = (id: string, date: string, source: string, tags: string[]): ArticleSpec => ({ id, headline: `Story ${id}`, date, source, tags, paragraphs: ['Nothing said.'] });
    const specs = [
      spec('a', '2025-01-03', 'reuters', ['budget']),
      spec('b', '2025-01-02', 'Reuters', ['Budget', 'budget']),
      spec('c', '2025-01-01', 'REUTERS ', ['BUDGET']),
      spec('d', '2024-12-31', 'Reuters', ['Budget']),
    ];
    const urls = (p: SitePlan, base: string) => p.pages.map((x) => x.url).filter((u) => u.startsWith(base) && !u.startsWith(`${base}index/`) && u !== base);
    const site = planSite(makeArchive(specs, []), OPTIONS);
    expect(urls(site, '/sources/')).toEqual(['/sources/reuters/']);
    expect(urls(site, '/tags/')).toEqual(['/tags/budget/']);
    const source = data(site, '/sources/reuters/') as ListPageData;
    expect(source.items.map((i) => i.url).sort()).toEqual(['/articles/a/', '/articles/b/', '/articles/c/', '/articles/d/']);
    // 'Reuters' is the spelling of two articles; 'Budget' ties 'budget' (two each) and wins by its oldest article.
    expect(source.heading).toContain('Reuters');
    expect(source.items.map((i) => i.source)).toEqual(specs.map(() => ({ label: 'Reuters', url: '/sources/reuters/' })));
    const b = data(site, '/articles/b/') as ArticlePageData;
    expect(b.tags).toEqual([{ label: 'Budget', url: '/tags/budget/' }]);
    expect((data(site, '/tags/budget/') as ListPageData).items).toHaveLength(4);
    // The same seeds in another order name the terms the same.
    expect(planSite(makeArchive([...specs].reverse(), []), OPTIONS).pages.map((p) => p.key ?? p.url)).toEqual(site.pages.map((p) => p.key ?? p.url));
  });

  it('shows a summary derived from the lede only where the body is not (listings, meta), and says it is derived in the export', () => {
    const lede = 'The council met on Monday.';
    const specs: ArticleSpec[] = [
      { id: 'derived', headline: 'Derived', date: '2025-01-02', summary: [lede], summaryDerived: true, paragraphs: [`${lede} It voted.`] },
      { id: 'written', headline: 'Written', date: '2025-01-01', summary: ['A summary of its own.'], paragraphs: ['The body.'] },
    ];
    const site = planSite(makeArchive(specs, []), OPTIONS);
    const page = (url: string) => data(site, url) as ArticlePageData;
    expect(page('/articles/derived/').summary).toEqual([]);
    expect(page('/articles/derived/').head.description).toBe(lede);
    expect(page('/articles/written/').summary).toEqual(['A summary of its own.']);
    expect((data(site, '/') as ListPageData).items.map((i) => i.summary)).toEqual([lede, 'A summary of its own.']);
    expect(file(site, 'api/articles/derived.json')).toMatchObject({ summary: [lede], summaryDerived: true });
    expect(file(site, 'api/articles/written.json')).toMatchObject({ summaryDerived: false });
  });

  it('lists the letter pages of every index in the sitemap', () => {
    const sitemap = plan.files.find((f) => f.path === 'sitemap.xml')!.contents;
    for (const page of plan.pages.filter((p) => /^\/(speakers|sources|tags)\/index\/[^/]+\/$/.test(p.url))) {
      expect(sitemap, page.url).toContain(`<loc>https://news.example.org${page.url}</loc>`);
    }
    expect(sitemap).toContain('<loc>https://news.example.org/tags/index/u/</loc>');
  });

  it('names at most the five oldest other articles under a quote and counts the rest', () => {
    const specs = repeatedQuoteSpecs(9);
    const many = planSite(makeArchive(specs), OPTIONS);
    const newest = (data(many, '/articles/repeat-8/') as ArticlePageData).quotes[0]!;
    expect(newest.alsoReported.map((r) => r.source)).toEqual(['Outlet 0', 'Outlet 1', 'Outlet 2', 'Outlet 3', 'Outlet 4']);
    expect(newest.alsoReportedCount).toBe(8);
    expect(newest.firstReported?.source).toBe('Outlet 0');
    const oldest = (data(many, '/articles/repeat-0/') as ArticlePageData).quotes[0]!;
    expect(oldest.alsoReported).toHaveLength(5);
    expect(oldest.firstReported).toBeNull();
  });

  it('puts undated articles in their own listing and never gives them a date', () => {
    const undated = data(plan, '/dates/undated/') as ListPageData;
    expect(undated.items.map((i) => i.url)).toEqual(['/articles/markdown-undated/']);
    const article = data(plan, '/articles/markdown-undated/') as ArticlePageData;
    expect(article.date).toBeNull();
    expect(article.head.published).toBeNull();
    expect(article.dateUrl).toBe('/dates/undated/');
  });

  it('marks uncertain attributions and shows anonymous sources as unattributed', () => {
    const article = data(plan, '/articles/nato-chiefs/') as ArticlePageData;
    const [lavrov, anonymous, nato] = article.quotes;
    expect(lavrov!.by).toMatchObject({ status: 'named', name: 'Sergey Lavrov', url: '/speakers/sergey-lavrov/', uncertain: false });
    expect(anonymous!.by).toMatchObject({ status: 'anonymous', name: 'a senior official', url: null });
    expect(nato!.by).toMatchObject({ status: 'named', name: 'NATO', uncertain: true });
    expect(nato!.citation).toContain('NATO (attribution uncertain), quoted in');
    expect(article.unnamed).toEqual([{ name: 'a senior official', count: 1 }]);
    // Counted as quotes, but never as certain ones.
    expect(article.speakers.find((s) => s.label === 'NATO')).toMatchObject({ count: 1, uncertain: 1 });
    expect(article.speakers.find((s) => s.label === 'Sergey Lavrov')).toMatchObject({ uncertain: 0 });
    const page = data(plan, nato!.by.url!) as SpeakerPageData;
    expect(page.uncertainCount).toBe(page.quotes.filter((q) => q.uncertain).length);
    expect(page.uncertainCount).toBeGreaterThan(0);
  });

  it('writes a citation with speaker, headline, source, date and permalink', () => {
    const article = data(plan, '/articles/russia-dismisses-ukraine-security-talks/') as ArticlePageData;
    expect(article.quotes.find((q) => q.id === 'q3')!.citation).toBe(
      'Sergey Lavrov, quoted in “Russia Dismisses Ukraine Security Talks Without Its Involvement as ‘Road to Nowhere’”, Example Wire, 2025-08-20, https://news.example.org/articles/russia-dismisses-ukraine-security-talks/#q3',
    );
  });

  it('says where else a quotation appeared and when it first did', () => {
    const later = data(plan, '/articles/nato-chiefs/') as ArticlePageData;
    expect(later.quotes[0]!.alsoReported.map((r) => r.url)).toEqual(['/articles/russia-dismisses-ukraine-security-talks/#q3']);
    expect(later.quotes[0]!.firstReported).toMatchObject({ date: '2025-08-20', source: 'Example Wire' });
    const first = data(plan, '/articles/russia-dismisses-ukraine-security-talks/') as ArticlePageData;
    expect(first.quotes.find((q) => q.id === 'q3')!.firstReported).toBeNull();
  });

  it('gives each speaker page a month timeline with empty months filled in', () => {
    const lavrov = data(plan, '/speakers/sergey-lavrov/') as SpeakerPageData;
    expect(lavrov.timeline).toEqual([
      { month: '2025-06', count: 1 },
      { month: '2025-07', count: 0 },
      { month: '2025-08', count: 6 },
    ]);
    expect(lavrov.quotes[0]!.anchor).toBe('nato-chiefs-q1');
    expect(lavrov.head.jsonLd).toContain('"Person"');
  });

  // Fixed: a mistyped date (0001-01-01 beside 9999-12-31) filled the timeline with 119,988 months (a
  // 2,879,712 px wide chart), and a year below 1000 never matched its own month, so it counted 0.
  it('leaves out runs of more than 12 empty months, and counts quotes of years below 1000', () => {
    expect(MAX_TIMELINE_GAP).toBe(12);
    const dated = (dates: readonly string[]) =>
      (data(planSite(makeArchive(datedQuotes(dates)), OPTIONS), '/speakers/sergey-lavrov/') as SpeakerPageData).timeline;
    expect(dated(['0001-01-01', '2025-06-02', '9999-12-31', '0999-02-03'])).toEqual([
      { month: '0001-01', count: 1 },
      { month: '0999-02', count: 1 },
      { month: '2025-06', count: 1 },
      { month: '9999-12', count: 1 },
    ]);
    // up to 12 empty months in a row are drawn (11, then 12 here), 13 are not
    expect(dated(['2020-01-05', '2021-01-05']).map((m) => m.month)).toEqual(['2020-01', ...Array.from({ length: 11 }, (_, i) => `2020-${String(i + 2).padStart(2, '0')}`), '2021-01']);
    expect(dated(['2020-01-05', '2021-03-05']).map((m) => m.month)).toEqual(['2020-01', '2021-03']);
    expect(dated(['2020-12-05', '2022-01-05'])).toHaveLength(14);
  });

  it('uses absolute canonical URLs from baseUrl', () => {
    for (const page of plan.pages) expect((page.data as PageData).head.canonical).toBe(`https://news.example.org${page.url}`);
  });
});

describe('planSite pagination stability', () => {
  const base = syntheticSpecs(30, 3);
  const urlsOf = (specs: readonly ArticleSpec[]): Map<string, string[]> => {
    const p = planSite(makeArchive(specs, base.speakers), { ...OPTIONS, pageSize: 4, speakerPageSize: 3 });
    return new Map(p.pages.filter((x) => x.template === 'list' || x.template === 'speaker').map((x) => {
      const d = x.data as ListPageData | SpeakerPageData;
      return [x.url, d.kind === 'list' ? d.items.map((i) => i.url) : d.quotes.map((q) => q.url)];
    }));
  };
  const before = urlsOf(base.articles);

  it('keeps every numbered page and its items when a newer article is added', () => {
    const newer: ArticleSpec = { ...base.articles[0]!, id: 'newest', date: '2026-01-05', quotes: base.articles[0]!.quotes! };
    const after = urlsOf([newer, ...base.articles]);
    for (const [url, items] of before) {
      if (!url.includes('/page/')) continue;
      expect(after.get(url), url).toEqual(items);
    }
  });

  /** Every page's whole data, by URL, as a rebuild fingerprints it. */
  const dataOf = (specs: readonly ArticleSpec[]): Map<string, string> =>
    new Map(planSite(makeArchive(specs, base.speakers), { ...OPTIONS, pageSize: 4, speakerPageSize: 3 }).pages.map((x) => [x.url, JSON.stringify(x.data)]));
  /** Numbered pages of `before` that are more than two pages below the newest numbered page of their list. */
  const settled = (pages: Map<string, string>): string[] => {
    const newest = new Map<string, number>();
    for (const url of pages.keys()) {
      const m = /^(.*\/)page\/(\d+)\/$/.exec(url);
      if (m) newest.set(m[1]!, Math.max(newest.get(m[1]!) ?? 0, Number(m[2])));
    }
    return [...pages.keys()].filter((url) => {
      const m = /^(.*\/)page\/(\d+)\/$/.exec(url);
      return m !== null && Number(m[2]) < newest.get(m[1]!)! - 2;
    });
  };

  it('does not change a settled numbered page at all (navigation, counts, description) when a newer article is added', () => {
    const beforeData = dataOf(base.articles);
    const newer: ArticleSpec = { ...base.articles[0]!, id: 'newest', date: '2026-01-05', quotes: base.articles[0]!.quotes! };
    const afterData = dataOf([newer, ...base.articles]);
    const urls = settled(beforeData);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.some((u) => u.startsWith('/speakers/'))).toBe(true);
    for (const url of urls) expect(afterData.get(url), url).toBe(beforeData.get(url));
  });

  it('does not change any numbered home page when an undated article is added', () => {
    const undated = (id: string, from: ArticleSpec): ArticleSpec => ({ ...from, id, date: null, quotes: from.quotes! });
    const start = [...base.articles, undated('b-undated', base.articles[3]!)];
    const beforeData = dataOf(start);
    // Before and after the one already there, in the undated articles' order (by id).
    const afterData = dataOf([...start, undated('a-undated', base.articles[4]!), undated('c-undated', base.articles[5]!)]);
    const home = [...beforeData.keys()].filter((u) => u.startsWith('/page/'));
    expect(home.length).toBeGreaterThan(3);
    for (const url of home) expect(afterData.get(url), url).toBe(beforeData.get(url));
  });

  it('never removes a page URL when an older article is added', () => {
    const older: ArticleSpec = { ...base.articles[0]!, id: 'oldest', date: '1999-01-01', quotes: base.articles[0]!.quotes! };
    const after = urlsOf([...base.articles, older]);
    for (const url of before.keys()) expect(after.has(url), url).toBe(true);
  });
});

describe('planSite JSON export', () => {
  it('writes api/index.json with the documented keys', () => {
    const index = file(plan, 'api/index.json') as { articles: object[]; speakers: object[] };
    expect(Object.keys(index)).toEqual(['articles', 'speakers']);
    expect(Object.keys(index.articles[0]!)).toEqual(['id', 'slug', 'url', 'headline', 'date']);
    expect(Object.keys(index.speakers[0]!)).toEqual(['id', 'slug', 'url', 'name', 'type', 'quoteCount']);
    expect(index.articles).toHaveLength(ARTICLES.length);
  });

  it('writes one file per article with quotes, offsets and confidence', () => {
    const article = file(plan, 'api/articles/nato-chiefs.json') as Record<string, unknown> & { quotes: Record<string, unknown>[]; paragraphs: string[] };
    expect(Object.keys(article)).toEqual(['id', 'slug', 'url', 'headline', 'summary', 'summaryDerived', 'date', 'source', 'author', 'tags', 'paragraphs', 'quotes']);
    const quote = article.quotes[0]!;
    expect(Object.keys(quote)).toEqual(['id', 'text', 'kind', 'in', 'paragraph', 'start', 'end', 'cue', 'speaker', 'confidence']);
    expect(article.paragraphs[quote.paragraph as number]!.slice(quote.start as number, quote.end as number)).toBe(quote.text);
    expect(quote.speaker).toEqual({ id: 'sergey-lavrov', name: 'Sergey Lavrov', type: 'person' });
    expect(article.quotes[1]!.speaker).toBeNull();
    expect(article.quotes[2]!.confidence).toBe(0.4);
  });

  it('writes one file per speaker with their quotes', () => {
    const speaker = file(plan, 'api/speakers/sergey-lavrov.json') as Record<string, unknown> & { quotes: Record<string, unknown>[] };
    expect(Object.keys(speaker)).toEqual(['id', 'slug', 'url', 'name', 'type', 'roles', 'aliases', 'quotes']);
    expect(Object.keys(speaker.quotes[0]!)).toEqual(['articleId', 'quoteId', 'text', 'date', 'url', 'confidence']);
    expect(speaker.quotes).toHaveLength(7);
  });

  it('includes the feeds, the sitemap and robots.txt, and lists no noindex page in the sitemap', () => {
    const paths = plan.files.map((f) => f.path);
    for (const path of ['feed.xml', 'feed.json', 'speakers/sergey-lavrov/feed.xml', 'sitemap.xml', 'robots.txt']) expect(paths).toContain(path);
    const sitemap = plan.files.find((f) => f.path === 'sitemap.xml')!.contents;
    expect(sitemap).toContain('https://news.example.org/articles/hostile/');
    expect(sitemap).not.toContain('404.html');
    expect(sitemap).not.toContain('/search/');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(planSite(makeArchive(), { ...OPTIONS, pageSize: 2 }))).toBe(JSON.stringify(plan));
  });
});
