/**
 * A hand-built `Archive` for the site tests: the sample seed, a follow-up that repeats a quote
 * (also reported by), an anonymous source, an uncertain attribution, an undated Markdown
 * article, and an article full of hostile text. `makeArchive` derives what the archive stage
 * would (slugs, URLs, speakers, also-reported, related, alongside) in the simplest way.
 */
import type {
  Archive,
  ArchiveArticle,
  ArchiveQuote,
  ArchiveSpeaker,
  ArticleRef,
  ArticleSpeaker,
  Paragraph,
  Part,
  QuoteKind,
  SpeakerType,
} from '../../src/types.ts';
import type { PlanOptions } from '../../src/site/index.ts';

/** Every hostile string of issue 6, item 13. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(2)>',
  title: '</title><b>t</b>',
  endScript: '</script><script>alert(3)</script>',
  js: 'javascript:alert(4)',
  nunjucks: '{{7*7}}',
  liquid: '{% include "secret" %}',
  lineSep: 'a\u2028b',
  rlo: 'x\u202Ey',
} as const;

const ALL_HOSTILE = Object.values(HOSTILE).join(' ');

export interface QuoteSpec {
  readonly in?: Part;
  readonly paragraph?: number;
  /** The words inside the quotation marks; located in the part by `indexOf`. */
  readonly text: string;
  /** Speaker id, `{ anonymous }` for an unnamed source, or null. */
  readonly speaker: string | { readonly anonymous: string } | null;
  readonly confidence?: number;
  readonly kind?: QuoteKind;
  readonly group?: string;
}

export interface ArticleSpec {
  readonly id: string;
  readonly headline: string;
  readonly date: string | null;
  readonly source?: string | null;
  readonly author?: string | null;
  readonly tags?: readonly string[];
  readonly summary?: readonly string[];
  /** The summary was derived from the lede (its first sentence). */
  readonly summaryDerived?: boolean;
  readonly paragraphs: readonly (string | Paragraph)[];
  readonly quotes?: readonly QuoteSpec[];
}

export interface SpeakerSpec {
  readonly id: string;
  readonly name: string;
  readonly type: SpeakerType;
  readonly roles?: readonly string[];
  readonly description?: string;
}

export const SPEAKERS: readonly SpeakerSpec[] = [
  { id: 'sergey-lavrov', name: 'Sergey Lavrov', type: 'person', roles: ['Foreign Minister'], description: 'Russia’s foreign minister since 2004.' },
  { id: 'russia', name: 'Russia', type: 'country' },
  { id: 'poland', name: 'Poland', type: 'country' },
  { id: 'nato', name: 'NATO', type: 'organization' },
  { id: 'evil', name: `Evil ${ALL_HOSTILE}`, type: 'person', roles: [HOSTILE.script], description: ALL_HOSTILE },
];

const SAMPLE_BODY = [
  'Russia has warned that efforts by the United States and European allies to discuss security guarantees for Ukraine without Moscow’s participation are futile, describing them as a “road to nowhere.”',
  'Foreign Minister Sergey Lavrov, speaking on Wednesday, insisted that Russia cannot be sidelined in negotiations aimed at shaping Europe’s security framework. “We cannot agree with proposals to resolve questions of collective security without the Russian Federation. This will not work,” he said.',
  'Lavrov argued that Washington and its allies know well that ignoring Moscow’s role in security talks would be unrealistic. “The West, particularly the United States, understands perfectly well that seriously discussing security issues without the Russian Federation is a utopia; it’s a road to nowhere,” he added.',
  'His remarks came just days after US President Donald Trump hosted Ukrainian President Volodymyr Zelenskyy and several European leaders at the White House, followed by a separate meeting with Russian President Vladimir Putin in Alaska. Trump has been pushing for a possible settlement to the conflict, which has now dragged on for more than three years since Russia’s invasion of Ukraine.',
  'Lavrov cautioned that any direct summit between Putin and Zelenskyy must be “prepared in the most meticulous way” to prevent worsening the crisis. He accused European leaders of making “clumsy attempts” to sway Trump’s position on Ukraine, claiming their meeting yielded “no constructive ideas.”',
  'Meanwhile, NATO military chiefs met on Wednesday to discuss potential security guarantees for Kyiv. A coalition of 30 countries, including European states, Japan, and Australia, is reportedly working on proposals to support a future peace arrangement.',
  'While Trump has ruled out deploying US forces to Ukraine, Moscow has repeatedly made clear that it would reject any NATO presence in the country.',
  'Tensions remain high as regional incidents continue to fuel unease. Poland reported on Wednesday that an object resembling a Russian-made Shahed drone had landed in a cornfield in its eastern territory, describing the event as a deliberate “provocation” amid ongoing peace deliberations.',
];

