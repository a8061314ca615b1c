/**
 * The `quotes` stage: every quotation in an article's headline, summary and body,
 * with its kind, cue and the source mention as written.
 *
 *   ParsedArticle → QuotedArticle
 */
import { message } from '../messages.ts';
import type { Line, Mention, Message, ParsedArticle, Part, QuoteKind, QuoteSpan, QuotedArticle } from '../types.ts';
import { QUOTE_TOKEN, attribute, isNameLike, isProperName, sentenceSubject, type Found, type Pattern } from './attribute.ts';
import { cueLemma, isCueForm, isParticiple } from './cues.ts';
import { findMarkSpans, type MarkSpan } from './marks.ts';
import { DETERMINERS, phraseAfter, phraseBefore } from './phrases.ts';
import { datelineEnd, maskQuotes, sentenceBounds, tokenize, type Token } from './text.ts';

export { findMarkSpans } from './marks.ts';
export type { MarkSpan } from './marks.ts';

/** One block of text to search: the headline, a summary line or a paragraph. */
interface Block {
  readonly in: Part;
  readonly paragraph: number;
  readonly text: string;
  readonly line: number;
}

/** A quotation before ids and groups are assigned. */
interface Draft {
  readonly block: Block;
  readonly span: MarkSpan;
  readonly found: Found;
  /** Nothing but the quote (and punctuation) before it in its sentence. */
  readonly startsSentence: boolean;
  readonly kind: QuoteKind;
  readonly sentence: number;
  readonly order: number;
}

/** A reported-speech sentence without quotation marks ("Lavrov argued that …"): a later bare quote may continue it. */
interface SpeechEvent {
  readonly block: Block;
  readonly sentence: number;
  readonly mention: readonly [number, number];
  readonly cue: readonly [number, number];
  readonly order: number;
}

/** Is this quotation mark pair markup debris rather than a quotation (tweet ids, `href="…"`)? */
function isDebris(text: string, span: MarkSpan): boolean {
  const words = text.slice(span.start, span.end);
  if (!/\p{L}/u.test(words)) return true;
  if (/pic\.twitter\.com|https?:\/\/|^@\w+$/.test(words)) return true;
  if (span.open > 0 && text[span.open - 1] === '=') return true;
  return false;
}

/** Nouns for a part, edition or maker of a work, then "of", before a quoted title. */
const WORK_OF = /\b(?:episodes?|editions?|issues?|segments?|broadcasts?|seasons?|installments?|chapters?|volumes?|cop(?:y|ies)|pages?|covers?|premiere|finale|cast|set|(?:co-?)?hosts?|anchors?|authors?|co-authors?|creators?|producers?|directors?|stars?|moderators?|editors?|publishers?) of\s*$/iu;

