/**
 * Mark quotations inside a part of an article (headline, summary line, paragraph).
 *
 * Plain text is escaped piece by piece around the marks. A Markdown paragraph's sanitized
 * HTML is walked token by token: its text is decoded, checked against `paragraph.text`, cut at
 * the quote offsets and escaped again; its tags are rebuilt from an allow-list (only `href`,
 * checked, and `title` survive). When anything does not match, the plain text is used instead.
 * An attribution that falls inside an inline element of the Markdown waits until it closes.
 * No seed text is ever written unescaped.
 */
import { html, trustedHtml, escapeHtml, safeUrl, type Html } from '../../src/site/html.ts';

/** One quotation to mark: `[start, end)` in the part's text. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  /** The element that opens the first fragment, e.g. `<q class="q" id="q3">`. */
  readonly open: Html;
  /** The element that opens later fragments (after a tag boundary), without the id. */
  readonly reopen: Html;
  readonly close: Html;
  /** Written after the quotation (after its closing quotation mark): the attribution. */
  readonly after: Html | null;
}

interface Event {
  readonly pos: number;
  /** 0 close, 1 after, 2 open: the order at one position. */
  readonly order: 0 | 1 | 2;
  readonly mark: Mark;
}

const CLOSERS = new Set(['”', '"', '’', "'", '»', '›', '」', '』']);

function events(text: string, marks: readonly Mark[]): Event[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const list: Event[] = [];
  let floor = 0;
  sorted.forEach((mark, i) => {
    // Quotes never overlap in a well-formed record; if they do, clamp so tags stay nested.
    const start = Math.min(Math.max(mark.start, floor), text.length);
    const end = Math.min(Math.max(mark.end, start), text.length);
    floor = end;
    const nextStart = sorted[i + 1]?.start ?? text.length;
    let after = end;
    while (after < text.length && after < nextStart && CLOSERS.has(text[after]!)) after++;
    list.push({ pos: start, order: 2, mark }, { pos: end, order: 0, mark });
    if (mark.after) list.push({ pos: Math.min(after, text.length), order: 1, mark });
  });
  return list.sort((a, b) => a.pos - b.pos || a.order - b.order);
}

/** Mark quotes in plain text. */
export function markText(text: string, marks: readonly Mark[]): Html {
  if (marks.length === 0) return html`${text}`;
  let out = '';
  let at = 0;
  for (const e of events(text, marks)) {
    out += escapeHtml(text.slice(at, e.pos));
    at = e.pos;
    out += String(e.order === 2 ? e.mark.open : e.order === 0 ? e.mark.close : e.mark.after);
  }
  return trustedHtml(out + escapeHtml(text.slice(at)));
}

const INLINE = new Set(['a', 'abbr', 'b', 'br', 'code', 'del', 'em', 'i', 'ins', 'kbd', 's', 'strong', 'sub', 'sup']);
const BLOCK = new Set(['p', 'blockquote', 'ul', 'ol', 'li', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6']);
const VOID = new Set(['br']);
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

type Token = { readonly tag: string; readonly block: boolean } | { readonly text: string };

function decode(raw: string): string | null {
  let bad = false;
  const text = raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff || code === 0) {
        bad = true;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref.toLowerCase()];
    if (named === undefined || !whole.endsWith(';')) bad = true;
    return named ?? whole;
  });
  return bad ? null : text;
}

