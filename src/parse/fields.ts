/**
 * Front-matter fields: checked once, here, against the schema below, and read
 * straight from the YAML syntax tree so every message names the field and its
 * line. Nothing is ever assigned from user-chosen keys (no prototype pollution),
 * and aliases are resolved one node at a time (never expanded wholesale).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { message } from '../messages.ts';
import type { Line, Message } from '../types.ts';
import { checkDate } from './date.ts';
import { checkSlug } from './slug.ts';

/** The fields Verbatim reads. */
export const KNOWN_FIELDS = ['headline', 'summary', 'date', 'source', 'author', 'tags', 'slug'] as const;
/** Fields the corpora carry that Verbatim accepts without a warning but does not use. */
export const TOLERATED_FIELDS = ['section', 'dateline'] as const;

/** Front-matter values after validation. Absent fields are undefined. */
export interface Fields {
  readonly headline?: Line;
  readonly summary?: readonly Line[];
  readonly date?: string;
  readonly source?: string;
  readonly author?: string;
  readonly tags?: readonly string[];
  readonly slug?: string;
}

type Position = (offset: number) => { readonly line: number; readonly column: number };

/** A string value with the file line it sits on. */
interface Located {
  readonly text: string;
  readonly line: number;
}

function describe(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'empty';
    if (typeof value === 'boolean') return `${value}`;
    if (typeof value === 'number') return `the number ${String(node.source ?? value)}`;
    if (value instanceof Uint8Array) return 'binary data';
  }
  return 'something else';
}

/**
 * Validate a parsed front-matter document.
 *
 * @example
 *   readFields(doc, position, 'a.txt') // { fields: { date: '2020-01-02' }, messages: [] }
 */
export function readFields(doc: Document.Parsed, position: Position, file: string): { readonly fields: Fields; readonly messages: readonly Message[] } {
  const messages: Message[] = [];
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { fields: {}, messages };
  if (!isMap(contents)) {
    const at = position(contents.range[0]);
    const what = isSeq(contents) ? 'a list' : `a single value (${JSON.stringify(isScalar(contents) ? String(contents.value) : '…')})`;
    return { fields: {}, messages: [message('matter:not-mapping', { file, ...at }, { what })] };
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const lineOf = (node: unknown, fallback: number): number => {
    const range = (node as Partial<Node> | null)?.range;
    return range ? position(range[0]).line : fallback;
  };
  const fields: { -readonly [K in keyof Fields]: Fields[K] } = {};

  for (const pair of contents.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key;
    const keyRange = (keyNode as Partial<Node> | null)?.range;
    const at = keyRange ? position(keyRange[0]) : { line: 1, column: 1 };
    const place = { file, ...at };
    const key = isScalar(keyNode) && typeof keyNode.value === 'string' ? keyNode.value : null;
    if (key === null) {
      messages.push(message('matter:field-type', place, { field: 'keys', expected: 'a plain name', actual: describe(keyNode) }));
      continue;
    }
    const value = resolve(pair.value);
    const wrongType = (expected: string) =>
      messages.push(message('matter:field-type', place, { field: key, expected, actual: describe(value) }));

    /** A non-empty string (numbers as written), undefined when absent or empty, null when of the wrong type. */
    const asString = (node: unknown): Located | undefined | null => {
      if (node === null || node === undefined) return undefined;
      if (!isScalar(node)) return null;
      if (node.value === null) return undefined;
      // A number is kept as written (`slug: 2016`, `headline: 1984`); true/false are not text.
      const written = typeof node.value === 'number' ? String(node.source ?? node.value) : node.value;
      if (typeof written !== 'string') return null;
      const text = written.trim();
      return text === '' ? undefined : { text, line: lineOf(node, at.line) };
    };
    /** A string or a list of strings; null when any item has the wrong type. */
    const asList = (node: unknown): Located[] | null => {
      if (isSeq(node)) {
        const out: Located[] = [];
        for (const item of node.items) {
          const one = asString(resolve(item));
          if (one === null) return null;
          if (one !== undefined) out.push(one);
        }
        return out;
      }
      const one = asString(node);
      return one === null ? null : one === undefined ? [] : [one];
    };

    switch (key) {
      case 'headline':
      case 'source':
      case 'author':
      case 'slug': {
        const one = asString(value);
        if (one === null) wrongType('a string');
        else if (one === undefined) break;
        else if (key === 'headline') fields.headline = one;
        else if (key === 'slug') {
          const problem = checkSlug(one.text);
          if (problem === null) fields.slug = one.text;
          else messages.push(message('matter:slug', place, { value: one.text, problem }));
        } else fields[key] = one.text;
        break;
      }
      case 'summary':
      case 'tags': {
        const list = asList(value);
        if (list === null) wrongType(key === 'summary' ? 'a string or a list of strings' : 'a list of strings');
        else if (key === 'summary') fields.summary = list;
        else fields.tags = list.map((tag) => tag.text);
        break;
      }
      case 'date': {
        const written = isScalar(value) ? (value.value === null ? null : String(value.source ?? value.value)) : undefined;
        if (written === null) break;
        const date = written === undefined ? null : checkDate(written);
        if (date === null) messages.push(message('matter:date', place, { value: written ?? describe(value) }));
        else fields.date = date;
        break;
      }
      default:
        if (!(TOLERATED_FIELDS as readonly string[]).includes(key)) {
          messages.push(message('matter:unknown-field', place, { field: key, known: KNOWN_FIELDS.join(', ') }));
        }
    }
  }
  return { fields, messages };
}
