/**
 * Cross-article speaker identity: one person, one page.
 *
 *   AttributedArticle[] + SpeakerDirectory → SpeakerMerge
 *
 * Order of evidence: the editor's directory first, then full names (same first
 * and last word, same suffix), then surname-only speakers that match exactly one
 * full-name person, then transliteration variants that share an alias.
 */
import { message } from '../messages.ts';
import type { AttributedArticle, Message, SpeakerDirectory, SpeakerDirectoryEntry, SpeakerType } from '../types.ts';

/** A speaker across the archive. */
export interface MergedSpeaker {
  /** Deterministic: the slug of the canonical name (the archive makes slugs unique). */
  readonly id: string;
  readonly name: string;
  readonly type: SpeakerType;
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** The slug the editor forces in `speakers.yml`, when there is one. */
  readonly slug?: string;
}

/** Output of `mergeSpeakers`. */
export interface SpeakerMerge {
  /** All archive speakers, by id. Anonymous sources are not archive speakers. */
  readonly speakers: readonly MergedSpeaker[];
  /** The archive speaker for an article's speaker key, or null (anonymous, unknown key). */
  lookup(articleId: string, speakerKey: string): MergedSpeaker | null;
  readonly messages: readonly Message[];
}

/** Lowercase slug, Latin accents removed, letters of other scripts kept: `Sergey Lavrov` → `sergey-lavrov`, `Сергей Лавров` → `сергеи-лавров`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'speaker';
}

const TITLE_WORDS = /^(?:mr|mrs|ms|miss|dr|sen|senator|rep|gov|president|the)\.?$/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

const LATIN_FOLD: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŀ: 'l', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/** Comparable words of a name: no titles, no punctuation, no Latin accents, lowercase; letters of every script kept. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Latin letters that carry their mark inside them, so NFKD leaves them whole: read like an
    // accented letter, as names are often written without them (Łukasz / Lukasz, Strauß / Strauss).
    .replace(/[łøđħıŀŧ]|ß|æ|œ|þ/gu, (c) => LATIN_FOLD[c] ?? c)
    .replace(/[’']s\b/g, '')
    .split(/[\s]+/u)
    // A name's form in another script beside it, "Xi Jinping (习近平)", is not one of its words.
    .filter((w) => !/^[([].*[)\]][,.;:]?$/u.test(w))
    // Modifier letters (ʻ ʼ ʿ ʹ) are apostrophes: "Kaʻahumanu" is "Ka'ahumanu".
    .map((w) => w.replace(/[\u02B0-\u02FF]/gu, '').replace(/[^\p{L}\p{N}\p{M}-]/gu, ''))
    .filter((w) => w.length > 0 && !TITLE_WORDS.test(w));
}

function identity(words: readonly string[]): string {
  const suffix = words.length > 1 && SUFFIX.test(words.at(-1)!) ? words.at(-1)! : '';
  const core = suffix === '' ? words : words.slice(0, -1);
  if (core.length === 0) return '';
  // first and last word: "Donald J. Trump" = "Donald Trump"; "Donald Trump Jr." stays apart
  return core.length >= 2 ? `${core[0]} ${core.at(-1)}${suffix ? ` ${suffix}` : ''}` : `${core[0]}${suffix ? ` ${suffix}` : ''}`;
}

/** Transliteration-level spelling key: Sergey/Sergei, Zelenskyy/Zelensky. */
function spellingKey(w: string): string {
  return w.replace(/y$/, 'i').replace(/yy$/, 'y').replace(/ii$/, 'i').replace(/kh/g, 'h').replace(/(.)\1/g, '$1');
}

interface Node {
  readonly articleId: string;
  readonly key: string;
  readonly name: string;
  readonly type: SpeakerType;
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  readonly words: readonly string[];
}

/**
 * The key under which the merge compares names (and the directory's entries): `nameWords`, joined;
 * a name with no such words ("★", "The President") is its own key, case and spacing aside.
 */
export function normalise(s: string): string {
  const words = nameWords(s);
  return words.length > 0 ? words.join(' ') : `\u0000${s.toLowerCase().replace(/\s+/gu, ' ').trim()}`;
}

