/**
 * The editor's speaker directory, `seeds/speakers.yml`: merge, split, rename and
 * describe speakers. It wins over every heuristic in `mergeSpeakers`.
 *
 * ```yaml
 * speakers:
 *   - name: Hillary Clinton            # the canonical name (rename)
 *     aliases: [Hillary Rodham Clinton, Mrs. Clinton]   # merge these into her
 *     type: person
 *     description: Former US Secretary of State
 *     slug: hillary-clinton            # force the page slug
 *   - name: Donald Trump
 *     distinct: [Donald Trump Jr.]     # never merge these into him (split)
 * ```
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { RESERVED_SLUGS, slugify } from '../archive/slug.ts';
import { message } from '../messages.ts';
import { normalise } from './merge.ts';
import type { Message, SpeakerDirectory, SpeakerDirectoryEntry, SpeakerType } from '../types.ts';

const TYPES: readonly SpeakerType[] = ['person', 'organization', 'country', 'group', 'document', 'anonymous', 'unknown'];
const KEYS = ['name', 'aliases', 'type', 'description', 'slug', 'distinct'];

/**
 * Parse `speakers.yml`. Problems are `speakers:directory` errors positioned at the offending entry;
 * entries with errors are left out, the others are kept. An entry that is probably not what the
 * editor meant (a list of aliases written as one string) is kept with a `speakers:directory-list` warning.
 *
 * @example
 *   const { directory, messages } = parseSpeakerDirectory(text, 'seeds/speakers.yml')
 */
