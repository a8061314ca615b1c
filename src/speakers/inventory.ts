/**
 * Who an article names: every capitalised name in headline, summary and body,
 * grouped into entities (a full name with its surname, first name and honorific
 * forms), with type, roles, gender and every position it is mentioned at.
 */
import { sentenceSubject } from '../quotes/attribute.ts';
import { BETWEEN, cueLemma, isParticiple } from '../quotes/cues.ts';
import { ROLE_WORDS, isNameWord } from '../quotes/phrases.ts';
import { maskQuotes, sentenceBounds, tokenize, type Token } from '../quotes/text.ts';
import type { MarkSpan } from '../quotes/marks.ts';
import type { QuotedArticle, SpeakerType } from '../types.ts';
import { firstNameGender, HONORIFICS, ORG_HEADS, TITLES } from './lexicon.ts';
import { nameType, splitName } from './names.ts';

/** A place in the article, comparable across parts: block index, then offset. */
export type Position = number;

export const BLOCK = 1_000_000;

export interface EntityMention {
  readonly pos: Position;
  readonly block: number;
  readonly sentence: number;
  /** Token index inside its sentence. */
  readonly index: number;
  readonly inQuote: boolean;
  readonly written: string;
  /** Sentence-initial (or first name in the sentence): likely the subject. */
  readonly subject: boolean;
  /** Directly followed by a cue verb ("Lavrov cautioned"). */
  readonly cueSubject: boolean;
}

export interface Entity {
  readonly id: number;
  /** Canonical name: the fullest form seen. */
  name: string;
  words: string[];
  type: SpeakerType;
  readonly roles: string[];
  readonly aliases: Set<string>;
  gender: 'm' | 'f' | null;
  suffix: string | null;
  readonly mentions: EntityMention[];
  /** Pronoun votes from the text around the entity's mentions. */
  he: number;
  she: number;
}

export interface Block {
  readonly in: 'headline' | 'summary' | 'body';
  readonly paragraph: number;
  readonly text: string;
  readonly sentences: ReadonlyArray<readonly [number, number]>;
  readonly quotes: readonly MarkSpan[];
}

/** A `he` or `she` outside quotation marks that is its sentence's subject: it continues a chain of reference. */
export interface SubjectPronoun {
  readonly pos: Position;
  readonly block: number;
  readonly sentence: number;
  readonly index: number;
  readonly gender: 'm' | 'f';
}

export interface Inventory {
  readonly blocks: readonly Block[];
  readonly entities: Entity[];
  /** Subject pronouns in document order. */
  readonly pronouns: readonly SubjectPronoun[];
  /** Words the article writes in lowercase somewhere: evidence that a capitalised form is not a name. */
  readonly lowerWords: ReadonlySet<string>;
  /** Capitalised words seen inside a sentence (not as its first word): evidence that a word is a name. */
  readonly midCaps: ReadonlySet<string>;
  /** Surnames (lowercase) whose bare forms take the gender of the honorific the article mostly gives them (`Mr. Obama` beside one `Michelle Obama`). */
  readonly surnameGender: ReadonlyMap<string, 'm' | 'f'>;
  /** Block index of a part + paragraph. */
  blockIndex(part: string, paragraph: number): number;
  sentenceOf(block: number, offset: number): number;
}

export const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;

/** Capitalised single words that are not names: parties, demonyms, faiths, institutions, prepositions. */
const NOT_NAMES = /^(?:republicans?|democrats?|democratic|gop|conservatives?|liberals?|progressives?|independents?|libertarians?|americans?|christians?|muslims?|jews?|jewish|catholics?|evangelicals?|protestants?|black|white|latinos?|latinas?|hispanics?|asians?|africans?|europeans?|senate|house|congress|government|god|lord|internet|web|beyond|across|along|around|behind|below|beneath|beside|between|inside|outside|within|throughout|following|regarding|including|near|above|alongside|amid|whatever|whoever|whenever|mr|mrs|ms|dr|sen|rep|gov|president|convention|islam|islamist|nation|day|history|democracy|technology|amendment|chamber|morning|vote|voters|women|men|fight|keep|hey|sorry|christmas|hollywood|representatives|appeals|judicial|obviously|frankly|absolutely|sometimes|actually|honestly|finally|clearly|[\p{L}]+-americans?|pacs|everyone|everybody|nobody|anyone|anybody|someone|somebody|others|people|things|more|right|rather|freedom|law|justice|constitution|convention|state|super|week|friends|first|ok|okay|meet|one|two|three|several|a|an|editor|europe|asia|africa|midwest|west|east|north|south|western|eastern|northern|southern|[\p{Lu}][\p{Ll}]+(?:ian|ean|ese|ish|ans|ic))\.?$/iu;

