/**
 * The catalogue of content diagnostics: one place for every message id.
 *
 * Each entry says what happened (`reason`, may use `{name}` placeholders) and
 * what to do (`fix`). Ids are stable: tools and editors may filter on them.
 * The README's "Messages" section lists them; a test keeps the two in sync.
 */
import type { Message, Severity } from './types.ts';

export interface CatalogueEntry {
  readonly severity: Severity;
  readonly reason: string;
  readonly fix: string;
}

export const catalogue = {
  // read
  'read:empty': { severity: 'error', reason: 'the seed is empty', fix: 'add a headline on the first line and the article text below it, or delete the file' },
  'read:binary': { severity: 'error', reason: 'the seed is binary (it contains {what})', fix: 'save the article as UTF-8 plain text (.txt) or Markdown (.md)' },
  'read:utf16': { severity: 'error', reason: 'the seed is {what}', fix: 'save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)' },
  'read:encoding': { severity: 'error', reason: 'the seed is not valid UTF-8 (byte 0x{byte} at line {line}, column {column})', fix: 'save the file as UTF-8' },
  'read:too-large': { severity: 'error', reason: 'the seed is {size} bytes, over the {cap}-byte cap', fix: 'split the article into smaller seeds, or check that this is really an article' },
  'read:extension': { severity: 'error', reason: 'seeds must end in .txt or .md, not {ext}', fix: 'rename the file to .txt (plain text) or .md (Markdown)' },
  'read:unreadable': { severity: 'error', reason: 'the seed could not be read ({error})', fix: 'check the file exists and is readable' },
  // front matter
  'matter:delimiter': { severity: 'error', reason: 'line {line} starts with `---` and so ends the front matter, but has more text after it', fix: 'make the closing line exactly `---`, and put the text on the next line' },
  'matter:unclosed': { severity: 'error', reason: 'the front matter opened on line {open} is never closed', fix: 'add a line with only `---` after the front matter' },
  'matter:language': { severity: 'error', reason: 'front matter in `{language}` is not allowed; only YAML is read', fix: 'write the front matter in YAML: start it with a plain `---` line' },
  'matter:yaml': { severity: 'error', reason: 'the front matter is not valid YAML: {error}', fix: 'fix the YAML syntax at this line' },
  'matter:not-mapping': { severity: 'error', reason: 'the front matter is {what}, not a mapping of fields', fix: 'write front matter as `field: value` lines' },
  'matter:field-type': { severity: 'error', reason: 'front-matter field `{field}` must be {expected}, not {actual}', fix: 'change `{field}` to {expected}' },
  'matter:date': { severity: 'error', reason: 'front-matter `date` is `{value}`, which is not a date', fix: 'write the date as YYYY-MM-DD' },
  'matter:unknown-field': { severity: 'warning', reason: 'front-matter field `{field}` is not used by Verbatim', fix: 'remove it, or check its spelling (known fields: {known})' },
  'matter:slug': { severity: 'error', reason: 'front-matter `slug` `{value}` {problem}', fix: 'use lowercase letters, digits and hyphens, e.g. `my-article`' },
  // parse
  'parse:no-headline': { severity: 'error', reason: 'the seed has no headline', fix: 'put the headline on the first line of the body, or set `headline` in the front matter' },
  'parse:no-body': { severity: 'warning', reason: 'the article has a headline but no body text', fix: 'add the article text below the headline' },
  'parse:markdown-too-deep': { severity: 'error', reason: 'the Markdown nests {depth} levels deep (the limit is {limit})', fix: 'flatten the nested quotes, lists or emphasis' },
  'parse:markdown-too-dense': { severity: 'error', reason: 'the paragraph starting here holds {marks} lines and inline Markdown marks (the limit is {limit}), too many to parse in good time', fix: 'split it into shorter paragraphs with blank lines, or rename the seed to .txt if it is not meant as Markdown' },
  'parse:markdown-too-long': { severity: 'error', reason: 'the Markdown holds {marks} lines and inline marks in all and passes the limit of {limit} at this line, too many to parse in good time', fix: 'split the article into several seeds, or rename it to .txt if it is not meant as Markdown' },
  'parse:markdown-too-many-ends': { severity: 'error', reason: 'the Markdown ends a list or block quote {closings} times by this line, and each end costs remark time for every line before it ({cost} in all, over the limit of {limit}), too slow to parse in good time', fix: 'use fewer nested lists and block quotes, or split the article into several seeds, or rename it to .txt if it is not meant as Markdown' },
  'parse:paragraph-too-long': { severity: 'error', reason: 'this {block} is {length} characters long (the limit is {limit}), too long to search for quotations in good time', fix: 'break it into paragraphs: one per line, or a blank line between them' },
  // quotes & speakers
  'quotes:no-speaker': { severity: 'info', reason: 'quotation “{text}” has no speaker', fix: 'attribute it in the text (e.g. `…,” she said.`), or ignore this if it is not a quote' },
  'quotes:unbalanced': { severity: 'warning', reason: 'a quotation mark opened here is never closed', fix: 'add the closing quotation mark' },
  'speakers:merged': { severity: 'info', reason: '{a} and {b} both become `{slug}`; they were merged', fix: 'add an entry to speakers.yml to keep them apart' },
  'speakers:directory': { severity: 'error', reason: 'speakers.yml: {error}', fix: 'fix the entry; see the README section “Editing speakers”' },
  'speakers:directory-list': { severity: 'warning', reason: 'speakers.yml: the alias `{alias}` is one name with commas in it', fix: 'if these are several names, write them as a list: `aliases: [{list}]`' },
  'speakers:unused': { severity: 'info', reason: 'speakers.yml: no article quotes `{name}`{aliases}, so this entry changes nothing', fix: 'check the spelling against the speaker pages, or keep the entry for articles to come' },
  'speakers:slug-taken': { severity: 'warning', reason: 'speakers.yml gives `{name}` the slug `{slug}`, which is also the page of `{other}`; `{other}` moves to `/speakers/{given}/`', fix: 'choose another `slug` for `{name}`, or add an entry for `{other}` with a slug of its own' },
  'speakers:directory-name': { severity: 'error', reason: 'only speakers.yml is read as the speaker directory, so this file is not read', fix: 'rename it to speakers.yml (if there is one already, move its entries there and delete this file)' },
  // archive
  'archive:id-collision': { severity: 'warning', reason: '{a} and {b} have the same file name, so both want the id `{id}`; {b} gets `{given}`', fix: 'rename one of the files: ids come from file names, and which file keeps `{id}` can change as files are added or moved' },
  'archive:slug-collision': { severity: 'warning', reason: '{a} and {b} both want the slug `{slug}`; {b} gets `{given}`', fix: 'set a distinct `slug` in one of the seeds’ front matter' },
  'archive:duplicate': { severity: 'warning', reason: 'this seed is byte-identical to {other}; both are published', fix: 'delete one of the copies if the duplicate is unintended' },
  'archive:undated': { severity: 'info', reason: 'the article has no date; it is listed after dated articles', fix: 'add `date: YYYY-MM-DD` to the front matter' },
} as const satisfies Record<string, CatalogueEntry>;

