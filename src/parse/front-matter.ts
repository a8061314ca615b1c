/**
 * Front matter: split it off with gray-matter, parse it as YAML (and only YAML).
 *
 * gray-matter's traps, and what this module does about each:
 * - Called without options it caches by input string and hands back shared data
 *   (a bad file parsed twice gives `{}` the second time): we always pass options.
 * - It runs `---js` / `---javascript` (and `---JS`, which it lower-cases to the
 *   `javascript` engine even when `js` is disabled): we refuse every language
 *   but YAML before calling it, and replace every code engine with one that throws.
 * - It silently drops the body when the front matter is never closed: we find the
 *   closing `---` ourselves and report `matter:unclosed`.
 * - Its YAML engine (js-yaml, default schema) turns dates into Date objects and
 *   counts error lines from the block: we parse with the `yaml` package's core
 *   schema (dates stay strings) and map every position to a real file line.
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { message } from '../messages.ts';
import type { Message } from '../types.ts';

/** The front matter of a seed, split from its body. */
export interface FrontMatter {
  /** The parsed YAML document, or null when there is no front matter or it is empty. */
  readonly doc: Document.Parsed | null;
  /** Maps an offset into the YAML block to its 1-based file line and column. */
  readonly position: (offset: number) => { readonly line: number; readonly column: number };
  /** The text after the front matter (the whole text when there is none). */
  readonly body: string;
  /** The file line on which `body` starts. */
  readonly bodyLine: number;
}

/** Most aliases a front-matter document may expand to (defeats "billion laughs" alias bombs). */
export const MAX_ALIAS_COUNT = 100;

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/** Thrown by the replacement engines; only reachable if the language check above is bypassed. */
export class RefusedLanguageError extends Error {
  override readonly name = 'RefusedLanguageError';
  constructor(readonly language: string) {
    super(`front matter in ${language} is refused: only YAML is read`);
  }
}

const refuse = (language: string) => (): never => {
  throw new RefusedLanguageError(language);
};

/** gray-matter's options type. */
type MatterOptions = NonNullable<Parameters<typeof matter>[1]>;

/** The result our YAML engine hands gray-matter; wrapped so it is never mistaken for user data. */
class YamlResult {
  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineCounter,
  ) {}
}

/** What our YAML engine returns when the parser itself gave up. */
class YamlCrash {
  constructor(readonly reason: string) {}
}

/**
 * gray-matter options for one call. Always passed (never rely on its defaults:
 * no options means its cache). Every engine that runs code throws; the engine
 * lookup lower-cases and aliases names, so all spellings are covered.
 */
export function grayMatterOptions(): MatterOptions {
  const yaml = (block: string): object => {
    const lines = new LineCounter();
    try {
      const doc = parseDocument(block, { schema: 'core', lineCounter: lines, prettyErrors: true, uniqueKeys: true });
      return new YamlResult(doc, lines);
    } catch (error) {
      // The yaml package reports its own stack overflows as errors; this is a second net.
      return new YamlCrash(error instanceof RangeError ? 'it is nested too deeply' : String(error));
    }
  };
  return {
    language: 'yaml',
    engines: {
      yaml,
      yml: yaml,
      javascript: refuse('javascript'),
      js: refuse('js'),
      coffee: refuse('coffee'),
      coffeescript: refuse('coffeescript'),
      cson: refuse('cson'),
      json: refuse('json'),
      toml: refuse('toml'),
    },
  };
}

/** The front-matter errors that reject a seed. */
type Failure = { readonly messages: readonly Message[] };

/**
 * Split and parse a seed's front matter.
 *
 * @example
 *   splitFrontMatter('---\ndate: 2020-01-02\n---\nHeadline', 'a.txt').bodyLine // 4
 */
export function splitFrontMatter(text: string, file: string): FrontMatter | Failure {
  const none: FrontMatter = { doc: null, position: () => ({ line: 1, column: 1 }), body: text, bodyLine: 1 };
  // gray-matter's rule: `---` opens front matter unless a fourth `-` follows.
  if (!text.startsWith('---') || text[3] === '-') return none;

  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
  const language = firstLine.slice(3).trim();
  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    return { messages: [message('matter:language', { file, line: 1, column: 4 }, { language })] };
  }

  // gray-matter closes at the first later line that starts with `---`.
  const close = firstEnd === -1 ? -1 : text.indexOf('\n---', firstEnd);
  if (close === -1) return { messages: [message('matter:unclosed', { file, line: 1, column: 1 }, { open: 1 })] };
  const closeLineNumber = countLines(text, close + 1);
  const closeEnd = text.indexOf('\n', close + 1);
  const closeLine = text.slice(close + 1, closeEnd === -1 ? text.length : closeEnd);
  if (closeLine.trimEnd() !== '---') {
    return { messages: [message('matter:delimiter', { file, line: closeLineNumber, column: 4 }, { line: closeLineNumber })] };
  }

  let data: unknown;
  let block: string;
  try {
    const parsed = matter(text, grayMatterOptions());
    data = parsed.data;
    block = parsed.matter;
  } catch (error) {
    if (error instanceof RefusedLanguageError) {
      return { messages: [message('matter:language', { file, line: 1, column: 4 }, { language: error.language })] };
    }
    throw error;
  }
  // The block gray-matter parsed starts on line 1 (after `---`, or after the
  // language name when there is one), so line n of the block is line n of the
  // file. Check that it split where we did.
  if (block !== text.slice(language === '' ? 3 : firstEnd, close)) throw new Error('gray-matter split the front matter differently from splitFrontMatter');

  const body = closeEnd === -1 ? '' : text.slice(closeEnd + 1);
  const bodyLine = closeLineNumber + 1;
  if (data instanceof YamlCrash) return { messages: [message('matter:yaml', { file, line: 2, column: 1 }, { error: data.reason })] };
  if (!(data instanceof YamlResult)) return { ...none, body, bodyLine }; // empty or comments only

  const { doc, lines } = data;
  const position = (offset: number) => {
    const at = lines.linePos(offset);
    return { line: at.line, column: at.col };
  };
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = first.linePos?.[0] ?? { line: 1, col: 1 };
    const said = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const reason = said.startsWith('Maximum call stack size exceeded') ? 'it is nested too deeply' : said;
    return { messages: [message('matter:yaml', { file, line: at.line, column: at.col }, { error: reason })] };
  }
  try {
    // Never used as data (fields are read from the syntax tree), but refuses alias bombs cheaply.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is nested too deeply' : error instanceof Error ? error.message : String(error);
    return { messages: [message('matter:yaml', { file, line: 2, column: 1 }, { error: reason })] };
  }
  return { doc, position, body, bodyLine };
}

/** 1-based line number of an offset in text. */
function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