const WE_CANNOT = 'We cannot agree with proposals to resolve questions of collective security without the Russian Federation. This will not work,';

/** The sample seed as the pipeline should see it, plus four more articles. */
export const ARTICLES: readonly ArticleSpec[] = [
  {
    id: '000_4214a0f614e41956',
    headline: 'Russia Dismisses Ukraine Security Talks Without Its Involvement as ‘Road to Nowhere’',
    date: '2025-08-20',
    source: 'Example Wire',
    author: 'Staff Reporter',
    tags: ['Ukraine', 'Russia'],
    summary: [
      'Russia says Western efforts to discuss Ukraine’s security without its input are doomed to fail.',
      'Foreign Minister Sergey Lavrov insisted Moscow must be included in any meaningful peace negotiations.',
    ],
    paragraphs: SAMPLE_BODY,
    quotes: [
      { in: 'headline', text: 'Road to Nowhere', speaker: 'russia', kind: 'partial' },
      { paragraph: 0, text: 'road to nowhere.', speaker: 'russia', kind: 'partial' },
      { paragraph: 1, text: WE_CANNOT, speaker: 'sergey-lavrov' },
      { paragraph: 2, text: 'The West, particularly the United States, understands perfectly well that seriously discussing security issues without the Russian Federation is a utopia; it’s a road to nowhere,', speaker: 'sergey-lavrov' },
      { paragraph: 4, text: 'prepared in the most meticulous way', speaker: 'sergey-lavrov', kind: 'partial' },
      { paragraph: 4, text: 'clumsy attempts', speaker: 'sergey-lavrov', kind: 'partial' },
      { paragraph: 4, text: 'no constructive ideas.', speaker: 'sergey-lavrov', kind: 'partial' },
      { paragraph: 7, text: 'provocation', speaker: 'poland', kind: 'partial' },
    ],
  },
  {
    id: 'nato-chiefs',
    headline: 'NATO chiefs weigh guarantees as Moscow repeats warning',
    date: '2025-08-21',
    source: 'Daily Planet',
    author: null,
    tags: ['NATO', 'Ukraine'],
    summary: ['Military chiefs met as Russia restated its position.'],
    paragraphs: [
      `Lavrov repeated on Thursday: “${WE_CANNOT}” he told reporters.`,
      'A senior official said the talks were “premature at best,” declining to be named.',
      'The alliance was thought to consider the idea “a serious option,” one diplomat suggested.',
    ],
    quotes: [
      { paragraph: 0, text: WE_CANNOT, speaker: 'sergey-lavrov' },
      { paragraph: 1, text: 'premature at best,', speaker: { anonymous: 'a senior official' } },
      { paragraph: 2, text: 'a serious option,', speaker: 'nato', confidence: 0.4, kind: 'partial' },
    ],
  },
  {
    id: 'early-warning',
    headline: 'Lavrov sets out conditions',
    date: '2025-06-02',
    source: 'Example Wire',
    tags: ['Russia'],
    summary: [],
    paragraphs: ['Lavrov said the West must “listen to Moscow for once” before any talks.', 'A second paragraph with “an unattributed phrase” in it.'],
    quotes: [
      { paragraph: 0, text: 'listen to Moscow for once', speaker: 'sergey-lavrov', kind: 'partial' },
      { paragraph: 1, text: 'an unattributed phrase', speaker: null, confidence: 0 },
    ],
  },
  {
    id: 'markdown-undated',
    headline: 'Poland reports a drone in a field',
    date: null,
    source: null,
    tags: [],
    summary: ['An object was found in the east.'],
    paragraphs: [
      {
        text: 'Officials called it “a deliberate provocation & a test” of the alliance, see the report.',
        line: 5,
        html: '<p>Officials called it “a deliberate <em>provocation</em> &#x26; a test” of the alliance, see <a href="https://example.org/report" title="R&#x26;D">the report</a>.</p>',
      },
      { text: 'A plain paragraph.', line: 7, html: '<p>A plain paragraph.</p>' },
    ],
    quotes: [{ paragraph: 0, text: 'a deliberate provocation & a test', speaker: 'poland' }],
  },
  {
    id: 'hostile',
    headline: `Hostile ${ALL_HOSTILE} “${HOSTILE.script}”`,
    date: '2024-12-31',
    source: `Source ${HOSTILE.js} ${HOSTILE.img}`,
    author: `Author ${HOSTILE.endScript} ${HOSTILE.title}`,
    tags: [`tag ${HOSTILE.script}`, HOSTILE.js, HOSTILE.nunjucks, HOSTILE.liquid],
    summary: [`Summary ${ALL_HOSTILE}`],
    paragraphs: [`Body ${ALL_HOSTILE}, and Evil said “${ALL_HOSTILE}” loudly.`],
    quotes: [
      { in: 'headline', text: HOSTILE.script, speaker: 'evil' },
      { paragraph: 0, text: ALL_HOSTILE, speaker: 'evil' },
    ],
  },
];