/** Rebuild a tag from the allow-list, or null when it is not allowed. */
function rebuild(raw: string): { tag: string; block: boolean } | null {
  const m = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>$/i.exec(raw);
  if (!m) return null;
  const closing = m[1] === '/';
  const name = m[2]!.toLowerCase();
  const block = BLOCK.has(name);
  if (!block && !INLINE.has(name)) return null;
  if (closing) return VOID.has(name) ? { tag: '', block } : { tag: `</${name}>`, block };
  let attrs = '';
  for (const a of (m[3] ?? '').matchAll(/([a-z-]+)(?:=("[^"]*"|'[^']*'|[^\s"'>]+))?/gi)) {
    const key = a[1]!.toLowerCase();
    const rawValue = a[2] ?? '';
    const value = decode(rawValue.replace(/^["']|["']$/g, ''));
    if (value === null) return null;
    if (key === 'href' && name === 'a') attrs += ` href="${escapeHtml(safeUrl(value))}"`;
    else if (key === 'title') attrs += ` title="${escapeHtml(value)}"`;
  }
  return { tag: `<${name}${attrs}>`, block };
}

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let covered = 0;
  for (const m of source.matchAll(/<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g)) {
    const piece = m[0];
    if (m.index !== covered) return null;
    covered += piece.length;
    if (piece.startsWith('<')) {
      const tag = rebuild(piece);
      if (tag === null) return null;
      tokens.push(tag);
    } else {
      const text = decode(piece);
      if (text === null) return null;
      tokens.push({ text });
    }
  }
  // Anything the regex skipped (a lone `<`) means this is not the sanitizer's output.
  return covered === source.length ? tokens : null;
}

/**
 * Mark quotes inside a Markdown paragraph's sanitized HTML whose text content is `text`.
 * Returns null when the HTML cannot be trusted to match the text (then use `markText`).
 */
export function markHtml(source: string, text: string, marks: readonly Mark[]): { readonly html: Html; readonly block: boolean } | null {
  const tokens = tokenize(source);
  if (tokens === null) return null;
  if (tokens.map((t) => ('text' in t ? t.text : '')).join('') !== text) return null;
  const queue = events(text, marks);
  let next = 0;
  let out = '';
  let offset = 0;
  const open: Mark[] = [];
  let reopen = false;
  // Inline elements of the Markdown open here (`a`, `em`, `code` …), and the attributions that wait
  // for an open link to close: an attribution holds a link, and `<a>` in `<a>` is not valid HTML.
  // (Inside emphasis or code a byline stays right after its quote: a paragraph in italics keeps
  // each speaker beside their words.)
  const inline: string[] = [];
  let waiting: string[] = [];
  const flushReopen = (): void => {
    if (reopen) for (const m of open) out += String(m.reopen);
    reopen = false;
  };
  const emit = (e: Event): void => {
    if (e.order === 2) {
      flushReopen();
      out += String(e.mark.open);
      open.push(e.mark);
    } else if (e.order === 0) {
      const i = open.lastIndexOf(e.mark);
      if (i !== -1) {
        open.splice(i, 1);
        if (!reopen) out += String(e.mark.close);
      }
    } else if (inline.includes('a')) {
      waiting.push(String(e.mark.after));
    } else {
      flushReopen();
      out += String(e.mark.after);
    }
  };
  for (const token of tokens) {
    if ('tag' in token) {
      if (token.tag === '') continue;
      if (!reopen) for (let i = open.length - 1; i >= 0; i--) out += String(open[i]!.close);
      reopen = open.length > 0;
      const [, closing, name] = /^<(\/?)([a-z0-9]+)/.exec(token.tag)!;
      if (token.block) {
        // A block ends every inline element (the sanitizer closes them first): what waits goes before it.
        out += waiting.join('') + token.tag;
        [inline.length, waiting] = [0, []];
        continue;
      }
      out += token.tag;
      if (closing === '') {
        if (!VOID.has(name!)) inline.push(name!);
      } else if (inline.includes(name!)) inline.splice(inline.lastIndexOf(name!), 1);
      if (!inline.includes('a')) [out, waiting] = [out + waiting.join(''), []];
      continue;
    }
    const end = offset + token.text.length;
    let at = offset;
    for (; next < queue.length; next++) {
      const e = queue[next]!;
      if (e.order === 2 ? e.pos >= end : e.pos > end) break;
      if (e.pos > at) {
        flushReopen();
        out += escapeHtml(token.text.slice(at - offset, e.pos - offset));
        at = e.pos;
      }
      emit(e);
    }
    if (end > at) {
      flushReopen();
      out += escapeHtml(token.text.slice(at - offset));
    }
    offset = end;
  }
  for (; next < queue.length; next++) emit(queue[next]!);
  if (!reopen) for (let i = open.length - 1; i >= 0; i--) out += String(open[i]!.close);
  out += waiting.join('');
  const first = tokens[0];
  return { html: trustedHtml(out), block: first !== undefined && 'tag' in first && first.block };
}

/** A paragraph with its quotes marked: the sanitized HTML when it checks out, else the text. */
export function markParagraph(paragraph: { readonly text: string; readonly html?: string }, marks: readonly Mark[]): Html {
  if (paragraph.html !== undefined) {
    const marked = markHtml(paragraph.html, paragraph.text, marks);
    if (marked !== null) return marked.block ? marked.html : html`<p>${marked.html}</p>`;
  }
  return html`<p>${markText(paragraph.text, marks)}</p>`;
}
