/**
 * Noun-phrase spotting around cue verbs: the source mention ("he", "Sen. Bernie
 * Sanders (I-Vt.)", "a senior administration official", "the newspaper").
 * Works on tokens; returns token index ranges `[first, last]`.
 */
import { BETWEEN, PRONOUNS, cueLemma } from './cues.ts';
import { isCapitalised, type Token } from './text.ts';

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'another', 'one', 'two', 'three', 'four', 'five', 'some', 'many', 'several', 'other', 'his', 'her',
  'their', 'its', 'our', 'most', 'all', 'these', 'those', 'both', 'few', 'numerous', 'various', 'multiple', 'no', 'this', 'that',
]);

/** Capitalised words that start sentences or clauses but are not names. */
export const CAP_STOP = new Set([
  'but', 'and', 'or', 'then', 'so', 'still', 'yet', 'meanwhile', 'however', 'now', 'later', 'asked', 'when', 'after',
  'in', 'on', 'at', 'last', 'this', 'that', 'speaking', 'earlier', 'also', 'instead', 'though', 'although', 'because',
  'while', 'since', 'if', 'as', 'indeed', 'even', 'today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'for', 'from', 'with', 'by', 'to', 'of', 'it', 'there', 'here', 'what', 'why', 'how',
  'where', 'who', 'which', 'we', 'i', 'you', 'they', 'he', 'she', 'his', 'her', 'their', 'its', 'our', 'my', 'your',
  'not', 'no', 'yes', 'well', 'oh', 'during', 'before', 'until', 'about', 'like', 'unlike', 'despite', 'among', 'under',
  'over', 'into', 'through', 'without', 'against', 'according', 'writing', 'appearing', 'responding', 'reacting',
  'addressing', 'echoing', 'citing', 'pressed', 'told', 'says', 'said', 'tells', 'adds', 'notes', 'warns', 'writes',
  'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must',
  'do', 'does', 'did', 'each', 'every', 'both', 'either', 'neither', 'all', 'some', 'many', 'most', 'other', 'another',
  'these', 'those', 'once', 'thus', 'hence', 'therefore', 'besides', 'moreover', 'furthermore', 'otherwise', 'perhaps',
  'maybe', 'only', 'just', 'again', 'already', 'upon', 'via', 'per', 'amid', 'toward', 'towards', 'nor', 'whether',
  'unless', 'whereas', 'whom', 'whose', 'let', 'please', 'watch', 'read', 'see', 'look', 'note', 'update', 'editor',
  'story', 'continued', 'related', 'advertisement', 'photo', 'video', 'getty', 'images',
  'beyond', 'across', 'along', 'around', 'behind', 'below', 'beneath', 'beside', 'between', 'inside', 'outside',
  'within', 'throughout', 'following', 'regarding', 'concerning', 'considering', 'including', 'near', 'above',
  'alongside', 'whatever', 'whoever', 'whenever', 'wherever', 'however', 'having', 'being', 'given', 'asked',
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'few', 'none',
  'everyone', 'everybody', 'nobody', 'anyone', 'anybody', 'someone', 'somebody', 'something', 'nothing', 'everything',
  'anything', 'more', 'less', 'much', 'such', 'any', 'no', 'yes', 'ok', 'okay', 'rather', 'right', 'here', 'sure',
]);

