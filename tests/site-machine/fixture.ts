/**
 * A hand-built `Archive` for the machine-file tests: three dated articles, one undated one,
 * hostile text in every field that reaches a feed, the sitemap or JSON-LD, and speakers of
 * every schema.org kind.
 */
import type { Archive, ArchiveArticle, ArchiveQuote, ArchiveSpeaker, SpeakerQuote, SpeakerType } from '../../src/types.ts';
import type { SiteFile, SiteOptions } from '../../src/site/types.ts';

/** Every trap from issue 6, item 13, in one string. */
export const HOSTILE =
  '<script>alert(1)</script> "><img src=x onerror=alert(2)> </title> </script> javascript:alert(3) {{7*7}} {% include "x" %} a\u2028b\u2029c \u202Eevil & \'q\'';

/** Characters XML 1.0 forbids (NUL, BEL, VT, DEL, a C1 control, U+FFFE, a lone surrogate) around plain words. */
export const CONTROL = 'Bell\u0007 nul\u0000 vt\u000B del\u007F c1\u0085 fffe\uFFFE lone\uD800 end';
/** `CONTROL` as it must come out of an XML file: those that break lines (VT, NEL) a space, the others dropped, nothing else changed. */
export const CONTROL_IN_XML = 'Bell nul vt  del c1  fffe lone end';

export const OPTIONS: SiteOptions = { baseUrl: 'https://news.example.org', buildDate: null, title: 'Verbatim & <Co>' };

interface QuoteInput {
  readonly id: string;
  readonly text: string;
  readonly speaker: { readonly id: string; readonly name: string; readonly type: SpeakerType } | null;
  readonly confidence?: number;
}

function quote(input: QuoteInput): ArchiveQuote {
  return {
    in: 'body',
    paragraph: 0,
    start: 0,
    end: input.text.length,
    id: input.id,
    text: input.text,
    kind: 'direct',
    cue: 'said',
    mention: null,
    group: null,
    speakerKey: input.speaker === null ? null : 's1',
    confidence: input.confidence ?? 0.9,
    speaker: input.speaker,
    context: `“${input.text}”, they said.`,
    alsoReported: [],
  };
}

interface ArticleInput {
  readonly slug: string;
  readonly headline: string;
  readonly date: string | null;
  readonly source?: string | null;
  readonly author?: string | null;
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly quotes?: readonly ArchiveQuote[];
}

function article(input: ArticleInput): ArchiveArticle {
  const summary = input.summary ?? `Summary of ${input.headline}`;
  return {
    id: input.slug,
    path: `seeds/${input.slug}.txt`,
    format: 'txt',
    hash: '0'.repeat(64),
    messages: [],
    headline: { text: input.headline, line: 1 },
    summary: [{ text: summary, line: 3 }],
    summaryDerived: false,
    paragraphs: [{ text: `First paragraph of ${input.headline}.`, line: 5 }, { text: 'Second paragraph.', line: 7 }],
    date: input.date,
    source: input.source ?? null,
    author: input.author ?? null,
    tags: input.tags ?? [],
    requestedSlug: null,
    speakers: [],
    slug: input.slug,
    url: `/articles/${input.slug}/`,
    quotes: input.quotes ?? [],
    related: [],
  };
}

export const LAVROV = { id: 'sergey-lavrov', name: 'Sergey Lavrov', type: 'person' } as const;
export const KREMLIN = { id: 'kremlin', name: 'The Kremlin', type: 'organization' } as const;
export const HOSTILE_SPEAKER = { id: 'hostile', name: `Mx ${HOSTILE}`, type: 'person' } as const;

export const ARTICLES: readonly ArchiveArticle[] = [
  article({
    slug: 'hostile-headline',
    headline: `Headline ${HOSTILE}`,
    date: '2016-10-07',
    source: `Source ${HOSTILE}`,
    author: `Author ${HOSTILE}`,
    tags: [`tag ${HOSTILE}`, 'politics'],
    summary: `Summary ${HOSTILE}`,
    quotes: [quote({ id: 'q1', text: `Quote ${HOSTILE}`, speaker: HOSTILE_SPEAKER })],
  }),
  article({
    slug: 'russia-dismisses-ukraine',
    headline: 'Russia dismisses Ukraine claims',
    date: '2016-10-05',
    source: 'Reuters',
    author: 'Ann Lee',
    tags: ['russia'],
    quotes: [
      quote({ id: 'q1', text: 'We have nothing to do with it.', speaker: LAVROV }),
      quote({ id: 'q2', text: 'The claims are baseless.', speaker: KREMLIN }),
      quote({ id: 'q3', text: 'Perhaps it was him.', speaker: LAVROV, confidence: 0.3 }),
      quote({ id: 'q4', text: 'Nobody knows.', speaker: null }),
      quote({ id: 'q5', text: 'It is all lies.', speaker: { id: 'a-senior-official', name: 'a senior official', type: 'anonymous' } }),
    ],
  }),
  article({ slug: '東京で会議', headline: '東京で会議', date: '2016-09-30', source: 'NHK' }),
  article({ slug: 'control-characters', headline: CONTROL, date: '2016-09-01', source: CONTROL, tags: [CONTROL] }),
  article({
    slug: 'undated-notes',
    headline: 'Undated notes',
    date: null,
    quotes: [quote({ id: 'q1', text: 'No date here.', speaker: LAVROV })],
  }),
];

function speakerQuote(from: ArchiveArticle, q: ArchiveQuote): SpeakerQuote {
  return {
    articleId: from.id,
    quoteId: q.id,
    text: q.text,
    kind: q.kind,
    date: from.date,
    url: `${from.url}#${q.id}`,
    headline: from.headline.text,
    source: from.source,
    context: q.context,
    confidence: q.confidence,
    alsoReported: [],
  };
}

function speaker(who: { readonly id: string; readonly name: string; readonly type: SpeakerType }, extra: Partial<ArchiveSpeaker> = {}): ArchiveSpeaker {
  const quotes = ARTICLES.flatMap((a) => a.quotes.filter((q) => q.speaker?.id === who.id).map((q) => speakerQuote(a, q)));
  return {
    id: who.id,
    slug: who.id,
    url: `/speakers/${who.id}/`,
    name: who.name,
    type: who.type,
    roles: [],
    aliases: [],
    description: null,
    quotes,
    alongside: [],
    ...extra,
  };
}

export const SPEAKERS: readonly ArchiveSpeaker[] = [
  speaker(LAVROV, { roles: ['Foreign Minister'], aliases: ['Lavrov', 'Mr. Lavrov'], description: 'Russian foreign minister.' }),
  speaker(KREMLIN, { roles: ['Presidential administration'], aliases: ['Moscow'] }),
  speaker(HOSTILE_SPEAKER, { roles: [`Role ${HOSTILE}`], aliases: [`Alias ${HOSTILE}`], description: `Description ${HOSTILE}` }),
];

export const ARCHIVE: Archive = { articles: ARTICLES, speakers: SPEAKERS, messages: [] };

/** Find an article or speaker of the fixture by slug, failing loudly. */
export function articleBySlug(slug: string): ArchiveArticle {
  const found = ARTICLES.find((a) => a.slug === slug);
  if (found === undefined) throw new Error(`no fixture article ${slug}`);
  return found;
}

export function speakerBySlug(slug: string): ArchiveSpeaker {
  const found = SPEAKERS.find((s) => s.slug === slug);
  if (found === undefined) throw new Error(`no fixture speaker ${slug}`);
  return found;
}

/** The contents of the file at `path`, failing loudly with the paths there are. */
export function fileAt(files: readonly SiteFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no file ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.contents;
}
