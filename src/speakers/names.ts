/**
 * Names as written → name parts: titles become roles, honorifics tell gender,
 * the rest is the name proper.
 */
import { ROLE_WORDS } from '../quotes/phrases.ts';
import { US_STATES, COUNTRIES, HONORIFICS, KNOWN_ORGS, ORG_HEADS, TITLES, TITLE_SPELLING, firstNameGender } from './lexicon.ts';
import type { SpeakerType } from '../types.ts';

export interface NameParts {
  /** The name without titles or honorifics ("Sergey Lavrov"). Empty when only titles were written. */
  readonly name: string;
  readonly words: readonly string[];
  /** The title words before the name ("Foreign Minister"), spelled out ("Sen." → "Senator"). */
  readonly role: string | null;
  readonly gender: 'm' | 'f' | null;
  /** "Jr.", "Sr.", "II", "III": part of the identity. */
  readonly suffix: string | null;
  readonly hadThe: boolean;
}

const PARTICLES = new Set(['de', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'del', 'der', 'bin', 'al', 'ibn', 'el', 'dos', 'das', 'ter', 'den', 'of']);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
const bare = (w: string): string => w.toLowerCase().replace(/\.$/, '');

/**
 * Split a written name into role, honorific and name.
 *
 * @example
 *   splitName('Foreign Minister Sergey Lavrov') // { name: 'Sergey Lavrov', role: 'Foreign Minister', … }
 *   splitName('Mrs. Clinton') // { name: 'Clinton', gender: 'f', role: null, … }
 */
export function splitName(written: string): NameParts {
  let words = written
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/[’']s$/u, '')
    .replace(/^[,.;:\s]+|[,;:\s]+$/gu, '')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  let hadThe = false;
  if (words[0] !== undefined && /^the$/i.test(words[0])) {
    hadThe = true;
    words = words.slice(1);
  }
  // an organisation's name is all name: "State Department", "Commission on Presidential Debates"
  const linker = words.findIndex((w, i) => i > 0 && /^(?:of|on|for)$/.test(w) && ORG_HEADS.has(bare(words[i - 1]!)));
  const orgHeaded = words.length >= 2 && ORG_HEADS.has(bare(words.at(-1)!)) && words.every((w) => /^[\p{Lu}&]/u.test(w)) && !HONORIFICS.has(bare(words[0]!)) &&
    !words.slice(0, -1).some((w) => firstNameGender(w) !== null);
  if (orgHeaded || (linker > 0 && linker < words.length - 1 && words.slice(0, linker).every((w) => /^\p{Lu}/u.test(w)))) {
    return { name: words.join(' '), words, role: null, gender: null, suffix: null, hadThe };
  }
  let gender: 'm' | 'f' | null = null;
  // the role: everything up to the last title word that is followed by a name word
  let cut = 0;
  for (let i = 0; i < words.length - 1; i++) {
    const w = bare(words[i]!);
    const isTitle = TITLES.has(w) || ROLE_WORDS.has(w) || /^(?:then|former|ex)-|^\p{L}+-(?:in|at|of)-\p{L}+$|-(?:elect|designate)$/u.test(w) || (!/^\p{Lu}/u.test(words[i]!) && !PARTICLES.has(w));
    if (HONORIFICS.has(w)) {
      gender = HONORIFICS.get(w) ?? gender;
      cut = i + 1;
      continue;
    }
    if (isTitle) cut = i + 1;
    // "Secretary of State John Kerry"
    if (w === 'of' && i > 0 && i + 2 < words.length) cut = i + 2;
  }
  // only titles ("President", "the Editor"): no name at all
  const allTitles = words.every((w) => TITLES.has(bare(w)) || HONORIFICS.has(bare(w)) || ROLE_WORDS.has(bare(w)));
  if (allTitles) return { name: '', words: [], role: words.join(' ') || null, gender, suffix: null, hadThe };
  // do not swallow the name: keep at least one word
  if (cut >= words.length) cut = words.length - 1;
  // an office "of" several words ends where a first name begins: "Director of National Intelligence James Clapper"
  if (cut > 0 && words.slice(0, cut).some((w) => bare(w) === 'of')) {
    for (let i = cut + 1; i < words.length - 1; i++) {
      if (firstNameGender(words[i]!) !== null) {
        cut = i;
        break;
      }
    }
  }
  const roleWords = words.slice(0, cut).filter((w) => !HONORIFICS.has(bare(w)));
  let nameWords = words.slice(cut);
  let suffix: string | null = null;
  const last = nameWords.at(-1);
  if (last !== undefined && nameWords.length > 1 && SUFFIX.test(last.replace(/,$/, ''))) {
    suffix = last.replace(/,$/, '');
    nameWords = nameWords.slice(0, -1);
  }
  nameWords = nameWords.map((w) => w.replace(/,$/, ''));
  const role = roleWords.length === 0 ? null : roleWords.map((w) => TITLE_SPELLING[bare(w)] ?? w).join(' ');
  const name = [...nameWords, ...(suffix === null ? [] : [suffix])].join(' ');
  return { name, words: nameWords, role, gender, suffix, hadThe };
}

/** Is a single capitalised word an acronym (FBI, NATO), not a Roman numeral or initial? */
function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z.&]{1,7}$/.test(word) && !/^(?:II|III|IV|VI|I|OK|TV)$/.test(word);
}

/**
 * The type a name suggests on its own (organisation, country, person).
 *
 * @example
 *   nameType(['The', 'Washington', 'Post']) // 'organization'
 */
export function nameType(words: readonly string[], hadThe = false): SpeakerType {
  const joined = words.join(' ').toLowerCase().replace(/\.$/, '');
  if (words.length === 0) return 'unknown';
  if (COUNTRIES.has(joined) || US_STATES.has(joined)) return 'country';
  if (KNOWN_ORGS.has(joined)) return 'organization';
  const lastWord = bare(words.at(-1)!);
  if (ORG_HEADS.has(lastWord)) return 'organization';
  if (words.some((w) => /^(?:of|for|and|&)$/i.test(w)) && words.length >= 3) return 'organization';
  // an organisation's head before "on" as before "of" ("Commission on Presidential Debates")
  if (words.some((w, i) => ORG_HEADS.has(bare(w)) && /^on$/i.test(words[i + 1] ?? ''))) return 'organization';
  if (words.length === 1 && isAcronym(words[0]!)) return 'organization';
  if (/^(?:democrats|republicans|conservatives|liberals|progressives|evangelicals|americans|russians)$/.test(joined)) return 'group';
  if (hadThe && words.length >= 1) return 'organization';
  return 'person';
}