function slugOf(id: string): string {
  return id === '000_4214a0f614e41956' ? 'russia-dismisses-ukraine-security-talks' : id;
}

function compare(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : 1;
}

function norm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Build an archive from specs (default: {@link ARTICLES}) the way the archive stage would. */
export function makeArchive(specs: readonly ArticleSpec[] = ARTICLES, speakerSpecs: readonly SpeakerSpec[] = SPEAKERS): Archive {
  const byId = new Map(speakerSpecs.map((s) => [s.id, s]));
  const sorted = [...specs].sort(compare);
  const drafts = sorted.map((spec) => {
    const paragraphs: Paragraph[] = spec.paragraphs.map((p, i) => (typeof p === 'string' ? { text: p, line: i + 4 } : p));
    const summary = (spec.summary ?? []).map((text, i) => ({ text, line: i + 2 }));
    const speakers: ArticleSpeaker[] = [];
    const keyFor = (who: QuoteSpec['speaker']): string | null => {
      if (who === null) return null;
      const name = typeof who === 'string' ? byId.get(who)!.name : who.anonymous;
      const found = speakers.find((s) => s.name === name);
      if (found) return found.key;
      const spec = typeof who === 'string' ? byId.get(who)! : null;
      speakers.push({ key: `s${speakers.length + 1}`, name, type: spec ? spec.type : 'anonymous', roles: spec?.roles ?? [], aliases: [] });
      return `s${speakers.length}`;
    };
    const url = `/articles/${slugOf(spec.id)}/`;
    const quotes = (spec.quotes ?? []).map((q, i) => {
      const part = q.in ?? 'body';
      const index = q.paragraph ?? 0;
      const text = part === 'headline' ? spec.headline : part === 'summary' ? summary[index]!.text : paragraphs[index]!.text;
      const start = text.indexOf(q.text);
      if (start === -1) throw new Error(`fixture: “${q.text}” is not in ${spec.id} ${part} ${index}`);
      const speaker = typeof q.speaker === 'string' ? byId.get(q.speaker)! : null;
      const quote: ArchiveQuote = {
        id: `q${i + 1}`,
        in: part,
        paragraph: index,
        start,
        end: start + q.text.length,
        text: q.text,
        kind: q.kind ?? 'direct',
        cue: 'said',
        mention: null,
        group: q.group ?? null,
        speakerKey: keyFor(q.speaker),
        confidence: q.confidence ?? 0.9,
        speaker: speaker ? { id: speaker.id, name: speaker.name, type: speaker.type } : null,
        context: text,
        alsoReported: [],
      };
      return quote;
    });
    return { spec, paragraphs, summary, speakers, url, quotes };
  });

  const ref = (d: (typeof drafts)[number], quoteId?: string): ArticleRef => ({
    id: d.spec.id,
    url: d.url,
    headline: d.spec.headline,
    date: d.spec.date,
    source: d.spec.source ?? null,
    ...(quoteId === undefined ? {} : { quoteId }),
  });

  // Indexes so that big synthetic archives stay fast.
  const byText = new Map<string, { o: (typeof drafts)[number]; id: string }[]>();
  const bySpeaker = new Map<string, (typeof drafts)[number][]>();
  for (const d of drafts) {
    for (const q of d.quotes) {
      const key = norm(q.text);
      if (key.split(' ').length >= 6) byText.set(key, [...(byText.get(key) ?? []), { o: d, id: q.id }]);
      if (q.speaker) {
        const list = bySpeaker.get(q.speaker.id) ?? [];
        if (list[list.length - 1] !== d) list.push(d);
        bySpeaker.set(q.speaker.id, list);
      }
    }
  }
  const articles: ArchiveArticle[] = drafts.map((d) => {
    const quotes = d.quotes.map((q) => {
      const others = (byText.get(norm(q.text)) ?? []).filter((x) => x.o !== d).sort((a, b) => -compare(a.o.spec, b.o.spec));
      return { ...q, alsoReported: others.map(({ o, id }) => ref(o, id)) };
    });
    const related = [...new Set(d.quotes.flatMap((q) => (q.speaker ? (bySpeaker.get(q.speaker.id) ?? []).slice(0, 6) : [])))]
      .filter((o) => o !== d)
      .slice(0, 5)
      .map((o) => ref(o));
    return {
      id: d.spec.id,
      path: `seeds/${d.spec.id}.txt`,
      format: d.paragraphs.some((p) => p.html !== undefined) ? 'md' : 'txt',
      hash: '0'.repeat(64),
      text: '',
      messages: [],
      headline: { text: d.spec.headline, line: 1 },
      summary: d.summary,
      summaryDerived: d.spec.summaryDerived ?? false,
      paragraphs: d.paragraphs,
      date: d.spec.date,
      source: d.spec.source ?? null,
      author: d.spec.author ?? null,
      tags: d.spec.tags ?? [],
      requestedSlug: null,
      slug: slugOf(d.spec.id),
      url: d.url,
      quotes,
      speakers: d.speakers,
      related,
    };
  });

  const speakers: ArchiveSpeaker[] = speakerSpecs
    .map((s) => {
      const quotes = articles.flatMap((a) =>
        a.quotes
          .filter((q) => q.speaker?.id === s.id)
          .map((q) => ({
            articleId: a.id,
            quoteId: q.id,
            text: q.text,
            kind: q.kind,
            date: a.date,
            url: `${a.url}#${q.id}`,
            headline: a.headline.text,
            source: a.source,
            context: q.context,
            confidence: q.confidence,
            alsoReported: q.alsoReported,
          })),
      );
      const counts = new Map<string, number>();
      for (const a of articles) {
        if (!a.quotes.some((q) => q.speaker?.id === s.id)) continue;
        for (const other of new Set(a.quotes.flatMap((q) => (q.speaker && q.speaker.id !== s.id ? [q.speaker.id] : [])))) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
      return {
        id: s.id,
        slug: s.id,
        url: `/speakers/${s.id}/`,
        name: s.name,
        type: s.type,
        roles: s.roles ?? [],
        aliases: [],
        description: s.description ?? null,
        quotes,
        alongside: [...counts].map(([id, count]) => ({ id, name: byId.get(id)!.name, url: `/speakers/${id}/`, count })),
      };
    })
    .filter((s) => s.quotes.length > 0)
    .sort((a, b) => b.quotes.length - a.quotes.length || (a.name < b.name ? -1 : 1));

  return { articles, speakers, messages: [] };
}

export const OPTIONS: PlanOptions = { baseUrl: 'https://news.example.org', buildDate: '2025-08-22T00:00:00Z', title: 'Verbatim' };

/** `n` synthetic dated articles (one per day backwards from 2025-12-31), each quoting speakers. */
export function syntheticSpecs(n: number, speakersCount = 40): { articles: ArticleSpec[]; speakers: SpeakerSpec[] } {
  const speakers: SpeakerSpec[] = Array.from({ length: speakersCount }, (_, i) => ({ id: `speaker-${i}`, name: `Speaker Number ${i}`, type: i % 5 === 0 ? 'organization' : 'person', roles: ['Minister'] }));
  const articles: ArticleSpec[] = [];
  const day = Date.UTC(2025, 11, 31);
  for (let i = 0; i < n; i++) {
    const date = new Date(day - i * 86_400_000 * 0.37).toISOString().slice(0, 10);
    const a = `speaker-${i % speakersCount}`;
    const b = `speaker-${(i * 7 + 3) % speakersCount}`;
    const paragraphs = [
      `Officials met on Tuesday in the capital to discuss item ${i}. “We will look closely at proposal ${i} and respond in due course,” said one of them after the meeting.`,
      `The talks covered trade, energy and security. Observers called the outcome “a modest step on item ${i}” and expected more meetings before the end of the year.`,
      `Critics argued the plan lacked detail. “There is nothing here about funding, timelines or who is accountable for delivery ${i},” another participant said, adding that the details would follow.`,
      `${'The discussion continued for several hours, touching on budgets, regional cooperation, infrastructure and the long-term outlook for the sector. '.repeat(3)}`,
      `Further meetings are planned for next month, when ministers are expected to return with revised figures and a clearer schedule.`,
    ];
    articles.push({
      id: `synthetic-${String(i).padStart(5, '0')}`,
      headline: `Ministers discuss proposal ${i} as talks continue over trade and energy`,
      date,
      source: `Source ${i % 12}`,
      author: `Reporter ${i % 30}`,
      tags: [`topic-${i % 25}`, `region-${i % 8}`],
      summary: [`Officials discussed proposal ${i}; critics said the plan lacked detail on funding and timelines.`],
      paragraphs,
      quotes: [
        { paragraph: 0, text: `We will look closely at proposal ${i} and respond in due course,`, speaker: a },
        { paragraph: 1, text: `a modest step on item ${i}`, speaker: b, kind: 'partial', confidence: i % 9 === 0 ? 0.4 : 0.85 },
        { paragraph: 2, text: `There is nothing here about funding, timelines or who is accountable for delivery ${i},`, speaker: i % 4 === 0 ? { anonymous: 'another participant' } : b },
      ],
    });
  }
  return { articles, speakers };
}

/**
 * `n` articles, one a day from 1 March 2025 (`repeat-0` the oldest), from `Outlet 0`…`Outlet n-1`, each
 * quoting Sergey Lavrov in the same words: every quote is "also reported" by all the others.
 */
export function repeatedQuoteSpecs(n: number): ArticleSpec[] {
  const words = 'This statement was repeated word for word by many outlets.';
  return Array.from({ length: n }, (_, i) => ({
    id: `repeat-${i}`,
    headline: `Repeat ${i}`,
    date: `2025-03-${String(i + 1).padStart(2, '0')}`,
    source: `Outlet ${i}`,
    paragraphs: [`“${words}” the minister said.`],
    quotes: [{ text: words, speaker: 'sergey-lavrov' }],
  }));
}

/** One article a date, each quoting Sergey Lavrov. */
export function datedQuotes(dates: readonly string[]): ArticleSpec[] {
  return dates.map((date, i) => ({
    id: `dated-${i}`,
    headline: `Lavrov speaks, part ${i}`,
    date,
    paragraphs: [`“We have said it ${i} times,” Sergey Lavrov said.`],
    quotes: [{ paragraph: 0, text: `We have said it ${i} times,`, speaker: 'sergey-lavrov' }],
  }));
}