/** Lowercase words that may sit inside a name-with-role mention ("White House press secretary Josh Earnest"). */
export const ROLE_WORDS = new Set([
  'press', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'manager', 'campaign', 'chairman', 'chairwoman', 'chair',
  'director', 'adviser', 'advisor', 'aide', 'candidate', 'nominee', 'presidential', 'vice', 'chief', 'executive',
  'deputy', 'former', 'senior', 'minority', 'majority', 'leader', 'speaker', 'attorney', 'general', 'governor',
  'senator', 'sen.', 'rep.', 'gov.', 'president', 'representative', 'congressman', 'congresswoman', 'mayor', 'judge',
  'strategist', 'pollster', 'analyst', 'host', 'anchor', 'correspondent', 'reporter', 'editor', 'columnist', 'writer',
  'author', 'founder', 'co-founder', 'ceo', 'commissioner', 'sheriff', 'officer', 'official', 'lawyer', 'counsel',
  'economist', 'professor', 'minister', 'foreign', 'prime', 'running', 'mate', 'hopeful', 'contender', 'frontrunner',
  'front-runner', 'state', 'party', 'national', 'committee', 'member', 'whip', 'activist', 'organizer', 'surrogate',
  'supporter', 'ally', 'critic', 'rival', 'opponent', 'challenger', 'incumbent', 'nominee', 'then-candidate',
  'then-senator', 'then-secretary', 'republican', 'democratic', 'independent', 'conservative', 'liberal', 'radio',
  'talk', 'show', 'news', 'network', 'television', 'tv', 'political', 'policy', 'communications', 'media', 'digital',
  'research', 'legal', 'top', 'longtime', 'veteran', 'retired', 'businessman', 'businesswoman', 'billionaire',
  'mogul', 'entrepreneur', 'investor', 'actor', 'actress', 'comedian', 'singer', 'rapper', 'star', 'coach', 'player',
  'ambassador', 'envoy', 'general', 'adm.', 'gen.', 'lt.', 'col.', 'u.s.', 'us', 'white', 'house', 'senate',
  'justice', 'department', 'staff', 'of', 'pastor', 'bishop', 'rabbi', 'imam', 'priest', 'cardinal', 'father',
  'co-chair', 'fellow', 'scholar', 'expert', 'historian', 'consultant', 'operative', 'lobbyist', 'donor', 'fundraiser',
  'treasurer', 'auditor', 'comptroller', 'controller', 'clerk', 'prosecutor', 'district', 'county', 'city', 'council',
  'councilman', 'councilwoman', 'delegate', 'assemblyman', 'assemblywoman', 'lawmaker', 'legislator', 'physician', 'doctor',
]);

/** Name particles that stay inside a name ("Bill de Blasio", "Ludwig van Beethoven"). */
const PARTICLES = new Set(['de', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'del', 'der', 'bin', 'al', 'ibn', 'el', 'dos', 'das', 'st.', 'mc', 'ter', 'den']);

/** Plural heads that make an unnamed collective source without a determiner ("critics say"). */
export const BARE_SOURCES = new Set([
  'critics', 'officials', 'sources', 'experts', 'analysts', 'aides', 'supporters', 'opponents', 'observers', 'people',
  'others', 'some', 'residents', 'voters', 'lawmakers', 'protesters', 'advocates', 'activists', 'insiders', 'economists',
  'historians', 'scientists', 'researchers', 'witnesses', 'investigators', 'prosecutors', 'police', 'authorities',
  'democrats', 'republicans', 'conservatives', 'liberals', 'progressives', 'staffers', 'advisers', 'advisors', 'allies',
  'diplomats', 'strategists', 'pollsters', 'doctors', 'lawyers', 'attorneys', 'organizers', 'organisers', 'fans',
  'parents', 'students', 'teachers', 'workers', 'members', 'leaders', 'detractors', 'skeptics', 'sceptics', 'commentators',
  'pundits', 'reporters', 'journalists', 'editors', 'donors', 'officers', 'agents', 'spokesmen', 'spokespeople', 'polls',
  'documents', 'records', 'reports', 'emails', 'data', 'figures', 'statistics', 'estimates', 'studies', 'surveys',
]);

const PREPS = new Set(['for', 'of', 'at', 'with', 'from', 'to', 'in', 'on']);
const CLAUSE_STOP = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'and', 'but', 'or', 'because', 'if', 'when', 'while', 'as', 'so', 'after',
  'before', 'since', 'although', 'though', 'where', 'than', 'whether', 'nor', 'yet', 'until', 'unless',
]);

const lower = (t: Token | undefined): string => (t === undefined ? '' : t.text.toLowerCase());

