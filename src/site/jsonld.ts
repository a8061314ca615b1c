/**
 * schema.org JSON-LD for article and speaker pages, as strings safe to place inside
 * `<script type="application/ld+json">…</script>` without any further escaping.
 *
 * Rules (tested in `tests/site-machine/jsonld.test.ts`):
 * - `person` speakers are `Person`; `organization`, `country`, `group` and `document` speakers are
 *   `Organization`; `anonymous` and `unknown` speaker pages are `Person`.
 * - A quote's `creator` (and, for a `Person`, `spokenByCharacter`) is given only when the quote has
 *   a named, non-anonymous speaker and its confidence is at least `LOW_CONFIDENCE`: structured data
 *   never states an uncertain attribution as fact.
 * - Each such speaker is described once per article, under the article's `mentions`, and quotations
 *   refer to it by `@id` (its speaker page's URL): a speaker quoted 30 times is written once, not 60
 *   times (this keeps long articles inside the 14 KB page budget).
 * - `datePublished` appears only when the article is dated; dates are never made up.
 */
import { LOW_CONFIDENCE, type ArchiveArticle, type ArchiveQuote, type ArchiveSpeaker, type SpeakerType } from '../types.ts';
import { FORBIDDEN_CODE_POINT } from './html.ts';
import { absoluteUrl } from './sitemap.ts';
import type { SiteOptions } from './types.ts';

const SCRIPT_UNSAFE: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Every UTF-16 unit of `c` as a JSON `\uXXXX` escape. */
function jsonEscape(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `JSON.stringify`, then `<`, `>`, `&`, U+2028 and U+2029 written as `\u003c`-style escapes, and
 * so are the code points a page may not hold (`FORBIDDEN_CODE_POINT`: DEL, C1 controls and
 * noncharacters, which `JSON.stringify` writes as they are). Those characters only ever occur
 * inside JSON strings, where the escape means the same character, so `JSON.parse` gives back
 * the same value, no `</script>` or `<!--` can appear in the output, and the page stays valid.
 *
 * @example
 *   scriptSafeJson({ headline: '</script>' }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('scriptSafeJson needs a JSON-serialisable value');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c] ?? c).replace(FORBIDDEN_CODE_POINT, jsonEscape);
}

/** The schema.org type for a speaker type. */
function schemaType(type: SpeakerType): 'Person' | 'Organization' {
  return type === 'organization' || type === 'country' || type === 'group' || type === 'document' ? 'Organization' : 'Person';
}

/** A speaker's page URL from its id (which equals its slug), as `ArchiveSpeaker.url` has it. */
function speakerUrl(id: string, options: SiteOptions): string {
  return absoluteUrl(`/speakers/${id}/`, options);
}

/** The speaker a quotation is stated to come from: named, not anonymous, confident enough; else null. */
function statedSpeaker(quote: ArchiveQuote): NonNullable<ArchiveQuote['speaker']> | null {
  const speaker = quote.speaker;
  return speaker !== null && speaker.type !== 'anonymous' && quote.confidence >= LOW_CONFIDENCE ? speaker : null;
}

/** A reference to a node described elsewhere in the same document (`{ "@id": … }`). */
type NodeRef = { readonly '@id': string };

function quotation(article: ArchiveArticle, quote: ArchiveQuote, options: SiteOptions): Record<string, unknown> {
  const node: Record<string, unknown> = { '@type': 'Quotation', url: absoluteUrl(`${article.url}#${quote.id}`, options), text: quote.text };
  const speaker = statedSpeaker(quote);
  if (speaker !== null) {
    const who: NodeRef = { '@id': speakerUrl(speaker.id, options) };
    if (schemaType(speaker.type) === 'Person') node['spokenByCharacter'] = who;
    node['creator'] = who;
  }
  return node;
}

/**
 * The `Person`/`Organization` node of every speaker a quotation is stated to come from, once each, in
 * order of their first quote. Quotations refer to them by `@id` (the speaker page's URL, also the
 * `@id` of the speaker page's own JSON-LD).
 */
function quotedSpeakers(article: ArchiveArticle, options: SiteOptions): Record<string, unknown>[] {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const quote of article.quotes) {
    const speaker = statedSpeaker(quote);
    if (speaker === null) continue;
    const id = speakerUrl(speaker.id, options);
    if (!nodes.has(id)) nodes.set(id, { '@type': schemaType(speaker.type), '@id': id, name: speaker.name, url: id });
  }
  return [...nodes.values()];
}

/**
 * schema.org `NewsArticle` for an article page: headline, url, `datePublished` when dated,
 * `author` (a `Person`), `publisher` (the source, an `Organization`), description, keywords,
 * the quoted speakers under `mentions`, and one `Quotation` per quote under `hasPart`, whose
 * `creator`/`spokenByCharacter` is an `@id` reference to one of those speakers. Returns a JSON
 * string safe to embed in a `<script type="application/ld+json">` element.
 *
 * @example
 *   `<script type="application/ld+json">${articleJsonLd(article, options)}</script>`
 */
export function articleJsonLd(article: ArchiveArticle, options: SiteOptions): string {
  const url = absoluteUrl(article.url, options);
  const description = article.summary.map((line) => line.text).join(' ');
  const speakers = quotedSpeakers(article, options);
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.headline.text,
    ...(description === '' ? {} : { description }),
    ...(article.date === null ? {} : { datePublished: article.date }),
    ...(article.author === null ? {} : { author: { '@type': 'Person', name: article.author } }),
    ...(article.source === null ? {} : { publisher: { '@type': 'Organization', name: article.source } }),
    ...(article.tags.length === 0 ? {} : { keywords: [...article.tags] }),
    ...(speakers.length === 0 ? {} : { mentions: speakers }),
    ...(article.quotes.length === 0 ? {} : { hasPart: article.quotes.map((quote) => quotation(article, quote, options)) }),
  });
}

/**
 * schema.org `Person` (or `Organization` for organization, country, group and document speakers)
 * for a speaker page: name, url, `alternateName` from aliases, `jobTitle` from roles (people only),
 * and the editor's description. Returns a JSON string safe to embed in a
 * `<script type="application/ld+json">` element.
 */
export function speakerJsonLd(speaker: ArchiveSpeaker, options: SiteOptions): string {
  const type = schemaType(speaker.type);
  const url = absoluteUrl(speaker.url, options);
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': type,
    '@id': url,
    url,
    name: speaker.name,
    ...(speaker.aliases.length === 0 ? {} : { alternateName: [...speaker.aliases] }),
    ...(type === 'Person' && speaker.roles.length > 0 ? { jobTitle: [...speaker.roles] } : {}),
    ...(speaker.description === null ? {} : { description: speaker.description }),
  });
}