export function parseSpeakerDirectory(text: string, path: string): { directory: SpeakerDirectory; messages: Message[] } {
  if (typeof text !== 'string') throw new TypeError('parseSpeakerDirectory: text must be a string');
  const messages: Message[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (offset: number | undefined, error: string): void => {
    const at = lines.linePos(offset ?? 0);
    messages.push(message('speakers:directory', { file: path, line: at.line, column: at.col }, { error }));
  };
  const offsetOf = (node: Node | null | undefined): number | undefined => node?.range?.[0];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) fail(e.pos[0], `not valid YAML: ${e.message.split('\n')[0]}`);
    return { directory: { speakers: [], file: path }, messages };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { directory: { speakers: [], file: path }, messages };
  let list: Node | null | undefined = root;
  if (isMap(root)) {
    list = root.get('speakers', true) as Node | undefined;
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key !== 'speakers') fail(offsetOf(pair.key as Node), `unknown top-level key \`${key}\` (only \`speakers\` is read)`);
    }
    if (list === undefined || list === null) return { directory: { speakers: [], file: path }, messages };
  }
  if (!isSeq(list)) {
    fail(offsetOf(list), '`speakers` must be a list of entries (`- name: …`)');
    return { directory: { speakers: [], file: path }, messages };
  }
  const speakers: SpeakerDirectoryEntry[] = [];
  const owner = new Map<string, string>();
  /** Entry names and slugs seen so far → the line of their entry. */
  const entryLine = new Map<string, number>();
  const slugLine = new Map<string, { name: string; line: number }>();
  for (const item of list.items) {
    const node = item as Node;
    if (!isMap(node)) {
      fail(offsetOf(node), 'each entry must be a mapping with at least `name`');
      continue;
    }
    let ok = true;
    const strings = (key: string): string[] | undefined => {
      const v = node.get(key, true) as Node | undefined;
      if (v === undefined) return undefined;
      if (isScalar(v) && typeof v.value === 'string') return [v.value];
      if (isSeq(v) && v.items.every((x) => isScalar(x) && typeof x.value === 'string')) return v.items.map((x) => String((x as { value: string }).value));
      fail(offsetOf(v), `\`${key}\` must be a name or a list of names`);
      ok = false;
      return undefined;
    };
    const scalar = (key: string): string | undefined => {
      const v = node.get(key, true) as Node | undefined;
      if (v === undefined) return undefined;
      if (isScalar(v) && typeof v.value === 'string' && v.value.trim() !== '') return v.value.trim();
      fail(offsetOf(v), `\`${key}\` must be a non-empty string`);
      ok = false;
      return undefined;
    };
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS.includes(key)) {
        fail(offsetOf(pair.key as Node), `unknown key \`${key}\` (known: ${KEYS.join(', ')})`);
        ok = false;
      }
    }
    const name = scalar('name');
    if (name === undefined && node.get('name', true) === undefined) {
      fail(offsetOf(node), 'an entry has no `name`');
      ok = false;
    }
    const aliases = strings('aliases') ?? [];
    const distinct = strings('distinct');
    const description = scalar('description');
    const slug = scalar('slug');
    const type = scalar('type');
    if (type !== undefined && !TYPES.includes(type as SpeakerType)) {
      fail(offsetOf(node.get('type', true) as Node), `\`type\` is \`${type}\`; use one of ${TYPES.join(', ')}`);
      ok = false;
    }
    const slugNode = node.get('slug', true) as Node;
    if (slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      fail(offsetOf(slugNode), `\`slug\` \`${slug}\` must be lowercase letters, digits and hyphens`);
      ok = false;
    } else if (slug !== undefined && RESERVED_SLUGS.has(slug)) {
      fail(offsetOf(slugNode), `\`slug\` \`${slug}\` is the name of one of the site's own pages or folders; choose another`);
      ok = false;
    } else if (slug !== undefined && slugify(slug) !== slug) {
      fail(offsetOf(slugNode), `\`slug\` \`${slug}\` is too long: the page would be \`${slugify(slug)}\`; use that or a shorter slug`);
      ok = false;
    } else if (slug !== undefined && slugLine.has(slug) && slugLine.get(slug)!.name !== name) {
      const other = slugLine.get(slug)!;
      fail(offsetOf(slugNode), `\`slug\` \`${slug}\` is also the slug of \`${other.name}\` (line ${other.line}); each speaker needs its own`);
      ok = false;
    }
    const line = lines.linePos(offsetOf(node) ?? 0).line;
    if (name !== undefined && entryLine.has(normalise(name))) {
      fail(offsetOf(node), `\`${name}\` already has an entry (line ${entryLine.get(normalise(name))}); put everything about one speaker in one entry`);
      ok = false;
    }
    const both = (distinct ?? []).filter((d) => [name ?? '', ...aliases].some((a) => normalise(a) === normalise(d)));
    if (both.length > 0) {
      fail(offsetOf(node.get('distinct', true) as Node), `\`${both[0]}\` is both one of this speaker's names and in \`distinct\`; keep it in one of them`);
      ok = false;
    }
    if (!ok || name === undefined) continue;
    entryLine.set(normalise(name), line);
    if (slug !== undefined) slugLine.set(slug, { name, line });
    for (const alias of aliases) {
      // "Robert Jones, Mayor Jones": two names in one string. ("Martin Luther King, Jr." is one.)
      const parts = alias.split(',').map((part) => part.trim());
      if (parts.length > 1 && parts.every((part) => part.split(/\s+/).length >= 2)) {
        const at = lines.linePos(offsetOf(node.get('aliases', true) as Node) ?? 0);
        messages.push(message('speakers:directory-list', { file: path, line: at.line, column: at.col }, { alias, list: parts.join(', ') }));
      }
    }
    for (const n of [name, ...aliases]) {
      const k = normalise(n); // as the merge compares names (titles, accents, case and punctuation aside)
      const other = owner.get(k);
      if (other !== undefined && other !== name) {
        fail(offsetOf(node), `\`${n}\` is listed under both \`${other}\` and \`${name}\``);
        ok = false;
      }
      owner.set(k, name);
    }
    if (!ok) continue;
    const entry: SpeakerDirectoryEntry = {
      name,
      aliases,
      ...(type === undefined ? {} : { type: type as SpeakerType }),
      ...(description === undefined ? {} : { description }),
      ...(slug === undefined ? {} : { slug }),
      ...(distinct === undefined ? {} : { distinct }),
      line,
    };
    speakers.push(entry);
  }
  return { directory: { speakers, file: path }, messages };
}