/** First words of place names ("San Antonio", "Las Vegas", "St. Louis", "Fort Worth"). */
const PLACE_STARTS = /^(?:san|santa|las|los|st\.|saint|fort|palm|des|el|la|lake|mount|port|new|north|south|east|west)$/i;

function isInQuote(block: Block, offset: number): boolean {
  return block.quotes.some((q) => offset >= q.start && offset < q.end);
}

/** Build the blocks (with sentences and quote spans) of an article. */
function blocksOf(article: QuotedArticle): Block[] {
  const raw: Array<{ in: Block['in']; paragraph: number; text: string }> = [{ in: 'headline', paragraph: 0, text: article.headline.text }];
  article.summary.forEach((s, i) => raw.push({ in: 'summary', paragraph: i, text: s.text }));
  article.paragraphs.forEach((p, i) => raw.push({ in: 'body', paragraph: i, text: p.text }));
  return raw.map((b) => {
    const quotes: MarkSpan[] = article.quotes
      .filter((q) => q.in === b.in && q.paragraph === b.paragraph)
      .map((q) => ({ open: Math.max(0, q.start - 1), close: Math.min(b.text.length, q.end + 1), start: q.start, end: q.end, closed: true, marks: 'double' as const }));
    const sentences = sentenceBounds(maskQuotes(b.text, quotes));
    return { ...b, quotes, sentences };
  });
}

/** Is the run ending at `e` followed by a cue verb (possibly after an adverb)? */
function cueFollows(tokens: readonly Token[], e: number): boolean {
  let k = e + 1;
  while (k < tokens.length && BETWEEN.has(tokens[k]!.text.toLowerCase())) k++;
  const t = tokens[k];
  return t !== undefined && /^\p{Ll}/u.test(t.text) && cueLemma(t.text) !== null && !isParticiple(t.text);
}

/**
 * Is the name starting at `s` the subject of an inverted cue before it (`…, noted NBC’s Dante Chinni`, `“…,” said Sen. X`):
 * a cue right after a comma or a closing quotation mark, with at most one possessive owner in between, and the name ending
 * its clause?
 */