/** Is the token a word that may sit in a name (capitalised, not a clause word, not a capitalised cue as in headlines)? */
export function isNameWord(t: Token, rest = ''): boolean {
  if (!isCapitalised(t.text)) return false;
  // contractions are not names: "I’m", "They’re", "It’s"
  if (/[’'](?:m|re|ve|ll|d|t)$/iu.test(t.text)) return false;
  const l = t.text.toLowerCase().replace(/[’']s$/u, '');
  // "Will" before a capitalised word that opens no clause is a first name ("said Will Doyle", "“…,” Will Estrada, the chairman"),
  // not the modal ("Will he run?", "Will the party unite?")
  if (CAP_STOP.has(l) && !(l === 'will' && /^\s+\p{Lu}\p{Ll}+/u.test(rest) && !/^\s+(?:He|She|It|They|We|I|You|The|A|An|This|That|These|Those|There|Any|Anyone|Anybody|Everyone|Someone)\b/u.test(rest))) return false;
  if (cueLemma(l, rest) !== null && !/^(?:mark|will|rush|grant|bill|chase|price|post|hope|joy|faith|may|june|april|frank|dean|earnest|sharp|ward)$/.test(l)) return false;
  return /^[\p{Lu}][\p{L}\p{M}\p{N}’'.\-&]*$/u.test(t.text) || /^[\p{Lu}][\p{L}]*[’']s$/u.test(t.text);
}

function isParticle(t: Token | undefined): boolean {
  return t !== undefined && PARTICLES.has(t.text.toLowerCase());
}

function isPossessive(t: Token): boolean {
  return /[’']s$/.test(t.text) || t.text === '’s' || t.text === "'s" || /s[’']$/.test(t.text);
}

function isWord(t: Token | undefined): boolean {
  return t !== undefined && /^[\p{L}\p{N}]/u.test(t.text) && t.text !== '\u0001Q';
}

/**
 * The noun phrase ending at token `end` (a subject before its verb), or null.
 * `lo` is the first token that may belong to it.
 */
/** A lowercase noun for a person: a role word or an agent noun ("spokesman", "senator", "leader", "agent"; not "reaction", "statement"). */
function isPersonNoun(word: string): boolean {
  return ROLE_WORDS.has(word) || (/^\p{Ll}[\p{Ll}-]*(?:man|woman|person|er|or|ist|ian|ant|ent|eer|ee)$/u.test(word) && !/ment$/.test(word) && cueLemma(word) === null);
}

export function phraseBefore(tokens: readonly Token[], end: number, lo = 0): [number, number] | null {
  let e = end;
  // party tag or other parenthetical: "Sen. Tim Kaine (D-Va.)"
  if (tokens[e]?.text === ')') {
    let j = e - 1;
    while (j >= lo && tokens[j]!.text !== '(') j--;
    if (j <= lo || e - j > 8) return null;
    e = j - 1;
  }
  if (e < lo) return null;
  const last = tokens[e]!;
  const l = last.text.toLowerCase();
  if (PRONOUNS.has(l) || PRONOUNS.has(l.replace(/[’'](?:s|re|ll|ve|d)$/u, ''))) return [e, e];
  if (!isWord(last)) return null;
  // "Trump’s charge", "Clinton’s emails": a possessive modifies the subject, it is not the subject
  if (isPossessive(last)) return null;
  if (isNameWord(last)) {
    let s = e;
    while (s - 1 >= lo) {
      const t = tokens[s - 1]!;
      if (isNameWord(t) && !isPossessive(t)) s--;
      else if (isPossessive(t) && isNameWord(t)) { s--; break; }
      else if (isParticle(t) && s - 2 >= lo && isNameWord(tokens[s - 2]!)) s--;
      else if (ROLE_WORDS.has(t.text.toLowerCase()) || /^then-/.test(t.text)) s--;
      else if (t.text.toLowerCase() === 'the' && s < e + 1) { s--; break; }
      else break;
    }
    // do not start on lowercase role words that are dangling ("of", "state")
    while (s < e && !isNameWord(tokens[s]!) && !DETERMINERS.has(lower(tokens[s])) && !ROLE_WORDS.has(lower(tokens[s]))) s++;
    while (s < e && (lower(tokens[s]) === 'of' || lower(tokens[s]) === 'and')) s++;
    // a name after "for", "of" or "from" and a description of someone else: "A spokesman for Bernie Sanders", "The senator
    // from Vermont", "The leader of the Anti-Defamation League" (the description is the subject, not its object)
    const prep = tokens[s - 1];
    if (prep !== undefined && /^(?:for|of|from)$/.test(lower(prep)) && s - 2 >= lo && isPersonNoun(tokens[s - 2]!.text)) {
      const head = phraseBefore(tokens, s - 2, lo);
      if (head !== null && head[1] === s - 2 && DETERMINERS.has(lower(tokens[head[0]]))) return [head[0], e];
    }
    return [s, e];
  }
  // "another said", "one told me", "others say"
  if (/^(?:another|one|others|some|many|several|both|most)$/.test(l)) return [e, e];
  // a description: back to its determiner ("a senior administration official")
  if (CLAUSE_STOP.has(l) || DETERMINERS.has(l) || BETWEEN.has(l)) return null;
  let s = e;
  let found = false;
  for (let k = 0; k < 7 && s - 1 >= lo; k++) {
    const t = tokens[s - 1]!;
    const tl = t.text.toLowerCase();
    if (DETERMINERS.has(tl)) { s--; found = true; break; }
    if (!isWord(t) || CLAUSE_STOP.has(tl) || PRONOUNS.has(tl) || cueLemma(tl) !== null) break;
    if (PREPS.has(tl)) break;
    s--;
    // "Gowdy’s office", "Hoff’s letter": a possessive name closes the phrase
    if (isPossessive(t) && isCapitalised(t.text)) { found = true; break; }
  }
  if (!found) {
    // two roles under one determiner: "the former secretary of state and current Democratic presidential nominee"
    if (s <= e && lower(tokens[s - 1]) === 'and' && ROLE_WORDS.has(l) && s - 2 >= lo) {
      const head = phraseBefore(tokens, s - 2, lo);
      if (head !== null && DETERMINERS.has(lower(tokens[head[0]]))) return [head[0], e];
    }
    // a role "of" a bare noun: "the former secretary of state", "the director of communications"
    if (s === e && lower(tokens[s - 1]) === 'of' && s - 2 >= lo && ROLE_WORDS.has(lower(tokens[s - 2]))) {
      const head = phraseBefore(tokens, s - 2, lo);
      if (head !== null && DETERMINERS.has(lower(tokens[head[0]]))) return [head[0], e];
    }
    if (s === e && BARE_SOURCES.has(l)) return [e, e];
    // "Clinton spokesman" style: a name then role words
    if (s < e && isNameWord(tokens[s]!) && ROLE_WORDS.has(l)) return [s, e];
    if (BARE_SOURCES.has(l) && s < e) return [s, e];
    return null;
  }
  // "a spokesman for the campaign": extend over one prepositional phrase
  const before = tokens[s - 1];
  if (before !== undefined && (lower(before) === 'for' || lower(before) === 'of' || lower(before) === 'at') && s - 2 >= lo) {
    const head = phraseBefore(tokens, s - 2, lo);
    if (head !== null && !PRONOUNS.has(lower(tokens[head[1]]))) return [head[0], e];
  }
  return [s, e];
}

/** Frequent finite verbs that end a description read forwards ("The email goes on to say"). */
const COMMON_VERBS = /^(?:is|was|were|are|be|been|has|have|had|goes|went|will|would|can|could|may|might|must|shall|should|does|did|do|gets|got|makes|made|seems|seemed|appears|appeared|remains|remained|comes|came|takes|took|gives|gave|shows|showed|wants|wanted|needs|needed|begins|began|continues|continued|includes|included|calls|called)$/;

/** Stop words for a phrase read forwards. */
const FORWARD_STOP = new Set([...CLAUSE_STOP, 'of', 'in', 'on', 'at', 'during', 'after', 'before', 'told', 'said', 'says', 'to', 'about', 'last', 'this', 'earlier', 'later', 'recently', 'today', 'yesterday', 'tonight']);

/**
 * The noun phrase starting at token `start` (a subject after an inverted cue, or
 * before a trailing cue), or null. Stops before cue words.
 */
export function phraseAfter(tokens: readonly Token[], start: number, hi = tokens.length): [number, number] | null {
  const first = tokens[start];
  if (first === undefined || start >= hi) return null;
  const l = first.text.toLowerCase();
  if (PRONOUNS.has(l) || PRONOUNS.has(l.replace(/[’'](?:s|re|ll|ve|d)$/u, ''))) return [start, start];
  if (!isWord(first)) return null;
  // a prepositional phrase names a topic, not a speaker: "…, said of Sanders: “…”", "the “disheartened” state of the campaign"
  if (PREPS.has(l) || l === 'about') return null;
  let e = start;
  let sawName = false;
  let sawNoun = false;
  if (DETERMINERS.has(l) && l !== 'that' && l !== 'this') {
    // a description: any words up to a clause word or a cue ("a Democratic staffer in the room")
    for (let k = start + 1; k < hi && k - start < 9; k++) {
      const t = tokens[k]!;
      const tl = t.text.toLowerCase();
      const isBaseNoun = k === start + 1 || /^(?:email|tweet|post|text|report|statement|call|quote|answer|note|comment|claim|charge|warning|remark)s?$/.test(tl) && !/ed$/.test(tl) && tokens[k + 1] !== undefined && cueLemma(tokens[k + 1]!.text) !== null;
      if (!isWord(t) || FORWARD_STOP.has(tl) && tl !== 'of' || (cueLemma(tl, restOf(tokens, k)) !== null && !isBaseNoun) || BETWEEN.has(tl) || PRONOUNS.has(tl)) break;
      if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(tl)) break;
      if (COMMON_VERBS.test(tl)) break;
      // a past tense after the head noun ends the phrase: "The Democratic National Committee released a statement"
      if (k > start + 1 && /^\p{Ll}[\p{Ll}-]*ed$/u.test(t.text) && (DETERMINERS.has(lower(tokens[k + 1])) || /^(?:his|her|their|its|down|up|out|back|off|that)$/.test(lower(tokens[k + 1])))) break;
      e = k;
    }
    return e === start ? null : [start, e];
  } else if (isNameWord(first, restOf(tokens, start))) {
    sawName = true;
  } else if (ROLE_WORDS.has(l) || BARE_SOURCES.has(l) || /^then-/.test(l)) {
    sawNoun = true;
  } else {
    // lowercase role words before a name: "councilmember Mark Levine", "public defender Shannon S. Quill"
    // (an age counts as one: "17-year-old Jared Potts"; a year or a date may qualify them: "9/11 widow Terry Strada",
    // "2012 nominee Mitt Romney")
    const dated = /^\p{N}+$/u.test(first.text);
    let k = !dated ? start : tokens[start + 1]?.text === '/' && /^\p{N}+$/u.test(tokens[start + 2]?.text ?? '') ? start + 3 : start + 1;
    const from = k;
    while (k < hi && k < start + 4 && (/^[\p{Ll}-]+$/u.test(tokens[k]!.text) || /^\p{N}+-year-old$/u.test(tokens[k]!.text)) && (!FORWARD_STOP.has(tokens[k]!.text) || (tokens[k]!.text === 'of' && k > start)) && cueLemma(tokens[k]!.text, restOf(tokens, k)) === null && !BETWEEN.has(tokens[k]!.text)) k++;
    if (k === start || (dated && (k === from || tokens.slice(from, k).some((t) => /^(?:of|percent|per|in|for)$/.test(t.text)))) || k >= hi || !isNameWord(tokens[k]!, restOf(tokens, k))) return null;
    const rest = phraseAfter(tokens, k, hi);
    return rest === null ? null : [start, rest[1]];
  }
  for (let k = start + 1; k < hi && k - start < 10; k++) {
    const t = tokens[k]!;
    const tl = t.text.toLowerCase();
    if (!isWord(t)) {
      if (t.text === '(' ) break;
      if (t.text === '-' || t.text === '–') break;
      break;
    }
    // a capitalised noun inside a name, not a clause word: "Judicial Watch President Tom Fitton"
    const inName = sawName && /^(?:Watch|News|Post|Times|Report|Review|Center|Action|Union|Press)$/.test(t.text);
    if (inName || isNameWord(t, restOf(tokens, k))) {
      if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(tl)) break;
      sawName = true;
      e = k;
      if (isPossessive(t)) continue;
      continue;
    }
    if (isParticle(t) && sawName && tokens[k + 1] !== undefined && isNameWord(tokens[k + 1]!)) { e = k; continue; }
    // a title "of" an office before the name: "Secretary of State John Kerry" (but "Donald Hartley of Madison" ends at the name)
    if (tl === 'of' && sawName && tokens[k + 1] !== undefined && isNameWord(tokens[k + 1]!, restOf(tokens, k + 1)) &&
      tokens.slice(start, k).every((x) => ROLE_WORDS.has(x.text.toLowerCase()))) { e = k; continue; }
    if (FORWARD_STOP.has(tl) || cueLemma(tl, restOf(tokens, k)) !== null || BETWEEN.has(tl)) break;
    if (sawName && !ROLE_WORDS.has(tl)) {
      // lowercase role words between a qualifier and the name: "Oversight ranking Democrat Elijah Cummings",
      // "Idaho nutritional-supplement executive Frank VanderSloot" (but "Trump supporters" stops)
      const m = bridgeToName(tokens, k, hi);
      if (m < 0) {
        // a possessive name and what speaks for it: "Powell’s office said", "Trump’s campaign manager said"
        if (isPossessive(tokens[k - 1]!) && /^\p{Ll}/u.test(t.text)) {
          let h = k;
          while (h < hi && h < k + 3 && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[h]!.text) && !FORWARD_STOP.has(tokens[h]!.text) && !BETWEEN.has(tokens[h]!.text) && cueLemma(tokens[h]!.text, restOf(tokens, h)) === null) h++;
          const next = tokens[h]?.text ?? '';
          if (h > k && (cueLemma(next, restOf(tokens, h)) !== null || BETWEEN.has(next) || next === ',')) e = h - 1;
        }
        break;
      }
      e = m;
      k = m;
      continue;
    }
    if (tl === 'of' || tl === 'for') {
      // "a spokesman for the campaign", "the director of the FBI"
      const nxt = tokens[k + 1];
      if (nxt !== undefined && (DETERMINERS.has(nxt.text.toLowerCase()) || isNameWord(nxt))) { e = k; continue; }
      break;
    }
    e = k;
    sawNoun = true;
  }
  if (!sawName && !sawNoun && e === start) return null;
  // a name followed by role words and a name ("Trump campaign manager Kellyanne Conway"): keep it all;
  // but trailing role words without a name after them are dropped when a name came first
  while (e > start && sawName && !isNameWord(tokens[e]!) && !BARE_SOURCES.has(lower(tokens[e])) && ROLE_WORDS.has(lower(tokens[e])) && !/spokes|aide|adviser|advisor|manager|official|campaign|director|secretary/.test(lower(tokens[e]))) e--;
  return [start, e];
}

/** Words that never sit between a qualifier and a name. */
const NO_BRIDGE = new Set(['like', 'and', 'or', 'with', 'for', 'as', 'than', 'but', 'nor', 'via', 'per', 'including', 'among']);

/**
 * From lowercase words at `k` (at most three) to the name that follows them, ending the phrase at
 * punctuation: the index of the name's last word, or -1.
 */
function bridgeToName(tokens: readonly Token[], k: number, hi: number): number {
  let m = k;
  while (m < hi && m < k + 3 && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[m]!.text) && !FORWARD_STOP.has(tokens[m]!.text) && !NO_BRIDGE.has(tokens[m]!.text) &&
    !BETWEEN.has(tokens[m]!.text) && cueLemma(tokens[m]!.text, restOf(tokens, m)) === null) m++;
  if (m === k || m >= hi || !isNameWord(tokens[m]!, restOf(tokens, m))) return -1;
  let last = m;
  while (last + 1 < hi && (isNameWord(tokens[last + 1]!, restOf(tokens, last + 1)) || isParticle(tokens[last + 1]))) last++;
  const after = tokens[last + 1]?.text ?? '.';
  const cueNext = /^\p{Ll}/u.test(after) && (cueLemma(after, restOf(tokens, last + 1)) !== null || BETWEEN.has(after));
  return (/^[,.;:()—–―-]$/.test(after) || cueNext) && last > m ? last : -1;
}

function restOf(tokens: readonly Token[], k: number): string {
  const next = tokens[k + 1];
  if (next === undefined) return '';
  const gap = next.start - tokens[k]!.end;
  return `${' '.repeat(gap)}${next.text}`;
}