/**
 * Roles without repeats that differ only in case ("Mayor", "mayor"): each as most often
 * written, a tie going to the first in code-point order; sorted.
 */
function distinctRoles(roles: readonly string[]): string[] {
  const byFold = new Map<string, Map<string, number>>();
  for (const role of roles) {
    const fold = role.toLowerCase();
    const spellings = byFold.get(fold) ?? new Map<string, number>();
    spellings.set(role, (spellings.get(role) ?? 0) + 1);
    byFold.set(fold, spellings);
  }
  return [...byFold.values()].map((spellings) => [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0]).sort();
}

/**
 * Merge the speakers of all articles into archive speakers.
 *
 * @example
 *   const merge = mergeSpeakers(articles, directory)
 *   merge.lookup('000_4214a0f614e41956', 's1') // { id: 'sergey-lavrov', name: 'Sergey Lavrov', … }
 */
export function mergeSpeakers(articles: readonly AttributedArticle[], directory: SpeakerDirectory): SpeakerMerge {
  if (!Array.isArray(articles)) throw new TypeError('mergeSpeakers: articles must be an array of AttributedArticle');
  const messages: Message[] = [];
  const nodes: Node[] = [];
  for (const a of [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    for (const s of a.speakers) {
      if (s.type === 'anonymous') continue;
      nodes.push({ articleId: a.id, key: s.key, name: s.name, type: s.type, roles: s.roles, aliases: s.aliases, words: nameWords(s.name) });
    }
  }

  // the directory: written names → entry
  const entryOf = new Map<string, SpeakerDirectoryEntry>();
  const distinct = new Map<SpeakerDirectoryEntry, Set<string>>();
  for (const entry of directory.speakers) {
    for (const n of [entry.name, ...entry.aliases]) entryOf.set(normalise(n), entry);
    distinct.set(entry, new Set((entry.distinct ?? []).map(normalise)));
  }
  const splitOff = new Set<string>();
  for (const set of distinct.values()) for (const n of set) splitOff.add(n);

  // union-find over group keys
  const groupOf = new Map<Node, string>();
  const members = new Map<string, Node[]>();
  const add = (n: Node, g: string): void => {
    groupOf.set(n, g);
    if (!members.has(g)) members.set(g, []);
    members.get(g)!.push(n);
  };
  for (const n of nodes) {
    const written = normalise(n.name);
    const entry = entryOf.get(written) ?? n.aliases.map((a) => entryOf.get(normalise(a))).find((e) => e !== undefined && !distinct.get(e)!.has(written));
    if (entry !== undefined && !distinct.get(entry)!.has(written)) add(n, `dir:${normalise(entry.name)}`);
    else if (splitOff.has(written)) add(n, `split:${written}`);
    // A name with no comparable words (only symbols) is grouped with itself alone, never with all such names.
    else if (n.words.length === 0) add(n, `raw:${normalise(n.name)}`);
    else add(n, `${n.type === 'person' ? 'p' : 'o'}:${identity(n.words)}`);
  }

  // surname-only persons → the one full-name person with that surname (and no competitor)
  const fullBySurname = new Map<string, Set<string>>();
  for (const [g, list] of members) {
    const n = list[0]!;
    if (!g.startsWith('p:') || n.words.length < 2) continue;
    const words = SUFFIX.test(n.words.at(-1)!) ? null : n.words;
    if (words === null) continue;
    const surname = words.at(-1)!;
    if (!fullBySurname.has(surname)) fullBySurname.set(surname, new Set());
    fullBySurname.get(surname)!.add(g);
  }
  for (const [g, list] of [...members]) {
    if (!g.startsWith('p:') || list[0]!.words.length !== 1) continue;
    const candidates = fullBySurname.get(list[0]!.words[0]!);
    if (candidates === undefined) continue;
    // each article's bare surname on its own: a full name quoted in the same article is someone else (the article
    // would have resolved the surname to it otherwise: "Mr. Obama" beside Michelle Obama), so the one other is meant
    const stay: Node[] = [];
    for (const n of list) {
      const others = [...candidates].filter((c) => !members.get(c)!.some((m) => m.articleId === n.articleId));
      const target = others.length === 1 ? others[0]! : undefined;
      if (target === undefined) {
        stay.push(n);
        continue;
      }
      groupOf.set(n, target);
      members.get(target)!.push(n);
    }
    if (stay.length === 0) members.delete(g);
    else members.set(g, stay);
  }

  // transliteration variants: merge only with evidence (an alias in common, e.g. both called "Lavrov")
  const groups = [...members.keys()].filter((g) => g.startsWith('p:')).sort();
  const byVariant = new Map<string, string[]>();
  for (const g of groups) {
    const words = g.slice(2).split(' ');
    if (words.length < 2) continue;
    const k = words.map(spellingKey).join(' ');
    if (!byVariant.has(k)) byVariant.set(k, []);
    byVariant.get(k)!.push(g);
  }
  for (const list of byVariant.values()) {
    if (list.length < 2) continue;
    const [keep, ...rest] = list;
    const aliasesOf = (g: string): Set<string> => new Set(members.get(g)!.flatMap((n) => n.aliases.map(normalise)));
    const keepAliases = aliasesOf(keep!);
    for (const g of rest) {
      const shared = [...aliasesOf(g)].some((a) => keepAliases.has(a));
      if (!shared) continue;
      const moved = members.get(g)!;
      for (const n of moved) {
        groupOf.set(n, keep!);
        members.get(keep!)!.push(n);
      }
      members.delete(g);
      messages.push(message('speakers:merged', { file: moved[0]!.articleId }, { a: `\`${members.get(keep!)![0]!.name}\``, b: `\`${moved[0]!.name}\``, slug: slugify(members.get(keep!)![0]!.name) }));
    }
  }

  // build the archive speakers
  const speakerOf = new Map<string, MergedSpeaker>();
  const taken = new Set<string>();
  for (const [g, list] of [...members].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const entry = g.startsWith('dir:') ? entryOf.get(g.slice(4)) : undefined;
    const counts = new Map<string, number>();
    for (const n of list) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
    // a full name before a surname, then the most frequent, then the shortest ("Donald Trump" over "Donald J. Trump")
    const full = (n: string): number => (nameWords(n).length >= 2 ? 1 : 0);
    const name = entry?.name ?? [...counts.entries()].sort((a, b) => full(b[0]) - full(a[0]) || b[1] - a[1] || nameWords(a[0]).length - nameWords(b[0]).length || (a[0] < b[0] ? -1 : 1))[0]![0];
    const typeCounts = new Map<SpeakerType, number>();
    for (const n of list) typeCounts.set(n.type, (typeCounts.get(n.type) ?? 0) + 1);
    const type = entry?.type ?? [...typeCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const roles = distinctRoles(list.flatMap((n) => n.roles));
    const aliases = [...new Set(list.flatMap((n) => [n.name, ...n.aliases]).concat(entry?.aliases ?? []))].filter((a) => a !== name).sort();
    let id = slugify(name);
    for (let i = 2; taken.has(id); i++) id = `${slugify(name)}-${i}`;
    taken.add(id);
    const speaker: MergedSpeaker = { id, name, type, roles, aliases, description: entry?.description ?? null };
    speakerOf.set(g, entry?.slug === undefined ? speaker : { ...speaker, slug: entry.slug });
  }
  // Entries no article's speaker matched change nothing: most often a misspelt name.
  for (const entry of directory.speakers) {
    if (members.has(`dir:${normalise(entry.name)}`)) continue;
    const aliases = entry.aliases.length === 0 ? '' : ` or ${entry.aliases.map((a) => `\`${a}\``).join(', ')}`;
    messages.push(message('speakers:unused', { file: directory.file ?? 'speakers.yml', line: entry.line ?? 1 }, { name: entry.name, aliases }));
  }
  const index = new Map<string, MergedSpeaker>();
  for (const n of nodes) index.set(`${n.articleId}\u0000${n.key}`, speakerOf.get(groupOf.get(n)!)!);
  const speakers = [...speakerOf.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    speakers,
    lookup: (articleId, speakerKey) => index.get(`${articleId}\u0000${speakerKey}`) ?? null,
    messages,
  };
}