function cueBefore(tokens: readonly Token[], s: number, e: number): boolean {
  // the name ends its clause ("noted Dante Chinni." / "said Kunin, recalling …"); "praised Obama’s presidency" is an object
  if (/[’']s$/u.test(tokens[e]!.text) || !/^[,.;:(—–―-]$/u.test(tokens[e + 1]?.text ?? '.')) return false;
  let c = s - 1;
  if (c >= 0 && /[’']s$/u.test(tokens[c]!.text) && /^\p{Lu}/u.test(tokens[c]!.text)) c--;
  const t = tokens[c];
  return t !== undefined && /^\p{Ll}/u.test(t.text) && cueLemma(t.text) !== null && !isParticiple(t.text) && /^[,”"’']$/u.test(tokens[c - 1]?.text ?? '');
}

/** Name runs in a sentence: `[first, last]` token ranges of capitalised words, with title words before them. */
function runs(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isNameWord(t) && !HONORIFICS.has(t.text.toLowerCase().replace(/\.$/, ''))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      if (/[’']s$/.test(tokens[j]!.text)) break;
      if (isNameWord(n)) j++;
      else if (/^(?:de|van|von|da|di|du|la|le|del|der|bin|al|ibn|el)$/.test(n.text) && tokens[j + 2] !== undefined && isNameWord(tokens[j + 2]!)) j += 2;
      else if (n.text.toLowerCase() === 'of' && tokens[j + 2] !== undefined && isNameWord(tokens[j + 2]!) && TITLES.has(tokens[j]!.text.toLowerCase())) j += 2;
      // an organisation's name goes on past "of", "on", "for": "Commission on Presidential Debates", "Association of Flight Attendants"
      else if (/^(?:of|on|for)$/.test(n.text) && tokens[j + 2] !== undefined && isNameWord(tokens[j + 2]!) && ORG_HEADS.has(tokens[j]!.text.toLowerCase())) j += 2;
      // … and past "for the", "of the" once it holds an organisation's head: "U.S. Court of Appeals for the Sixth Circuit"
      else if (/^(?:of|on|for)$/.test(n.text) && tokens[j + 2]?.text === 'the' && tokens[j + 3] !== undefined && isNameWord(tokens[j + 3]!) &&
        tokens.slice(i, j + 1).some((t) => ORG_HEADS.has(t.text.toLowerCase()))) j += 3;
      else break;
    }
    out.push([i, j]);
    i = j + 1;
  }
  return out;
}

/**
 * Collect the entities an article names.
 *
 * @example
 *   collectEntities(article).entities.map((e) => e.name) // ['Sergey Lavrov', 'Russia', 'Poland', …]
 */
export function collectEntities(article: QuotedArticle): Inventory {
  const blocks = blocksOf(article);
  const lowerWords = new Set<string>();
  for (const b of blocks) for (const m of b.text.matchAll(/(?<![\p{L}.])[\p{Ll}][\p{L}]*/gu)) lowerWords.add(m[0]);

  // capitalised words seen inside sentences (not as their first word): evidence that a word is a name
  const midCaps = new Set<string>();
  for (const b of blocks) {
    if (b.in === 'headline') continue;
    // a forward match, not a lookbehind: `(?<=…\s+)` rescans whitespace runs from every position (quadratic)
    for (const m of b.text.matchAll(/[\p{Ll},;:]\s+(?=(\p{Lu}[\p{L}’'-]*))/gu)) midCaps.add(m[1]!.replace(/[’']s$/u, ''));
  }
  interface Occurrence { readonly block: number; readonly sentence: number; readonly index: number; readonly pos: Position; readonly written: string; readonly inQuote: boolean; readonly subject: boolean; readonly cueSubject: boolean; readonly roleBefore: string | null }
  const occurrences: Occurrence[] = [];
  const campaigns: Occurrence[] = [];
  const modifierAt = new Set<Position>();
  const pronouns: SubjectPronoun[] = [];
  const sentenceTokens: Token[][][] = [];
  blocks.forEach((b, bi) => {
    const perSentence: Token[][] = [];
    b.sentences.forEach(([from, to], si) => {
      const tokens = tokenize(b.text, from, to);
      perSentence.push(tokens);
      // the sentence's grammatical subject (after opening words and clauses: "In his assessment of X, Calderon …")
      const subjectRange = sentenceSubject(tokens, 0, tokens.length);
      if (subjectRange !== null && subjectRange[0] === subjectRange[1]) {
        const t = tokens[subjectRange[0]]!;
        const gender = /^he$/i.test(t.text) ? 'm' : /^she$/i.test(t.text) ? 'f' : null;
        if (gender !== null && !isInQuote(b, t.start)) pronouns.push({ pos: bi * BLOCK + t.start, block: bi, sentence: si, index: subjectRange[0], gender });
      }
      // a subordinate clause that opens the sentence ("While Obama had …, that has not …"): no name in it is the subject
      const opening = /^(?:while|when|although|though|because|since|if|whereas|unless|once|until)$/i.test(tokens[0]?.text ?? '') ? tokens.findIndex((t) => t.text === ',') : -1;
      let firstName = true;
      for (const [s, e] of runs(tokens)) {
        const first = tokens[s]!;
        const written = b.text.slice(first.start, tokens[e]!.end);
        const single = s === e;
        if (single) {
          const w = first.text.replace(/[’']s$/u, '');
          // party and state tags: "(R-Fla.)", "Calif."
          if (/^[RDI]$|^[RDI]-/u.test(w) || (w.endsWith('.') && w.length <= 6)) continue;
          // a capitalised word that opens a sentence is a name only if the article also capitalises it elsewhere, or it speaks
          if (s === 0 && !midCaps.has(w) && !cueFollows(tokens, e)) continue;
          if (MONTHS.test(w) || NOT_NAMES.test(w)) continue;
          if (s === 0 && /(?:ing|ly|ed)$/.test(w)) continue;
          if (s === 0 && lowerWords.has(w.toLowerCase()) && b.in !== 'headline') continue;
          if (b.in === 'headline' && lowerWords.has(w.toLowerCase())) continue;
        }
        // lowercase role words just before the run: "campaign manager Robby Mook"
        let r = s;
        while (r - 1 >= 0 && ROLE_WORDS.has(tokens[r - 1]!.text.toLowerCase()) && s - r < 4) r--;
        let roleBefore = r < s ? b.text.slice(tokens[r]!.start, tokens[s - 1]!.end) : null;
        // an appositive role: "Jill A. Martin, vice president and assistant general counsel for the Trump Organization,"
        if (roleBefore === null && tokens[e + 1]?.text === ',') {
          let j = e + 2;
          while (j < tokens.length && j < e + 16 && !/^[,;.:()]$/.test(tokens[j]!.text)) j++;
          const first = tokens[e + 2];
          if (first !== undefined && j > e + 2 && /^[,.;]$/.test(tokens[j]?.text ?? '.') && (/^(?:a|an|the)$/i.test(first.text) || ROLE_WORDS.has(first.text.toLowerCase()))) {
            const from = /^(?:a|an|the)$/i.test(first.text) ? e + 3 : e + 2;
            if (from < j && !tokens.slice(from, j).some((t) => cueLemma(t.text) !== null && !ROLE_WORDS.has(t.text.toLowerCase()))) roleBefore = b.text.slice(tokens[from]!.start, tokens[j - 1]!.end);
          }
        }
        const inQuote = isInQuote(b, first.start);
        // the subject of a cue: "Mayor Ted Terry noted", "Evans, the Georgia committeeman, suggested"
        let after = e + 1;
        if (tokens[after]?.text === '(') {
          while (after < tokens.length && tokens[after]!.text !== ')') after++;
          after++;
        }
        if (tokens[after]?.text === ',') {
          let j = after + 1;
          while (j < tokens.length && j < after + 20 && tokens[j]!.text !== ',') j++;
          if (tokens[j]?.text === ',') after = j + 1;
        }
        while (after < tokens.length && BETWEEN.has(tokens[after]!.text.toLowerCase())) after++;
        // (after an owner's 's only a past participle is a verb: "Trump’s said" is "has said", "Trump’s tweets" is a noun)
        const owner = /[’']s$/u.test(tokens[e]!.text) && after === e + 1 && !/(?:ed|said|told|written|spoken|thought|made)$/i.test(tokens[after]?.text ?? '');
        const cueNext = (tokens[after] !== undefined && !owner && /^\p{Ll}/u.test(tokens[after]!.text) && cueLemma(tokens[after]!.text) !== null && !isParticiple(tokens[after]!.text)) || cueBefore(tokens, r, e);
        // a lone capitalised word between a determiner and a noun modifies the noun: "the Patriot mines", "a Fox poll"
        const led = /^(?:The|A|An)$/.test(tokens[s]!.text) ? s + 1 : s;
        if (led === e && (led > s || /^(?:the|a|an|these|those|its|their)$/i.test(tokens[s - 1]?.text ?? '')) && /^\p{Ll}/u.test(tokens[e + 1]?.text ?? '') &&
          cueLemma(tokens[e + 1]!.text) === null && !BETWEEN.has(tokens[e + 1]!.text)) modifierAt.add(bi * BLOCK + first.start);
        const subject = !inQuote && ((subjectRange !== null ? s <= subjectRange[1] && e >= subjectRange[0] : firstName && s <= 8 && !(s < opening)) || cueNext);
        occurrences.push({ block: bi, sentence: si, index: s, pos: bi * BLOCK + first.start, written, inQuote, subject, cueSubject: !inQuote && cueNext, roleBefore });
        if (!inQuote) firstName = false;
        // "the Clinton campaign", "Trump’s campaign": the campaign is an organisation of its own
        const nextWord = tokens[e + 1]?.text.toLowerCase();
        if (nextWord === 'campaign' && !inQuote) {
          const surname = tokens[e]!.text.replace(/[’']s$/u, '');
          campaigns.push({ block: bi, sentence: si, index: e, pos: bi * BLOCK + tokens[e]!.start, written: `${surname} campaign`, inQuote, subject, cueSubject: false, roleBefore: null });
        }
      }
    });
    sentenceTokens.push(perSentence);
  });

  const entities: Entity[] = [];
  const byFull = new Map<string, Entity>();
  for (const c of campaigns) {
    let entity = entities.find((x) => x.name === c.written);
    if (entity === undefined) {
      entity = { id: entities.length, name: c.written, words: c.written.split(' '), type: 'organization', roles: [], aliases: new Set(), gender: null, suffix: null, mentions: [], he: 0, she: 0 };
      entities.push(entity);
    }
    entity.mentions.push({ pos: c.pos, block: c.block, sentence: c.sentence, index: c.index, inQuote: false, written: c.written, subject: c.subject, cueSubject: false });
  }
  const keyOf = (words: readonly string[], suffix: string | null): string => `${words.join(' ').toLowerCase()}|${suffix ?? ''}`;
  const parts = occurrences.map((o) => splitName(o.written));

  // pass 1: multi-word names
  occurrences.forEach((o, k) => {
    const p = parts[k]!;
    if (p.words.length < 2 || blocks[o.block]!.in === 'headline') return;
    const type = nameType(p.words, p.hadThe);
    const first = p.words[0]!;
    const last = p.words.at(-1)!;
    // same first and last word (middle initials vary) → same entity
    let entity = byFull.get(keyOf(p.words, p.suffix)) ?? entities.find((e) => e.type === type && e.words.length >= 2 && e.words[0] === first && e.words.at(-1) === last && e.suffix === p.suffix);
    if (entity === undefined) {
      entity = { id: entities.length, name: p.name, words: [...p.words], type, roles: [], aliases: new Set(), gender: type === 'person' ? firstNameGender(first) : null, suffix: p.suffix, mentions: [], he: 0, she: 0 };
      entities.push(entity);
    }
    byFull.set(keyOf(p.words, p.suffix), entity);
    if (p.words.length > entity.words.length && !/^\p{Lu}\.$/u.test(p.words[1] ?? '')) {
      entity.words = [...p.words];
      entity.name = p.name;
    }
  });

  // a surname the article gives far more often with an honorific ("Mr. Obama", 15 times) than in full, when every full
  // name with it is of the other sex ("the first lady, Michelle Obama", once): its bare and titled forms ("President
  // Obama") have the honorific's gender
  const surnameGender = new Map<string, 'm' | 'f'>();
  const forms = new Map<string, { m: number; f: number; full: number }>();
  const formsOf = (w: string): { m: number; f: number; full: number } => {
    let c = forms.get(w);
    if (c === undefined) forms.set(w, (c = { m: 0, f: 0, full: 0 }));
    return c;
  };
  for (const p of parts) {
    if (p.words.length === 1 && p.gender !== null) formsOf(p.words[0]!.toLowerCase())[p.gender]++;
    else if (p.words.length >= 2) formsOf(p.words.at(-1)!.toLowerCase()).full++;
  }
  for (const [w, c] of forms) {
    const g = c.m > c.f ? 'm' : c.f > c.m ? 'f' : null;
    if (g === null) continue;
    const full = entities.filter((e) => e.type === 'person' && e.words.length >= 2 && e.words.at(-1)!.toLowerCase() === w);
    if (full.length > 0 && full.every((e) => e.gender !== null && e.gender !== g) && c[g] > c.m + c.f - c[g] + c.full) surnameGender.set(w, g);
  }

  // pass 2: attach every occurrence
  occurrences.forEach((o, k) => {
    const p = parts[k]!;
    if (p.words.length === 0) return;
    let entity: Entity | undefined;
    if (p.words.length >= 2) entity = byFull.get(keyOf(p.words, p.suffix)) ?? entities.find((e) => e.words[0] === p.words[0] && e.words.at(-1) === p.words.at(-1) && e.suffix === p.suffix);
    else entity = matchSingle(entities, p.words[0]!, p.gender ?? surnameGender.get(p.words[0]!.toLowerCase()) ?? null, o.pos, p.hadThe);
    if (entity === undefined && blocks[o.block]!.in === 'headline') return;
    if (entity === undefined) {
      const type = nameType(p.words, p.hadThe);
      entity = { id: entities.length, name: p.name, words: [...p.words], type, roles: [], aliases: new Set(), gender: null, suffix: p.suffix, mentions: [], he: 0, she: 0 };
      entities.push(entity);
      byFull.set(keyOf(p.words, p.suffix), entity);
    }
    entity.mentions.push({ pos: o.pos, block: o.block, sentence: o.sentence, index: o.index, inQuote: o.inQuote, written: o.written, subject: o.subject, cueSubject: o.cueSubject });
    if (o.written !== entity.name) entity.aliases.add(o.written.replace(/[’']s$/u, ''));
    const role = p.role ?? (o.roleBefore !== null && entity.type === 'person' ? o.roleBefore : null);
    if (role !== null && entity.type === 'person' && !entity.roles.includes(role)) entity.roles.push(role);
    if (p.gender !== null && entity.gender === null) entity.gender = p.gender;
  });

  // gender: honorifics first, then first names, then the pronouns that follow mentions
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const m of e.mentions) {
      // a pronoun after a mention that is not the subject ("in an interview with MTVu, he …") says nothing about it
      if (m.inQuote || !m.subject) continue;
      const tokens = sentenceTokens[m.block]![m.sentence]!;
      const next = sentenceTokens[m.block]![m.sentence + 1] ?? [];
      const others = (ts: readonly Token[]): boolean => ts.some((t, i) => i !== m.index && isNameWord(t) && t !== tokens[0]);
      const after = tokens.slice(m.index + 1);
      for (const t of after.concat(others(next) ? [] : next)) {
        const l = t.text.toLowerCase();
        if (l === 'he' || l === 'his' || l === 'himself') e.he++;
        else if (l === 'she' || l === 'hers' || l === 'herself') e.she++;
      }
    }
    if (e.gender === null) e.gender = firstNameGender(e.words.length >= 2 ? e.words[0]! : '') ?? (e.he > e.she ? 'm' : e.she > e.he ? 'f' : null);
  }
  // a single-word "person" never seen with a title, an honorific, a cue verb or a pronoun is probably not a person
  for (const e of entities) {
    if (e.type !== 'person' || e.words.length !== 1) continue;
    const evidence = e.roles.length > 0 || e.gender !== null || e.mentions.some((m) => m.cueSubject || (m.subject && !m.inQuote && m.index > 0));
    if (!evidence || e.mentions.every((m) => modifierAt.has(m.pos))) e.type = 'unknown';
  }
  // a longer "person" whose first word is no first name but a word the article also writes in lowercase is a thing or a
  // place ("New Hampshire", "Social Security", "Affordable Care Act"), unless a title or an honorific was seen with it
  for (const e of entities) {
    if (e.type !== 'person' || e.words.length < 2 || e.roles.length > 0) continue;
    const first = e.words[0]!;
    if (firstNameGender(first) !== null) continue;
    if (PLACE_STARTS.test(first)) e.type = 'country';
    else if (lowerWords.has(first.toLowerCase()) || /^\p{Lu}+$/u.test(first)) e.type = 'unknown';
  }
  const indexOf = new Map(blocks.map((b, i) => [`${b.in}:${b.paragraph}`, i]));
  const blockIndex = (part: string, paragraph: number): number => indexOf.get(`${part}:${paragraph}`) ?? -1;
  const sentenceOf = (block: number, offset: number): number => {
    const b = blocks[block];
    if (b === undefined) return 0;
    const i = b.sentences.findIndex(([s, e]) => offset >= s && offset < e);
    return i < 0 ? b.sentences.length - 1 : i;
  };
  return { blocks, entities, pronouns, lowerWords, midCaps, surnameGender, blockIndex, sentenceOf };
}

/** The entity a single written word names (a surname, a first name, "the Times"), preferring the most mentioned. */
export function matchSingle(entities: readonly Entity[], word: string, gender: 'm' | 'f' | null, pos: Position, hadThe = false): Entity | undefined {
  const w = word.replace(/[’']s$/u, '').toLowerCase();
  // the full name the article uses most, then the one it introduced first
  const score = (e: Entity): number => e.mentions.filter((m) => m.written.split(/\s+/u).length >= 2 && !m.inQuote).length;
  const lastBefore = (e: Entity, full: boolean): Position => {
    let at = -1;
    for (const m of e.mentions) if (m.pos < pos && m.pos > at && (!full || m.written.split(/\s+/u).length >= 2)) at = m.pos;
    return at;
  };
  const pick = (list: Entity[]): Entity | undefined => {
    let filtered = list;
    if (gender !== null) {
      const g = list.filter((e) => e.gender === gender || e.gender === null);
      if (g.length > 0) filtered = g;
    }
    // a plain surname means the person, not "Jr."
    const plain = filtered.filter((e) => e.suffix === null);
    if (plain.length > 0) filtered = plain;
    const main = filtered.sort((a, b) => score(b) - score(a) || a.id - b.id)[0];
    // another of that surname introduced in full five paragraphs or more after the main one was last named, and named in
    // this paragraph or the one before, is the one meant: "Homeland Security Secretary Jeh Johnson says … Johnson tells"
    if (main !== undefined && filtered.length > 1) {
      const here = Math.floor(pos / BLOCK);
      const mainAt = lastBefore(main, false);
      const recent = filtered.filter((e) => e !== main).map((e) => ({ e, full: lastBefore(e, true), at: lastBefore(e, false) })).filter((x) => x.full >= 0 && here - Math.floor(x.at / BLOCK) <= 1).sort((a, b) => b.at - a.at)[0];
      if (recent !== undefined && Math.floor(recent.full / BLOCK) - Math.floor(mainAt / BLOCK) >= 5) return recent.e;
    }
    return main;
  };
  const surname = entities.filter((e) => e.words.length >= 2 && e.words.at(-1)!.toLowerCase() === w && e.type === 'person');
  // "Mr. Obama" is not Michelle Obama: a stated gender that none of them has looks further
  if (surname.length > 0 && !(gender !== null && surname.every((e) => e.gender !== null && e.gender !== gender))) return pick(surname);
  const org = entities.filter((e) => e.words.length >= 2 && e.type === 'organization' && (e.words.at(-1)!.toLowerCase() === w || e.words.map((x) => x[0]).join('').toLowerCase() === w));
  if (org.length > 0 && (hadThe || org[0]!.words.map((x) => x[0]).join('').toLowerCase() === w)) return pick(org);
  // "the Commission" for the Commission on Presidential Debates: the head before "of", "on", "for"
  const headed = hadThe ? entities.filter((e) => e.type === 'organization' && e.words.some((x, i) => x.toLowerCase() === w && /^(?:of|on|for)$/i.test(e.words[i + 1] ?? ''))) : [];
  if (headed.length > 0) return pick(headed);
  const firstName = firstNameGender(w) === null ? [] : entities.filter((e) => e.words.length >= 2 && e.words[0]!.toLowerCase() === w && e.type === 'person');
  if (firstName.length > 0) return pick(firstName);
  return entities.find((e) => e.words.length === 1 && e.words[0]!.toLowerCase() === w);
}