/** Title-like text: every significant word capitalised ("Fox News Sunday", "Face the Nation"). */
function looksLikeTitle(words: string): boolean {
  const tokens = words.replace(/[.,!?;:]+$/u, '').split(/\s+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 8) return false;
  const small = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|is|vs\.?|&|de|la|le)$/;
  return tokens.every((t) => /^[\p{Lu}\p{N}#@]/u.test(t) || small.test(t)) && /^[\p{Lu}\p{N}#@]/u.test(tokens[0]!);
}

/**
 * A title or name in quotation marks rather than a quotation: title-like words after a
 * possessive or "on" ("MSNBC’s “Morning Joe”"), or title-like words nobody is said to have said.
 */
function isTitle(d: Draft, grouped: boolean): boolean {
  const words = d.block.text.slice(d.span.start, d.span.end);
  if (!looksLikeTitle(words)) return false;
  const before = /(\S+)\s*$/u.exec(d.block.text.slice(Math.max(0, d.span.open - 30), d.span.open))?.[1] ?? '';
  if (/[’']s$|^(?:on|in)$/iu.test(before)) return true;
  // the name of a work after what it is a part, edition or maker of ("episode of “The Steve Harvey
  // Morning Show,”", "author of “The Art of the Deal”", "host of “Meet the Press”")
  if (WORK_OF.test(d.block.text.slice(Math.max(0, d.span.open - 40), d.span.open))) return true;
  // what a crowd chants, shouts or sings is said, not a title ("chants of “Four More Years”", "chanting, "Go Home."")
  if (/\b(?:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|cr(?:y|ies|ied|ying)|sing(?:s|ing)?|sang)(?: of)?,?\s*$/iu.test(d.block.text.slice(Math.max(0, d.span.open - 30), d.span.open))) return false;
  // (nor does a relative clause's antecedent, guessed with no cue: "said Cuban, who is also a host on the TV show “Shark Tank.”")
  return (d.found.mention === null || d.found.pattern === 'relative') && d.block.in !== 'headline';
}

/**
 * A personal pronoun on its own in quotation marks, inside a sentence and with no cue, is the word
 * itself being talked about, not something said ("unless simply because "she" is a "he"").
 */
function isMentionedPronoun(d: Draft): boolean {
  if (d.startsSentence || d.found.cue !== null) return false;
  return /^(?:I|me|you|he|him|she|her|it|we|us|they|them)[.,!?;:]?$/iu.test(d.block.text.slice(d.span.start, d.span.end));
}

/**
 * A body quotation left open that runs to the end of its paragraph and ends a sentence there
 * (`“Realistically, this is an opportunity.` and no closing mark): the closing mark was forgotten,
 * so the quote is kept (not markup: `tweet-author="…<tweet/>`).
 */
function endsUnclosedSentence(d: Draft): boolean {
  const words = d.block.text.slice(d.span.start, d.span.end);
  return d.block.in === 'body' && !/[<>]/.test(words) && /[.!?…]$/u.test(words);
}

/** Tokens of a sentence with every quotation in it replaced by one `QUOTE_TOKEN`. */
function sentenceTokens(masked: string, from: number, to: number, spans: readonly MarkSpan[]): { tokens: Token[]; quoteAt: Map<MarkSpan, number> } {
  const tokens: Token[] = [];
  const quoteAt = new Map<MarkSpan, number>();
  let at = from;
  for (const s of spans) {
    if (s.open < from || s.open >= to) continue;
    tokens.push(...tokenize(masked, at, s.open));
    quoteAt.set(s, tokens.length);
    tokens.push({ text: QUOTE_TOKEN, start: s.open, end: s.close });
    at = Math.min(s.close, to);
  }
  tokens.push(...tokenize(masked, at, Math.max(at, to)));
  return { tokens, quoteAt };
}

function kindOf(words: string, tokens: readonly Token[], q: number, startsSentence: boolean, found: Found): QuoteKind {
  if (!/^[\p{Lu}\p{N}‘'“"(…\[]/u.test(words)) return 'partial';
  if (startsSentence) return 'direct';
  const before = tokens[q - 1]?.text;
  if (before === ':' ) return 'direct';
  if (before === ',' && found.pattern !== 'none') return 'direct';
  if (found.pattern === 'leading' && before !== undefined && cueLemma(before) !== null) return 'direct';
  const wordCount = words.split(/\s+/u).length;
  return wordCount >= 6 && /[.!?]["”’]?$/u.test(words) && before !== undefined && /^(?:,|:|that)$/.test(before) ? 'direct' : 'partial';
}

/** The blocks to search. A summary derived from the lede is a copy of body text, so it is left out (its quotes are the lede's). */
function blocksOf(article: ParsedArticle): Block[] {
  const blocks: Block[] = [{ in: 'headline', paragraph: 0, text: article.headline.text, line: article.headline.line }];
  if (!article.summaryDerived) article.summary.forEach((s: Line, i) => blocks.push({ in: 'summary', paragraph: i, text: s.text, line: s.line }));
  article.paragraphs.forEach((p, i) => blocks.push({ in: 'body', paragraph: i, text: p.text, line: p.line }));
  return blocks;
}

/** 1-based column of an offset, counting from the block's first character. */
function columnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return { line: lines, column: offset - nl };
}

/**
 * Find every quotation in an article: its span, kind, cue and source mention.
 * Quote ids are `q1…` in document order (headline, summary, body).
 *
 * @example
 *   const quoted = extractQuotes(parsed)
 *   quoted.quotes[0] // { id: 'q1', text: 'We cannot agree…', kind: 'direct', cue: 'said', mention: { text: 'he', … }, … }
 */
export function extractQuotes(article: ParsedArticle): QuotedArticle {
  const messages: Message[] = [];
  const drafts: Draft[] = [];
  const events: SpeechEvent[] = [];
  const unclosed = new Set<Draft>();
  /** The tokens of each body sentence, by paragraph and sentence. */
  const plain = new Map<string, Token[]>();
  let order = 0;
  for (const block of blocksOf(article)) {
    const { text } = block;
    if (text.length === 0) continue;
    const spans = findMarkSpans(text, { singles: block.in === 'headline' }).filter((s) => !isDebris(text, s));
    const masked = maskQuotes(text, spans);
    const sentences = sentenceBounds(masked);
    const dateline = block.in === 'body' ? datelineEnd(masked) : 0;
    sentences.forEach(([start, to], si) => {
      const from = start === 0 ? dateline : start;
      const inSentence = spans.filter((s) => s.open >= from && s.open < to);
      const { tokens, quoteAt } = sentenceTokens(masked, from, to, inSentence);
      if (block.in === 'body') plain.set(`${block.paragraph}:${si}`, tokens);
      if (inSentence.length === 0) {
        // remember reported speech: the last finite cue with a subject
        if (block.in !== 'body') return;
        // a lead-in that ends with a colon: "Trump issued the following statement:"
        if (tokens.at(-1)?.text === ':' && tokens.some((t) => /^(?:statement|tweet|tweets|post|letter|message|remarks|speech|email|memo)$/i.test(t.text))) {
          const np = sentenceSubject(tokens, 0, tokens.length - 1);
          if (np !== null && /^\p{Lu}/u.test(tokens[np[0]]!.text)) {
            const last = tokens.at(-1)!;
            events.push({ block, sentence: si, mention: [tokens[np[0]]!.start, tokens[np[1]]!.end], cue: [last.start, last.end], order: order++ });
            return;
          }
        }
        // any other lead-in that ends with a colon ("Dr. Ward stated:", "Stated Stone:", "Eaton said that given …:"):
        // attributed as if its quotation followed
        if (tokens.at(-1)?.text === ':') {
          const last = tokens.at(-1)!;
          const found = attribute([...tokens, { text: QUOTE_TOKEN, start: last.end, end: last.end }], tokens.length);
          // (not a heading in capitals: "SHORT READS:")
          const heading = found.mention !== null && !/\p{Ll}/u.test(text.slice(found.mention[0], found.mention[1]));
          if (found.mention !== null && found.pattern !== 'subject' && found.pattern !== 'relative' && !heading) {
            events.push({ block, sentence: si, mention: found.mention, cue: found.cue ?? [last.start, last.end], order: order++ });
            return;
          }
        }
        for (let c = tokens.length - 1; c >= 0; c--) {
          const t = tokens[c]!;
          if (!isCueForm(t.text) || (c > 0 && !/^\p{Ll}/u.test(t.text)) || isParticiple(t.text)) continue;
          if (cueLemma(t.text, tokens[c + 1] === undefined ? '' : `${tokens[c + 1]!.start > t.end ? ' ' : ''}${tokens[c + 1]!.text}`) === null) continue;
          const np = phraseBefore(tokens, c - 1);
          if (np === null) continue;
          events.push({ block, sentence: si, mention: [tokens[np[0]]!.start, tokens[np[1]]!.end], cue: [t.start, t.end], order: order++ });
          break;
        }
        return;
      }
      for (const span of inSentence) {
        const q = quoteAt.get(span)!;
        const found = attribute(tokens, q, block.in === 'headline');
        const words = text.slice(span.start, span.end);
        const startsSentence = tokens.slice(0, q).every((t) => !/^[\p{L}\p{N}]/u.test(t.text) || t.text === QUOTE_TOKEN);
        const draft: Draft = {
          block, span, found, startsSentence, sentence: si, order: order++,
          kind: kindOf(words, tokens, q, startsSentence, found),
        };
        if (!span.closed) unclosed.add(draft);
        drafts.push(draft);
      }
    });
  }

  // The named subject of the sentence before a quote that opens its own sentence.
  const namedBefore = (d: Draft): [number, number] | null => {
    const tokens = d.sentence > 0 ? plain.get(`${d.block.paragraph}:${d.sentence - 1}`) : undefined;
    if (tokens === undefined) return null;
    let np = sentenceSubject(tokens, 0, tokens.length);
    // a description with a name in apposition is that name: "His former business partner at Lenox, Lawrence B. Cummings, called …"
    if (np !== null && DETERMINERS.has(tokens[np[0]]!.text.toLowerCase())) {
      let c = np[1] + 1;
      while (c < tokens.length && c <= np[1] + 4 && tokens[c]!.text !== ',') c++;
      const named = tokens[c]?.text === ',' ? phraseAfter(tokens, c + 1) : null;
      if (named !== null && tokens[named[1] + 1]?.text === ',' && isProperName(tokens, named)) np = named;
    }
    if (np === null || !isNameLike(tokens, np) || /^(?:he|she|they|it|we)$/i.test(tokens[np[0]]!.text)) return null;
    return [tokens[np[0]]!.start, tokens[np[1]]!.end];
  };

  // Groups: interrupted quotes, multi-paragraph quotes, bare continuation quotes.
  const groupOf = new Map<Draft, Draft>();
  const keep: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    let d = drafts[i]!;
    const prev = keep.at(-1);
    // a quotation left open at the end of its paragraph must be continued by the next one
    if (unclosed.has(d)) {
      const next = drafts[i + 1];
      const continued = next !== undefined && next.block.in === d.block.in && next.block.paragraph === d.block.paragraph + 1 && next.span.open === 0;
      if (!continued) {
        const at = columnOf(d.block.text, d.span.open);
        messages.push(message('quotes:unbalanced', { file: article.path, line: d.block.line + at.line, column: at.column }));
        if (!endsUnclosedSentence(d)) continue;
      }
    }
    if (prev !== undefined && unclosed.has(prev) && prev.block.in === d.block.in && d.block.paragraph === prev.block.paragraph + 1 && d.span.open === 0) {
      groupOf.set(d, groupOf.get(prev) ?? prev);
    } else if (prev !== undefined && prev.block === d.block && prev.sentence === d.sentence && (prev.found.pattern === 'trailing' || prev.found.pattern === 'inverted') && interrupts(prev, d)) {
      groupOf.set(d, groupOf.get(prev) ?? prev);
    } else if (d.found.pattern === 'none' && d.startsSentence && d.block.in === 'body' && prev !== undefined && prev.block.in === 'body' && prev.block !== d.block && !isTitle(d, false) && namedBefore(d) !== null) {
      // a bare quote in a new paragraph, after a sentence whose subject is named there, is that subject's, not a
      // continuation of the quote before: “…,” Pence said. / Sen. Bernie Sanders identified … as one of the reasons. “…”
      const named = d;
      d = { ...d, found: { cue: null, mention: namedBefore(d), pattern: 'subject' } };
      if (unclosed.has(named)) unclosed.add(d);
    } else if (d.found.pattern === 'none' && d.startsSentence && d.block.in === 'body' && prev !== undefined && prev.block.in === 'body') {
      // a bare quote right after an attributed one continues it, unless reported speech came in between
      const near = d.block.paragraph - prev.block.paragraph <= 1;
      const later = events.filter((e) => e.order > prev.order && e.order < d.order && d.block.paragraph - e.block.paragraph <= 1);
      if (near && later.length === 0) groupOf.set(d, groupOf.get(prev) ?? prev);
    } else if (d.found.pattern === 'none' && prev !== undefined && prev.block === d.block && d.sentence === prev.sentence + 1 && continuesSpeaker(prev, d)) {
      // a phrase in the next sentence, with nobody new named: “…,” Hennessey added. But that is not “properly chargeable.”
      groupOf.set(d, groupOf.get(prev) ?? prev);
    }
    if (isTitle(d, groupOf.has(d)) || isMentionedPronoun(d)) continue;
    keep.push(d);
  }

  const ids = new Map<Draft, string>();
  keep.forEach((d, i) => ids.set(d, `q${i + 1}`));
  const quotes: QuoteSpan[] = keep.map((d) => {
    const head = groupOf.get(d);
    let mention: Mention | null = null;
    let cue: string | null = null;
    const text = d.block.text;
    if (d.found.mention !== null) {
      const [s, e] = d.found.mention;
      mention = { in: d.block.in, paragraph: d.block.paragraph, start: s, end: e, text: text.slice(s, e) };
    }
    if (d.found.cue !== null) cue = text.slice(d.found.cue[0], d.found.cue[1]);
    if (mention === null && head === undefined && d.startsSentence && d.block.in === 'body') {
      // a bare quote after reported speech: “Lavrov argued that … . “…”
      const event = events.filter((e) => e.order < d.order && d.block.paragraph - e.block.paragraph <= 1).at(-1);
      const lastQuote = keep.filter((k) => k.order < d.order).at(-1);
      if (event !== undefined && (lastQuote === undefined || lastQuote.order < event.order)) {
        const [s, e] = event.mention;
        mention = { in: event.block.in, paragraph: event.block.paragraph, start: s, end: e, text: event.block.text.slice(s, e) };
      }
    }
    return {
      id: ids.get(d)!,
      in: d.block.in,
      paragraph: d.block.paragraph,
      start: d.span.start,
      end: d.span.end,
      text: text.slice(d.span.start, d.span.end),
      kind: d.kind,
      cue,
      mention,
      group: head === undefined ? null : ids.get(head) ?? null,
    };
  });
  return { ...article, quotes, messages: [...article.messages, ...messages] };
}

/**
 * Does a bare quote in the sentence after an attributed one still report its speaker: nobody else is
 * named or referred to in between (no capitalised word past the sentence's first, no pronoun subject)?
 */
function continuesSpeaker(a: Draft, b: Draft): boolean {
  if (a.found.mention === null || (a.found.pattern !== 'trailing' && a.found.pattern !== 'inverted')) return false;
  const between = a.block.text.slice(a.span.close, b.span.open);
  const sentence = between.replace(/^[^.!?]*[.!?]\s*/u, '');
  if (sentence.length > 120 || /\b(?:he|she|they|we|I)\b/u.test(sentence)) return false;
  return !/\s\p{Lu}/u.test(sentence);
}

/**
 * Is the text between two quotes of one sentence only the first one's attribution (`“…,” he said, “…”`)?
 * The attribution may carry a long appositive (`“…,” said Raffaello Pantucci, director of International
 * Security Studies at the Royal United Services Institute in London, “but it is …”`); the sentence bounds it,
 * the length limit only keeps a run-on sentence's far quote apart.
 */
function interrupts(a: Draft, b: Draft): boolean {
  const between = a.block.text.slice(a.span.close, b.span.open);
  return between.length < 200 && /[,:;—–―-]$/u.test(between.trim());
}

export type { Pattern };