export type MessageId = keyof typeof catalogue;

/** Where a message points. */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** Fill `{name}` placeholders. Unknown placeholders are left as they are. */
function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  // One pass over the template: a value that itself looks like `{name}` (seed text) is never filled in again.
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!Object.hasOwn(params, key)) throw new TypeError(`message template ${JSON.stringify(template)} needs {${key}}`);
    return String(params[key]);
  });
}

/**
 * Create a message from the catalogue.
 *
 * @example
 *   message('read:empty', { file: 'seeds/a.txt' })
 */
export function message(id: MessageId, place: Place, params: Readonly<Record<string, string | number>> = {}): Message {
  const entry: CatalogueEntry = catalogue[id];
  return {
    id,
    severity: entry.severity,
    file: place.file,
    line: place.line ?? 1,
    column: place.column ?? 1,
    reason: fill(entry.reason, params),
    fix: fill(entry.fix, params),
  };
}

/**
 * Format a message the way compilers do: `file:line:col: severity: reason; fix [id]`. `label`
 * replaces the severity's name (the CLI marks a warning that `--strict` makes an error).
 *
 * @example
 *   formatMessage(m) // 'seeds/a.txt:1:1: error: the seed is empty; add a headline … [read:empty]'
 */
export function formatMessage(m: Message, label: string = m.severity): string {
  return `${m.file}:${m.line}:${m.column}: ${label}: ${m.reason}; ${m.fix} [${m.id}]`;
}

/** True when any message is an error. */
export function hasError(messages: readonly Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}
