/**
 * The `speakers` stage: resolve each quote's source mention to a speaker of the
 * article (a full name with roles and aliases, an organisation, a country, a
 * document, or an anonymous source), with a confidence.
 *
 *   QuotedArticle → AttributedArticle
 */
import { message } from '../messages.ts';
import type { ArticleSpeaker, AttributedArticle, AttributedQuote, Message, QuoteSpan, QuotedArticle, SpeakerType } from '../types.ts';
import { BLOCK, MONTHS, collectEntities, matchSingle, type Entity, type EntityMention, type Inventory, type Position, type SubjectPronoun } from './inventory.ts';
import { ANONYMOUS_HEADS, DOCUMENT_HEADS, INDEFINITE, ORG_DESCRIPTION_HEADS, OUTLET_HEADS, TITLES, firstNameGender } from './lexicon.ts';
import { ROLE_WORDS } from '../quotes/phrases.ts';
import { partText, sentenceFinder } from '../quotes/context.ts';
import { nameType, splitName } from './names.ts';

export { splitName, nameType } from './names.ts';

/** What a mention resolved to, before speakers get keys. */
type Resolved =
  | { readonly kind: 'entity'; readonly entity: Entity; readonly confidence: number }
  | { readonly kind: 'other'; readonly name: string; readonly type: SpeakerType; readonly confidence: number }
  | null;

const PRONOUN_GENDER: Readonly<Record<string, 'm' | 'f'>> = { he: 'm', him: 'm', his: 'm', she: 'f', her: 'f' };

const NEWS_WORDS = /(?:times|post|journal|news|tribune|herald|gazette|magazine|press|daily|review|cnn|msnbc|fox|nbc|abc|cbs|npr|politico|reuters|breitbart|hill|atlantic|economist|guardian|telegraph|examiner|observer|monitor|chronicle|inquirer|globe|axios|buzzfeed|vox|slate|salon|newsweek|yorker|politifact|hedge|wire|report|network|channel|radio|bloomberg|associated)$/i;

function isNewsOrg(e: Entity): boolean {
  return e.type === 'organization' && NEWS_WORDS.test(e.words.at(-1)!.replace(/\.$/, ''));
}

function positionOf(inv: Inventory, part: string, paragraph: number, offset: number): Position {
  return inv.blockIndex(part, paragraph) * BLOCK + offset;
}

/** The latest mention of `e` before `pos`, or -1. */
function lastMentionBefore(e: Entity, pos: Position, outsideQuotes = false, subjectOnly = false): number {
  let best = -1;
  for (const m of e.mentions) if (m.pos < pos && m.pos > best && !(outsideQuotes && m.inQuote) && (!subjectOnly || m.subject)) best = m.pos;
  return best;
}

interface Context {
  readonly inv: Inventory;
  /** Speakers of earlier quotes, with where their quote was. */
  readonly previous: Array<{ readonly entity: Entity; readonly pos: Position }>;
  /** Every mention by block, so that a look back over a few paragraphs costs those paragraphs only. */
  readonly byBlock: Map<number, Array<{ readonly e: Entity; readonly m: EntityMention }>>;
  /** The byline's author when it names one person (who a cued "I" is), else null. */
  readonly author: string | null;
}

/**
 * The person a byline names: "Ann Coulter", "Heidi M. Przybyla, USA TODAY" → Heidi M. Przybyla, "By JIM RUTENBERG" →
 * Jim Rutenberg; null for an outlet or a wire ("Breitbart News", "AP") and for several authors.
 */
