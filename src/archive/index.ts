/**
 * The `archive` stage: all attributed articles → one archive with unique, stable slugs,
 * archive-wide speakers, display order and the cross-article links (related articles,
 * "also reported by", "quoted alongside").
 *
 * Pure: the same articles (in any order) and directory give the same archive.
 */
import { message } from '../messages.ts';
import { mergeSpeakers } from '../speakers/merge.ts';
import type {
  Archive,
  ArchiveArticle,
  ArchiveQuote,
  ArchiveSpeaker,
  ArticleRef,
  AttributedArticle,
  Message,
  SpeakerDirectory,
  SpeakerQuote,
} from '../types.ts';
import { assignSlugs, shortHash, slugify } from './slug.ts';

export { slugify, assignSlugs, RESERVED_SLUGS, shortHash } from './slug.ts';

export interface ArchiveOptions {
  /** The editor's speaker decisions (`seeds/speakers.yml`). */
  readonly directory?: SpeakerDirectory;
}

export type { MergedSpeaker } from '../speakers/merge.ts';

/** Sort key: dated articles newest first, then undated; ties by id. */
export function compareArticles(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Words of a quote, normalised for "same quotation" matching. */
function quoteKey(text: string): string {
  return (text.toLowerCase().normalize('NFKC').replace(/[’']/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Quotes shorter than this many words are too common to call "the same quotation". */
const MIN_WORDS_FOR_ALSO_REPORTED = 6;
const MAX_RELATED = 5;
const MAX_ALONGSIDE = 10;

function ref(article: { id: string; url: string; headline: { text: string }; date: string | null; source: string | null }, quoteId?: string): ArticleRef {
  const base = { id: article.id, url: article.url, headline: article.headline.text, date: article.date, source: article.source };
  return quoteId === undefined ? base : { ...base, quoteId };
}

/**
 * Seeds in different folders may share a file name, and so an id. The first by path keeps it;
 * each other gets `<id>-<shortHash(path)>`, so every article has its own id, slug and page, and
 * an `archive:id-collision` warning names both files.
 */
function uniqueIds(articles: readonly AttributedArticle[]): { readonly articles: AttributedArticle[]; readonly messages: Message[] } {
  const byPath = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const taken = new Set(articles.map((a) => a.id));
  const keeper = new Map<string, string>(); // id → the path of the article that keeps it
  const messages: Message[] = [];
  const unique = byPath.map((article) => {
    const first = keeper.get(article.id);
    if (first === undefined) {
      keeper.set(article.id, article.path);
      return article;
    }
    let id = `${article.id}-${shortHash(article.path)}`;
    for (let n = 2; taken.has(id); n++) id = `${article.id}-${shortHash(article.path)}-${n}`;
    taken.add(id);
    keeper.set(id, article.path);
    messages.push(message('archive:id-collision', { file: article.path }, { a: first, b: article.path, id: article.id, given: id }));
    return { ...article, id };
  });
  return { articles: unique, messages };
}

/**
 * The first `k` of `items` in the order `compare` gives (a total order), as `sort` then `slice`
 * would give them, without sorting them all: an article that shares a speaker such as a
 * president with most of the archive has thousands of candidates for its few related articles.
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1]!) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Build the archive from every published article.
 *
 * @example
 *   const archive = buildArchive(records, { directory })
 *   archive.articles[0].url // '/articles/newest-headline/'
 */
export function buildArchive(articles: readonly AttributedArticle[], options: ArchiveOptions = {}): Archive {
  const ids = uniqueIds(articles);
  const messages: Message[] = [...ids.messages];
  const byId = ids.articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Byte-identical seeds: both are published, and the editor is told.
  const firstByHash = new Map<string, AttributedArticle>();
  for (const article of byId) {
    const other = firstByHash.get(article.hash);
    if (other) messages.push(message('archive:duplicate', { file: article.path }, { other: other.path }));
    else firstByHash.set(article.hash, article);
  }

  // Article slugs: the earliest-dated claimant keeps the plain slug, so new articles never rename old ones.
  const grants = assignSlugs(
    byId.map((a) => ({ id: a.id, wanted: a.requestedSlug ?? slugify(a.headline.text), rank: `${a.date ?? '9999-99-99'}` })),
    'article',
  );
  const pathOf = new Map(byId.map((a) => [a.id, a.path]));
  const urlOf = new Map<string, { slug: string; url: string }>();
  for (const article of byId) {
    const grant = grants.get(article.id);
    if (!grant) throw new Error(`no slug granted for ${article.id}`);
    urlOf.set(article.id, { slug: grant.slug, url: `/articles/${grant.slug}/` });
    if (grant.collidedWith !== null) {
      messages.push(
        message('archive:slug-collision', { file: article.path, line: article.headline.line || 1 }, {
          a: pathOf.get(grant.collidedWith) ?? grant.collidedWith,
          b: article.path,
          slug: grants.get(grant.collidedWith)?.slug ?? '',
          given: grant.slug,
        }),
      );
    }
  }

  // Archive-wide speakers.
  const merge = mergeSpeakers(byId, options.directory ?? { speakers: [] });
  messages.push(...merge.messages);
  // A slug the editor gave in speakers.yml wins over one made from a name, and the speaker it
  // displaces is named in a warning.
  const speakerGrants = assignSlugs(
    merge.speakers.map((s) => ({ id: s.id, wanted: slugify(s.slug ?? s.name), rank: s.slug === undefined ? '1' : '0' })),
    'speaker',
  );
  const mergedById = new Map(merge.speakers.map((s) => [s.id, s]));
  for (const grant of speakerGrants.values()) {
    const winner = grant.collidedWith === null ? undefined : mergedById.get(grant.collidedWith);
    const entry = winner?.slug === undefined ? undefined : options.directory?.speakers.find((e) => e.slug === winner.slug);
    if (winner === undefined || entry === undefined || mergedById.get(grant.id)?.type === 'anonymous') continue;
    messages.push(
      message('speakers:slug-taken', { file: options.directory?.file ?? 'speakers.yml', line: entry.line ?? 1 }, {
        name: winner.name,
        slug: winner.slug!,
        other: mergedById.get(grant.id)!.name,
        given: grant.slug,
      }),
    );
  }
  const speakerSlug = (id: string): string => speakerGrants.get(id)?.slug ?? id;

  // Articles with linked quotes (cross-article links filled in below).
  const sorted = [...byId].sort(compareArticles);
  const alsoIndex = new Map<string, { articleId: string; quoteId: string; date: string | null }[]>();
  const draft = sorted.map((article) => {
    const { slug, url } = urlOf.get(article.id)!;
    const quotes = article.quotes.map((quote) => {
      const merged = quote.speakerKey === null ? null : merge.lookup(article.id, quote.speakerKey);
      const speaker = merged && merged.type !== 'anonymous'
        ? { id: speakerSlug(merged.id), name: merged.name, type: merged.type }
        : null;
      const key = quoteKey(quote.text);
      if (key.split(' ').length >= MIN_WORDS_FOR_ALSO_REPORTED) {
        const list = alsoIndex.get(key) ?? [];
        list.push({ articleId: article.id, quoteId: quote.id, date: article.date });
        alsoIndex.set(key, list);
      }
      return { ...quote, speaker, key };
    });
    return { ...article, slug, url, quotes };
  });
  const draftById = new Map(draft.map((a) => [a.id, a]));

  const alsoReportedFor = (articleId: string, key: string): ArticleRef[] => {
    const list = alsoIndex.get(key);
    if (!list || list.length < 2) return [];
    const seen = new Set<string>([articleId]);
    const refs: ArticleRef[] = [];
    const oldestFirst = [...list].sort((a, b) => -compareArticles(a.date === null ? { date: null, id: a.articleId } : { date: a.date, id: a.articleId }, b.date === null ? { date: null, id: b.articleId } : { date: b.date, id: b.articleId }));
    for (const hit of oldestFirst) {
      if (seen.has(hit.articleId)) continue;
      seen.add(hit.articleId);
      refs.push(ref(draftById.get(hit.articleId)!, hit.quoteId));
    }
    return refs;
  };

  // Speaker → articles, for related articles and quoted-alongside.
  const articlesBySpeaker = new Map<string, Set<string>>();
  for (const article of draft) {
    for (const q of article.quotes) {
      if (!q.speaker) continue;
      const set = articlesBySpeaker.get(q.speaker.id) ?? new Set<string>();
      set.add(article.id);
      articlesBySpeaker.set(q.speaker.id, set);
    }
  }

  const finalArticles: ArchiveArticle[] = draft.map((article) => {
    const speakerIds = new Set(article.quotes.flatMap((q) => (q.speaker ? [q.speaker.id] : [])));
    const shared = new Map<string, number>();
    for (const sid of speakerIds) {
      for (const other of articlesBySpeaker.get(sid) ?? []) {
        if (other !== article.id) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const related = topK(shared, MAX_RELATED, (a, b) => b[1] - a[1] || compareArticles(draftById.get(a[0])!, draftById.get(b[0])!)).map(([id]) =>
      ref(draftById.get(id)!),
    );
    const quotes: ArchiveQuote[] = article.quotes.map(({ key, ...quote }) => ({ ...quote, alsoReported: alsoReportedFor(article.id, key) }));
    return { ...article, quotes, related };
  });

  // Speaker pages: every quote, newest first, with its context.
  const quotesBySpeaker = new Map<string, SpeakerQuote[]>();
  const coSpeakers = new Map<string, Map<string, number>>();
  for (const article of finalArticles) {
    const ids = new Set<string>();
    for (const q of article.quotes) {
      if (!q.speaker) continue;
      ids.add(q.speaker.id);
      const list = quotesBySpeaker.get(q.speaker.id) ?? [];
      list.push({
        articleId: article.id,
        quoteId: q.id,
        text: q.text,
        kind: q.kind,
        date: article.date,
        url: `${article.url}#${q.id}`,
        headline: article.headline.text,
        source: article.source,
        context: q.context,
        confidence: q.confidence,
        alsoReported: q.alsoReported,
      });
      quotesBySpeaker.set(q.speaker.id, list);
    }
    for (const a of ids) {
      const counts = coSpeakers.get(a) ?? new Map<string, number>();
      for (const b of ids) if (a !== b) counts.set(b, (counts.get(b) ?? 0) + 1);
      coSpeakers.set(a, counts);
    }
  }

  const nameOf = new Map<string, string>();
  for (const s of merge.speakers) nameOf.set(speakerSlug(s.id), s.name);
  const speakers: ArchiveSpeaker[] = [];
  for (const s of merge.speakers) {
    if (s.type === 'anonymous') continue;
    const slug = speakerSlug(s.id);
    const quotes = quotesBySpeaker.get(slug) ?? [];
    if (quotes.length === 0) continue;
    const alongside = [...(coSpeakers.get(slug) ?? new Map<string, number>())]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_ALONGSIDE)
      .map(([id, count]) => ({ id, name: nameOf.get(id) ?? id, url: `/speakers/${id}/`, count }));
    speakers.push({
      id: slug,
      slug,
      url: `/speakers/${slug}/`,
      name: s.name,
      type: s.type,
      roles: s.roles,
      aliases: s.aliases,
      description: s.description,
      quotes,
      alongside,
    });
  }
  speakers.sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));

  for (const article of finalArticles) {
    if (article.date === null) messages.push(message('archive:undated', { file: article.path }));
  }
  return { articles: finalArticles, speakers, messages };
}