function bylinePerson(author: string | null): string | null {
  if (author === null) return null;
  const first = author.replace(/^\s*by\s+/iu, '').split(',')[0]!.trim();
  const words = first.split(/\s+/u).map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w));
  if (words.length < 2 || words.length > 4 || words.some((w) => !/^\p{Lu}[\p{L}.’'-]*$/u.test(w))) return null;
  if (nameType(words) !== 'person' || words.some((w) => /^(?:news|staff|press|media|wire|editorial|board|editors|times|post|today|reporter|network)$/i.test(w))) return null;
  return words.join(' ');
}

/** Record a mention of `e` (in the entity and in the block index). */
function addMention(ctx: Context, e: Entity, m: EntityMention): void {
  e.mentions.push(m);
  const list = ctx.byBlock.get(m.block);
  if (list === undefined) ctx.byBlock.set(m.block, [{ e, m }]);
  else list.push({ e, m });
}

/** The mentions in blocks `from`…`to`. */
function mentionsIn(ctx: Context, from: number, to: number): Array<{ readonly e: Entity; readonly m: EntityMention }> {
  const out: Array<{ readonly e: Entity; readonly m: EntityMention }> = [];
  for (let b = Math.max(0, from); b <= to; b++) out.push(...(ctx.byBlock.get(b) ?? []));
  return out;
}

/** A person a pronoun (or a role description) points back to. */
function antecedent(ctx: Context, pos: Position, gender: 'm' | 'f' | null, role: string | null): Entity | null {
  const { inv } = ctx;
  const block = Math.floor(pos / BLOCK);
  const sentence = inv.sentenceOf(block, pos % BLOCK);
  const fits = (e: Entity): boolean =>
    e.type === 'person' && (gender === null || e.gender === gender || e.gender === null) &&
    (role === null || e.roles.some((r) => r.toLowerCase().includes(role)) || e.roles.length === 0 && false);
  const strictFits = (e: Entity): boolean => fits(e) && (gender === null || e.gender === gender);
  // 1. a subject earlier in the same sentence
  const sameSentence = mentionsIn(ctx, block, block).filter(({ e, m }) => m.sentence === sentence && m.pos < pos && !m.inQuote && m.subject && fits(e));
  sameSentence.sort((a, b) => a.m.pos - b.m.pos);
  const sameStrict = sameSentence.find((x) => strictFits(x.e));
  if (sameStrict !== undefined) return sameStrict.e;
  if (sameSentence.length > 0 && gender === null) return sameSentence[0]!.e;
  // 2. the nearest fitting subject since the previous quote (the previous speaker again, or someone new),
  //    else the previous quote's speaker
  const prevSpeaker = [...ctx.previous].reverse().find((p) => fits(p.entity) && p.pos < pos && block - Math.floor(p.pos / BLOCK) <= 2);
  const subjects = mentionsIn(ctx, block - 3, block).filter(({ e, m }) => m.pos < pos && !m.inQuote && fits(e));
  subjects.sort((a, b) => b.m.pos - a.m.pos);
  const sinceSpeaker = prevSpeaker === undefined ? subjects : subjects.filter((s) => s.m.pos > prevSpeaker.pos);
  const newSubject = sinceSpeaker.find((s) => s.m.subject && (gender === null || strictFits(s.e) || (s.m.cueSubject && s.e.gender === null)));
  if (newSubject !== undefined) return newSubject.e;
  // a person first named, in full, in the paragraph before, as an object, not an owner (… concerns Henry Crespo, president of …),
  // when nobody (no name, no he/she) is a subject since: the one a quote opening the next paragraph with "he said" is about
  const introduced = gender !== null && role === null && block - 1 >= 0 && !mentionsIn(ctx, block, block).some(({ m }) => m.pos < pos && !m.inQuote)
    ? sinceSpeaker.find((x) => x.m.block === block - 1 && !x.m.subject && strictFits(x.e) && x.e.words.length >= 2 && x.e.mentions[0] === x.m &&
      !/['’]s?$/u.test(x.m.written) && !/^['’]/u.test(inv.blocks[block - 1]?.text.slice(x.m.pos % BLOCK + x.m.written.length) ?? ''))
    : undefined;
  if (introduced !== undefined && !sinceSpeaker.some((x) => x.m.subject) && !inv.pronouns.some((p) => p.pos > introduced.m.pos && p.pos < pos)) return introduced.e;
  if (prevSpeaker !== undefined) return prevSpeaker.entity;
  const subject = subjects.find((s) => s.m.subject && strictFits(s.e)) ?? subjects.find((s) => strictFits(s.e)) ?? subjects.find((s) => s.m.subject) ?? subjects[0];
  return subject?.e ?? null;
}

const ROLE_SYNONYMS: Readonly<Record<string, string>> = { gop: 'republican', sen: 'senator', 'sen.': 'senator', rep: 'representative', 'rep.': 'representative', gov: 'governor', 'gov.': 'governor', frontrunner: 'front-runner', democrat: 'democratic' };
const roleWord = (w: string): string => ROLE_SYNONYMS[w.toLowerCase()] ?? w.toLowerCase().replace(/\.$/, '');

/**
 * The person whose roles share the most words with a description ("the GOP front-runner" →
 * the person introduced as "Republican front-runner Donald Trump"); ties go to the most recent.
 */
function byRoleWords(ctx: Context, pos: Position, description: readonly string[]): Entity | null {
  const wanted = new Set(description.map(roleWord).filter((w) => !/^(?:the|a|an|former|of|and|presidential|then)$/.test(w)));
  if (wanted.size === 0) return null;
  let best: Entity | null = null;
  let bestScore = 0;
  let bestAt = -1;
  for (const e of ctx.inv.entities) {
    if (e.type !== 'person' || e.roles.length === 0) continue;
    const at = lastMentionBefore(e, pos);
    if (at < 0) continue;
    const have = new Set(e.roles.flatMap((r) => r.split(/\s+/u)).map(roleWord));
    const score = [...wanted].filter((w) => have.has(w)).length;
    if (score > bestScore || (score === bestScore && score > 0 && at > bestAt)) {
      best = e;
      bestScore = score;
      bestAt = at;
    }
  }
  return best;
}

/** The organisation (or country) "they" / "it" / "the campaign" points back to. */
function orgAntecedent(ctx: Context, pos: Position, test: (e: Entity) => boolean, subjectOnly = false): Entity | null {
  // the latest fitting mention in this paragraph and the four before (read from the index by block, not from every entity)
  const block = Math.floor(pos / BLOCK);
  let best: Entity | null = null;
  let bestAt = -1;
  for (const { e, m } of mentionsIn(ctx, block - 4, block)) {
    if (m.pos < pos && m.pos > bestAt && !m.inQuote && (!subjectOnly || m.subject) && test(e)) {
      best = e;
      bestAt = m.pos;
    }
  }
  return best;
}

/** Plural people-nouns that make an unnamed collective source ("Critics say"). */
const BARE_PLURALS = /^(?:critics|officials|sources|experts|analysts|aides|supporters|opponents|observers|insiders|economists|historians|scientists|researchers|witnesses|residents|voters|lawmakers|protesters|activists|advocates|diplomats|strategists|pollsters|others|some|many)$/;

const singular = (w: string): string => w.replace(/(?:ies)$/, 'y').replace(/s$/, '');

const lastWordOf = (s: string): string => s.split(/\s+/u).at(-1) ?? '';

/** The words of a description that may match a role: all but a leading determiner ("the Florida senator" → Florida senator). */
const roleQuery = (words: readonly string[]): readonly string[] => (/^(?:the|a|an|this|that|his|her|their|its)$/.test(words[0] ?? '') ? words.slice(1) : words);

/**
 * When a man and a woman share a surname ("Obama"), the first `he`/`his` or `she`/`her` after a bare surname in
 * its sentence, outside quotation marks and with no other name in between, tells which one it is ("Clinton says she …").
 */
function localGender(ctx: Context, surname: string, pos: Position): 'm' | 'f' | null {
  const w = surname.toLowerCase();
  const genders = new Set(ctx.inv.entities.filter((e) => e.type === 'person' && e.words.length >= 2 && e.words.at(-1)!.toLowerCase() === w).map((e) => e.gender));
  if (!(genders.has('m') && genders.has('f'))) return null;
  const bi = Math.floor(pos / BLOCK);
  const block = ctx.inv.blocks[bi];
  if (block === undefined) return null;
  const at = pos % BLOCK;
  const end = block.sentences[ctx.inv.sentenceOf(bi, at)]?.[1] ?? block.text.length;
  const after = at + surname.length;
  for (const m of block.text.slice(after, end).matchAll(/\b(he|his|him|she|her|hers)\b|\s(\p{Lu}\p{Ll}+)/gu)) {
    const where = after + m.index;
    if (block.quotes.some((q) => where >= q.start && where < q.end)) continue;
    if (m[2] !== undefined) return null;
    return /^(?:he|his|him)$/i.test(m[1]!) ? 'm' : 'f';
  }
  return null;
}

/** Epithets for a person the article names ("the 69-year-old", "the gambling tycoon", "the firebrand"). */
const EPITHETS = /^(?:\d+-year-old|tycoon|magnate|firebrand|populist|socialist|outsider|newcomer|lawmaker|legislator|congressman|congresswoman|star|celebrity|icon|veteran|frontrunner|front-runner|real-estate|developer|billionaire|mogul|businessman|businesswoman)$/;

/** Heads that describe nobody in particular ("the man", "the crowd", "the announcer"). */
const GENERIC_HEADS = new Set(['man', 'woman', 'person', 'people', 'crowd', 'audience', 'source', 'narrator', 'announcer', 'voice', 'speaker', 'caller', 'questioner', 'viewer', 'reader', 'voter', 'member', 'supporter', 'protester', 'protestor', 'demonstrator', 'resident', 'customer', 'user', 'owner', 'worker', 'employee', 'passenger', 'stranger', 'neighbor', 'neighbour', 'listener', 'observer', 'insider', 'leader', 'organizer', 'participant', 'attendee', 'teenager', 'server', 'computer', 'order', 'letter', 'number', 'center', 'matter', 'character', 'chapter', 'poster', 'banner', 'trailer', 'flyer', 'sticker', 'counter']);

/** Heads of a description of someone's staff: "Trump’s campaign manager", "Lazar's public defense counsel". */
const AIDE_HEADS = new Set(['manager', 'director', 'counsel', 'chairman', 'chairwoman', 'chief', 'strategist', 'pollster', 'secretary', 'assistant', 'deputy', 'speechwriter', 'consultant', 'surrogate', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'mother', 'father']);

/** What a named owner speaks through, besides documents: "Gowdy’s office". */
const OWNER_SPEAKS = new Set(['office', 'offices', 'team', 'staff', 'account', 'feed', 'page', 'website', 'site', 'blog', 'words', 'language', 'remarks', 'comments', 'speech', 'testimony', 'tweets', 'twitter', 'facebook', 'answer', 'response', 'reply', 'retort', 'remark', 'comment', 'message', 'slogan', 'catchphrase', 'mantra', 'refrain', 'motto']);

/** Description heads that any organisation may answer to, whatever its name ("the group", "the company"). */
const GENERIC_ORG_HEADS = new Set(['group', 'organization', 'organisation', 'company', 'firm', 'agency', 'union']);

/** An organisation that is a subject earlier in the sentence of `pos` (outside quotes), or null. */
function ownSentenceOrganisation(ctx: Context, pos: Position) {
  const block = Math.floor(pos / BLOCK);
  const sentence = ctx.inv.sentenceOf(block, pos % BLOCK);
  return mentionsIn(ctx, block, block).find(({ e: x, m }) => m.sentence === sentence && m.pos < pos && m.subject && !m.inQuote && x.type === 'organization')?.e ?? null;
}

/**
 * The organisation that spoke the last quote before `pos`, in this paragraph or the two before: who a cued `it` is
 * when no organisation is named nearer (`“…,” the article read. / “…,” it added.`).
 */
function previousOrganisation(ctx: Context, pos: Position): Entity | null {
  let before: Context['previous'][number] | undefined;
  for (let i = ctx.previous.length - 1; i >= 0 && before === undefined; i--) if (ctx.previous[i]!.pos < pos) before = ctx.previous[i];
  return before !== undefined && before.entity.type === 'organization' && Math.floor(pos / BLOCK) - Math.floor(before.pos / BLOCK) <= 2 ? before.entity : null;
}

/**
 * Who introduced the document a definite description points back to (`President Obama released a statement Thursday
 * night …` / `“…,” the statement said`): the person or organisation that is the subject of the last sentence, in this
 * paragraph or the two before, that names a document with this head after "a", "an" or a possessive pronoun.
 */
function documentIntroducer(ctx: Context, pos: Position, head: string): Entity | null {
  const block = Math.floor(pos / BLOCK);
  const intro = new RegExp(`\\b(?:a|an|his|her|its|their)\\s+(?:[\\p{L}\\p{N}’'-]+\\s+){0,3}?${head}\\b`, 'iu');
  for (let b = block; b >= 0 && b >= block - 2; b--) {
    const text = ctx.inv.blocks[b];
    if (text === undefined) continue;
    const mentions = mentionsIn(ctx, b, b);
    for (let si = text.sentences.length - 1; si >= 0; si--) {
      const [from, to] = text.sentences[si]!;
      if (b === block && from >= pos % BLOCK) continue;
      const m = intro.exec(text.text.slice(from, b === block ? Math.min(to, pos % BLOCK) : to));
      if (m === null || text.quotes.some((q) => from + m.index >= q.start && from + m.index < q.end)) continue;
      return mentions.find(({ e, m: x }) => x.sentence === si && x.subject && !x.inQuote && (e.type === 'person' || e.type === 'organization'))?.e ?? null;
    }
  }
  return null;
}

/** Resolve one source mention as written. */
function resolveMention(ctx: Context, text: string, pos: Position): Resolved {
  // an age before a name describes the name: "17-year-old Jared Potts"; so does a year or a date before role words
  // ("9/11 widow Terry Strada", "2012 nominee Mitt Romney")
  const written = text.trim().replace(/^(he|she|they|it|we|i)[’'](?:s|re|ll|d|ve)$/iu, '$1').replace(/^\p{N}+-year-old\s+(?=\p{Lu})/u, '').replace(/^\p{N}+(?:\/\p{N}+)?\s+(?=\p{Ll}[\p{L}\s-]*\s\p{Lu})/u, '');
  const lower = written.toLowerCase();
  const words = lower.split(/\s+/u);
  const first = words[0] ?? '';
  const head = (words.findIndex((w) => w === 'of' || w === 'for' || w === 'at' || w === 'with') > 0
    ? words[words.findIndex((w) => w === 'of' || w === 'for' || w === 'at' || w === 'with') - 1]
    : words.at(-1)) ?? '';
  // pronouns
  if (words.length === 1 && PRONOUN_GENDER[first] !== undefined) {
    const e = antecedent(ctx, pos, PRONOUN_GENDER[first]!, null);
    return e === null ? null : { kind: 'entity', entity: e, confidence: 0.8 };
  }
  // "they" is usually several people the article never names as one: leave it unnamed rather than guess, unless an
  // organisation is the subject of its own sentence ("Clinton’s campaign is seeking to contrast … with what they call “…”"),
  // or was the last subject of a sentence in this paragraph or the four before ("The Security Council issued a statement
  // … / “…,” they said": a board, a newsroom, a council speaks as "they")
  if (words.length === 1 && first === 'they') {
    const own = ownSentenceOrganisation(ctx, pos) ?? orgAntecedent(ctx, pos, (x) => x.type === 'organization', true);
    return own === null ? null : { kind: 'entity', entity: own, confidence: 0.6 };
  }
  if (words.length === 1 && first === 'we') return null;
  if (words.length === 1 && first === 'it') {
    // "it said" is an organisation's (or a document's); a place that was named last leaves it unnamed
    // an organisation that is the subject of this sentence comes first ("The Security Council condemned North Korea's test,
    // what it called “…”")
    const own = ownSentenceOrganisation(ctx, pos);
    if (own !== null) return { kind: 'entity', entity: own, confidence: 0.6 };
    const e = orgAntecedent(ctx, pos, (x) => x.type === 'organization' || x.type === 'country' || x.type === 'group');
    return e === null || e.type === 'country' ? null : { kind: 'entity', entity: e, confidence: 0.6 };
  }
  // a cued "I" in the narrative is the writer the byline names ("“This is the most absurd argument I’ve read,” I said")
  if (words.length === 1 && first === 'i' && ctx.author !== null) {
    const parts = ctx.author.split(/\s+/u);
    const e = ctx.inv.entities.find((x) => x.words[0] === parts[0] && x.words.at(-1) === parts.at(-1));
    return e !== undefined ? { kind: 'entity', entity: e, confidence: 0.7 } : { kind: 'other', name: ctx.author, type: 'person', confidence: 0.7 };
  }
  if (words.length === 1 && (first === 'i' || first === 'you')) return null;
  // an indefinite article before capitalised words is someone unnamed: "a New Hampshire Republican", "an Ohio Democrat"
  if (/^(?:a|an|another)\s+(?:\p{Lu}[\p{L}.’'-]*\s+)*\p{Lu}[\p{L}’'-]*$/u.test(written)) return { kind: 'other', name: written, type: 'anonymous', confidence: 0.85 };
  // a description that ends in a full name is that name: "his campaign manager Jeff Weaver" (not "a spokesman for
  // Hillary Clinton", nor "Trump’s aide Kellyanne Conway"'s owner)
  const trailing = /^(?:the|a|an|his|her|their|its)\s/i.test(written) ? /^(.*?\p{Ll}[\p{L}-]*)\s+((?:\p{Lu}[\p{L}’'.-]*\s+){1,3}\p{Lu}[\p{L}’'.-]*)$/u.exec(written) : null;
  if (trailing !== null && !/\b(?:of|for|at|with|to|from|by|and|or|in|on|about|against|than|like)$/i.test(trailing[1]!)) {
    const named = resolveMention(ctx, trailing[2]!, pos);
    if (named !== null && named.kind === 'entity' && named.entity.type === 'person') return named;
  }
  // descriptions
  const lastWord = written.split(/\s+/u).at(-1) ?? '';
  const roleHeaded = words.length >= 2 && /^\p{Ll}/u.test(lastWord) && !/^(?:de|van|von|da|di|du|la|le|del|der|bin|al|jr\.?)$/.test(lastWord);
  if (words.length === 1 && (ANONYMOUS_HEADS.has(first) || BARE_PLURALS.test(first))) return { kind: 'other', name: written, type: 'anonymous', confidence: 0.85 };
  const stripped = written.replace(/^(?:the|a|an)\s+/iu, '');
  // lowercase role words before a name: "retired neurosurgeon Ben Carson", "talk show host Sean Hannity"
  const roleThenName = /^\p{Ll}/u.test(written) && !INDEFINITE.has(first) && !['the', 'this', 'that', 'his', 'her', 'their', 'its'].includes(first) &&
    !words.some((w) => /^(?:of|for|at|with|to|from|in|on|and|or|by)$/.test(w)) && /\s\p{Lu}[\p{L}’'.-]*$/u.test(written) && !/’s\s/u.test(written) &&
    !TITLES.has(lastWordOf(written).toLowerCase().replace(/\.$/, ''));
  if (!roleThenName && !/^\p{Lu}/u.test(stripped) || roleHeaded || /^(?:The|A|An|One|Some|Two|Three|Several|Many|Other|Another|Most|His|Her|Their)\s+\p{Ll}/u.test(written)) {
    // a document or report of a named organisation: "a Homeland Security memo", "A Government Accountability Office report released last year", "a Times article"
    const issued = /^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+((?:\p{Lu}[\p{L}.’'&-]*\s+)+)(\p{Ll}[\p{L}-]*)\b/u.exec(written);
    if (issued !== null && DOCUMENT_HEADS.has(issued[2]!)) {
      const issuer = resolveMention(ctx, `the ${issued[1]!.trim()}`, pos);
      if (issuer !== null && !(issuer.kind === 'other' && issuer.type === 'anonymous')) return { ...issuer, confidence: Math.min(issuer.confidence, 0.6) };
    }
    const anonymous = INDEFINITE.has(first) || (words.length === 1 && ANONYMOUS_HEADS.has(first)) || (!['the', 'this', 'that', 'his', 'her', 'their', 'its'].includes(first) && ANONYMOUS_HEADS.has(head) && !/^\p{Lu}/u.test(written));
    if (anonymous) return { kind: 'other', name: written, type: 'anonymous', confidence: 0.9 };
    // "the Clinton campaign", "Trump’s campaign"
    const campaign = /^(?:the\s+)?(\p{Lu}[\p{L}’'.-]*?)(?:[’']s)?\s+campaign$/u.exec(written);
    if (campaign !== null) {
      const e = ctx.inv.entities.find((x) => x.name === `${campaign[1]} campaign`);
      if (e !== undefined) return { kind: 'entity', entity: e, confidence: 0.8 };
    }
    // a named owner's document or office speaks for the owner: "Ivana Trump’s brief", "Gowdy’s office", "Sanders’ fundraising email"
    // (a campaign is an owner too: "the Trump campaign's website")
    const owned = /^(?:the\s+)?(\p{Lu}[\p{L}.\s-]*?(?:\s+campaign)?)(?:[’']s|s[’'])\s+(?:\p{Ll}[\p{L}-]*\s+)?(\p{Ll}[\p{L}-]*)$/u.exec(written);
    if (owned !== null && (DOCUMENT_HEADS.has(owned[2]!) || OWNER_SPEAKS.has(owned[2]!))) {
      const owner = resolveMention(ctx, owned[1]!.trim(), pos);
      if (owner !== null && !(owner.kind === 'other' && owner.type === 'anonymous')) return { ...owner, confidence: Math.min(owner.confidence, 0.7) };
    }
    if (OUTLET_HEADS.has(head) || /\beditorial\b|\beditors\b/.test(lower)) {
      const e = orgAntecedent(ctx, pos, isNewsOrg);
      return e === null ? null : { kind: 'entity', entity: e, confidence: 0.75 };
    }
    if (ORG_DESCRIPTION_HEADS.has(head)) {
      // its last word, or its head before "of", "on", "for" ("the commission" → Commission on Presidential Debates)
      const e = orgAntecedent(ctx, pos, (x) => x.type === 'organization' && x.words.some((w, i) => w.toLowerCase() === head && (i === x.words.length - 1 || /^(?:of|on|for)$/i.test(x.words[i + 1] ?? ''))))
        // a head any organisation may have ("the group", "the company"): the organisation last named as a subject
        ?? (GENERIC_ORG_HEADS.has(head) && ['the', 'this', 'that'].includes(first) ? orgAntecedent(ctx, pos, (x) => x.type === 'organization', true) : null)
        // else a name of several words read as a person for want of evidence (no known first name, no gender, not a heading in capitals),
        // the last such subject: "Black Lives Matter issued a statement … “…,” the group said"
        ?? (GENERIC_ORG_HEADS.has(head) && ['the', 'this', 'that'].includes(first) ? orgAntecedent(ctx, pos, (x) => x.type === 'person' && x.words.length >= 2 && x.gender === null && firstNameGender(x.words[0]!) === null && !x.words.every((w) => /^[\p{Lu}\p{P}]+$/u.test(w)), true) : null);
      return e === null ? null : { kind: 'entity', entity: e, confidence: 0.6 };
    }
    // a description that repeats a word of a name the article gave ("the alliance", "the attendants")
    const named = orgAntecedent(ctx, pos, (x) => x.words.length >= 2 && x.words.some((w) => singular(w.toLowerCase()) === singular(head)));
    if (named !== null && ['the', 'this', 'that'].includes(first)) return { kind: 'entity', entity: named, confidence: 0.7 };
    if (DOCUMENT_HEADS.has(head)) {
      // "the statement" after "Obama released a statement …": the subject of the sentence that introduced it
      const introducer = ['the', 'this', 'that'].includes(first) ? documentIntroducer(ctx, pos, head) : null;
      if (introducer !== null) return { kind: 'entity', entity: introducer, confidence: 0.55 };
      // a document speaks for whoever issued it: the organisation last named as a subject ("The Cruz campaign sent an
      // email …"), not one it was sent to or filed against ("a letter to the FBI", "a lawsuit against the Justice Department")
      const issuer = orgAntecedent(ctx, pos, (x) => x.type === 'organization', true);
      return issuer === null ? null : { kind: 'entity', entity: issuer, confidence: 0.5 };
    }
    if (ANONYMOUS_HEADS.has(head) && ['his', 'her', 'their'].includes(first)) return { kind: 'other', name: written, type: 'anonymous', confidence: 0.7 };
    // people in the plural ("the protesters", "the lawyers"): an unnamed group
    if (/[^s]s$/.test(head) && !/(?:ss|us|is)$/.test(head)) return { kind: 'other', name: written, type: 'anonymous', confidence: 0.6 };
    // a role description: "the senator", "the former secretary of state", "the Republican nominee":
    // the person given that role, else the article's most mentioned person so far
    // someone's unnamed aide ("Trump’s campaign manager", "Gary Johnson’s doctor") is not that someone
    if (/^\p{Lu}.*(?:[’']s|s[’'])$/u.test(written.split(/\s+/u)[0] ?? '') && (ANONYMOUS_HEADS.has(head) || AIDE_HEADS.has(head))) {
      const owner = resolveMention(ctx, (written.split(/\s+/u)[0] ?? '').replace(/[’']s?$/u, ''), pos);
      const near = antecedent(ctx, pos, null, null);
      const e = byRoleWords(ctx, pos, roleQuery(words)) ?? antecedent(ctx, pos, null, head) ?? (owner?.kind === 'entity' && owner.entity === near ? null : near);
      return e === null ? { kind: 'other', name: written, type: 'anonymous', confidence: 0.6 } : { kind: 'entity', entity: e, confidence: 0.6 };
    }
    // the last resort, the nearest person, only for words that describe someone the article names ("the senator",
    // "the 69-year-old", "the gambling tycoon"); "the man", "the narrator", "the announcer" stay unnamed
    const describesNamed = TITLES.has(head) || ROLE_WORDS.has(head) || EPITHETS.test(head) || (!GENERIC_HEADS.has(head) && !DOCUMENT_HEADS.has(head) && /(?:er|or|ist|ian|ant|ent|eon|ee)$/.test(head));
    const e = byRoleWords(ctx, pos, roleQuery(words)) ?? antecedent(ctx, pos, null, head) ?? (describesNamed ? antecedent(ctx, pos, null, null) : null);
    if (e === null && !describesNamed) return { kind: 'other', name: written, type: 'anonymous', confidence: 0.6 };
    return e === null ? null : { kind: 'entity', entity: e, confidence: 0.65 };
  }
  // two named speakers together: "Obama and Clinton" (each as the article names them)
  const pair = /^(\p{Lu}[\p{L}.’'\s-]*?)\s+and\s+(\p{Lu}[\p{L}.’'\s-]*)$/u.exec(written);
  if (pair !== null) {
    const [a, b] = [resolveMention(ctx, pair[1]!, pos), resolveMention(ctx, pair[2]!, pos)];
    const nameOf = (r: Resolved): string | null => r === null ? null : r.kind === 'entity' ? r.entity.name : r.type === 'anonymous' ? null : r.name;
    const [na, nb] = [nameOf(a), nameOf(b)];
    if (na !== null && nb !== null && na !== nb) return { kind: 'other', name: `${na} and ${nb}`, type: 'group', confidence: 0.7 };
  }
  // a person "of" a place or an organisation: "Rep. Tom Cole of Oklahoma", "George Zornick of The Nation"
  const of = /^(.*?\p{Lu}[\p{L}’'.-]*\s+\p{Lu}[\p{L}’'.-]*)\s+of\s+(?:the\s+)?\p{Lu}/u.exec(written);
  if (of !== null) {
    const person = splitName(of[1]!);
    if (person.words.length >= 2 && nameType(person.words) === 'person' && person.words.every((w) => /^\p{Lu}/u.test(w))) return resolveMention(ctx, of[1]!, pos);
  }
  // a name
  const parts = splitName(written);
  if (parts.words.length === 0 || parts.name === '') {
    // a surname that is also a title word ("King says", "Baron said"): a person the article named in full
    const last = lastWordOf(written);
    const only = /^\p{Lu}\p{Ll}+$/u.test(last) && (last === written || parts.gender !== null) ? matchSingle(ctx.inv.entities, last, parts.gender, pos) : undefined;
    return only !== undefined && only.words.length >= 2 ? { kind: 'entity', entity: only, confidence: 0.8 } : null;
  }
  if (parts.words.length >= 2) {
    const e = ctx.inv.entities.find((x) => x.words[0]?.toLowerCase() === parts.words[0]!.toLowerCase() && x.words.at(-1)?.toLowerCase() === parts.words.at(-1)!.toLowerCase() && x.suffix === parts.suffix)
      ?? ctx.inv.entities.find((x) => x.words.join(' ').toLowerCase() === parts.words.join(' ').toLowerCase());
    if (e !== undefined) return { kind: 'entity', entity: e, confidence: 0.95 };
    return { kind: 'other', name: parts.name, type: nameType(parts.words, parts.hadThe), confidence: 0.9 };
  }
  const e = matchSingle(ctx.inv.entities, parts.words[0]!, parts.gender ?? localGender(ctx, parts.words[0]!, pos) ?? ctx.inv.surnameGender.get(parts.words[0]!.toLowerCase()) ?? null, pos, parts.hadThe);
  if (e !== undefined) return { kind: 'entity', entity: e, confidence: e.words.length >= 2 ? 0.9 : 0.8 };
  // a lone capitalised word the article also writes in lowercase, a month or a number is no name ("Debates", "September", "Twenty-nine")
  const only = parts.words[0]!;
  if (MONTHS.test(only) || /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|ten|hundred)(?:-\w+)?$/i.test(only) ||
    (ctx.inv.lowerWords.has(only.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(only))) return null;
  // nor is a word the article capitalises only where a sentence starts ("Hastily, …", "Preys on …")
  if (!ctx.inv.midCaps.has(only) && !/^\p{Lu}{2,}$/u.test(only) && nameType(parts.words, parts.hadThe) === 'person') return null;
  return { kind: 'other', name: parts.name, type: nameType(parts.words, parts.hadThe), confidence: 0.75 };
}

/** A quotation's words, lowercased, for finding the same words quoted elsewhere ("Personal Insult" = "personal insult,"). */
function wordsKey(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * Attribute every quote of an article to a speaker of that article.
 *
 * @example
 *   const attributed = resolveSpeakers(extractQuotes(parsed))
 *   attributed.speakers // [{ key: 's1', name: 'Sergey Lavrov', type: 'person', roles: ['Foreign Minister'], aliases: ['Lavrov'] }, …]
 */
export function resolveSpeakers(article: QuotedArticle): AttributedArticle {
  const inv = collectEntities(article);
  const byBlock: Context['byBlock'] = new Map();
  for (const e of inv.entities) {
    for (const m of e.mentions) {
      const list = byBlock.get(m.block);
      if (list === undefined) byBlock.set(m.block, [{ e, m }]);
      else list.push({ e, m });
    }
  }
  const ctx: Context = { inv, previous: [], byBlock, author: bylinePerson(article.author) };
  const speakers: Array<{ key: string; name: string; type: SpeakerType; roles: string[]; aliases: Set<string>; entity: Entity | null }> = [];
  const keyFor = (r: NonNullable<Resolved>): string => {
    let s = r.kind === 'entity'
      ? speakers.find((x) => x.entity === r.entity)
      : speakers.find((x) => x.entity === null && x.name.toLowerCase() === r.name.toLowerCase() && x.type === r.type);
    if (s === undefined) {
      s = r.kind === 'entity'
        ? { key: `s${speakers.length + 1}`, name: r.entity.name, type: r.entity.type, roles: r.entity.roles, aliases: r.entity.aliases, entity: r.entity }
        : { key: `s${speakers.length + 1}`, name: r.name, type: r.type, roles: [], aliases: new Set<string>(), entity: null };
      speakers.push(s);
    }
    return s.key;
  };
  // pass 1: quotes with a mention of their own, in document order, with the subject pronouns between them:
  // each pronoun joins the chain of the person it refers to ("Sarandon told MSNBC … She appeared to … “…,” she said")
  const own = new Map<string, { key: string | null; confidence: number }>();
  const steps: Array<{ pos: Position; quote: QuoteSpan | null; pronoun: SubjectPronoun | null }> = inv.pronouns.map((p) => ({ pos: p.pos, quote: null, pronoun: p }));
  for (const q of article.quotes) if (q.mention !== null) steps.push({ pos: positionOf(inv, q.mention.in, q.mention.paragraph, q.mention.start), quote: q, pronoun: null });
  steps.sort((a, b) => a.pos - b.pos);
  const quoteAt = new Set(steps.filter((x) => x.quote !== null).map((x) => x.pos));
  for (const { pos, quote: q, pronoun } of steps) {
    if (pronoun !== null) {
      if (quoteAt.has(pos)) continue;
      const e = antecedent(ctx, pos, pronoun.gender, null);
      if (e !== null) addMention(ctx, e, { pos, block: pronoun.block, sentence: pronoun.sentence, index: pronoun.index, inQuote: false, written: pronoun.gender === 'm' ? 'he' : 'she', subject: true, cueSubject: false });
      continue;
    }
    if (q === null || q.mention === null) continue;
    const previousOrg = q.cue !== null && /^it$/i.test(q.mention.text.trim()) ? previousOrganisation(ctx, pos) : null;
    const r = resolveMention(ctx, q.mention.text, pos) ?? (previousOrg === null ? null : { kind: 'entity', entity: previousOrg, confidence: 0.6 });
    if (r === null) {
      own.set(q.id, { key: null, confidence: 0 });
      continue;
    }
    const base = q.cue === null ? r.confidence * 0.75 : r.confidence;
    own.set(q.id, { key: keyFor(r), confidence: base });
    if (r.kind === 'entity') ctx.previous.push({ entity: r.entity, pos: positionOf(inv, q.in, q.paragraph, q.start) });
  }
  // pass 2: a group member without an attribution of its own takes that of the nearest earlier member that has one
  // (“…,” Moore said. “…” / “…,” added Rep. Jim Clyburn. “…”: the last part is Clyburn's), else of the first later one
  const groupSpeaker = new Map<string, { key: string; confidence: number }>();
  const lastInGroup = new Map<string, { key: string; confidence: number }>();
  const inherited = new Map<string, { key: string; confidence: number }>();
  for (const q of article.quotes) {
    const g = q.group ?? q.id;
    const mine = own.get(q.id);
    if (mine !== undefined && mine.key !== null) {
      const found = { key: mine.key, confidence: mine.confidence };
      if (!groupSpeaker.has(g)) groupSpeaker.set(g, found);
      lastInGroup.set(g, found);
    } else {
      const before = lastInGroup.get(g);
      if (before !== undefined) inherited.set(q.id, before);
    }
  }
  const settled = (q: QuoteSpan): { key: string | null; confidence: number } => {
    const mine = own.get(q.id);
    const shared = inherited.get(q.id) ?? groupSpeaker.get(q.group ?? q.id);
    if ((mine === undefined || mine.key === null) && shared !== undefined) return { key: shared.key, confidence: Math.max(0, shared.confidence - 0.05) };
    return { key: mine?.key ?? null, confidence: mine?.confidence ?? 0 };
  };
  // a headline or summary quotation that the body quotes too is the body's speaker's ("Obama Sees ‘Personal Insult’ …" /
  // "The president told … he would consider it a “personal insult”"): the body gives the words their context
  const inBody = new Map<string, { key: string; confidence: number }>();
  for (const q of article.quotes) {
    const found = q.in === 'body' ? settled(q) : null;
    if (found !== null && found.key !== null && !inBody.has(wordsKey(q.text))) inBody.set(wordsKey(q.text), { key: found.key, confidence: found.confidence });
  }
  const messages: Message[] = [];
  const around = sentenceFinder();
  const quotes: AttributedQuote[] = article.quotes.map((q: QuoteSpan) => {
    let { key, confidence } = settled(q);
    const repeated = key === null && q.in !== 'body' ? inBody.get(wordsKey(q.text)) : undefined;
    if (repeated !== undefined) {
      key = repeated.key;
      confidence = Math.max(0, repeated.confidence - 0.1);
    }

    if (key === null) {
      const line = q.in === 'headline' ? article.headline.line : q.in === 'summary' ? article.summary[q.paragraph]?.line ?? 1 : article.paragraphs[q.paragraph]?.line ?? 1;
      messages.push(message('quotes:no-speaker', { file: article.path, line, column: q.start }, { text: q.text.length > 60 ? `${q.text.slice(0, 57)}…` : q.text }));
    }
    return { ...q, speakerKey: key, confidence: Math.round(confidence * 100) / 100, context: around(partText(article, q), q.start, q.end) };
  });
  const out: ArticleSpeaker[] = speakers.map((s) => ({
    key: s.key,
    name: s.name,
    type: s.type,
    roles: [...s.roles],
    aliases: [...s.aliases].filter((a) => a !== s.name).sort(),
  }));
  return { ...article, quotes, speakers: out, messages: [...article.messages, ...messages] };
}
