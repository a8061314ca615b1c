/**
 * An auto-escaping `html` tagged template: the only way Verbatim's views write HTML.
 *
 * Every interpolated value is escaped as text unless it is an {@link Html} value, which only
 * `html` itself (and the two audited doors below) can make. Arrays are joined, `null`,
 * `undefined` and booleans render nothing. A string interpolated right after `href="`, `src="`
 * (and the other URL attributes) goes through {@link safeUrl} first, so a `javascript:` link
 * from a seed never reaches an attribute.
 */

/** A piece of HTML that is already safe to output. Made only by `html`, `trustedHtml` and `joinHtml`. */
export class Html {
  readonly #value: string;
  /** @internal use `html`, `trustedHtml` or `joinHtml`. */
  constructor(value: string, key: symbol) {
    if (key !== KEY) throw new TypeError('Html values are made by the html tag, not by `new Html()`');
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

const KEY = Symbol('Html');

/** What may be interpolated into `html`. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The last two code points of planes 1–16 (U+1FFFE, U+1FFFF, … U+10FFFF): noncharacters. */
const ASTRAL_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}fffe}\\u{${(i + 1).toString(16)}ffff}`).join('');

/**
 * Code points no page or feed may hold: C0 controls other than tab, LF and CR; DEL and the C1
 * controls; noncharacters (U+FDD0–U+FDEF and the last two of every plane); lone surrogates. The
 * Nu HTML checker calls them forbidden, XML 1.0 refuses most of them, and none belongs in news
 * text, but the read stage lets a stray one through (a VT from a word processor's line break).
 */
export const FORBIDDEN_CODE_POINT = new RegExp(`[\\0-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff${ASTRAL_NONCHARACTERS}\\p{Cs}]`, 'gu');

/** What a forbidden code point becomes: the three that break lines (VT, FF, NEL) a space, the others nothing. */
function replaceForbidden(c: string): string {
  return c === '\v' || c === '\f' || c === '\u0085' ? ' ' : '';
}

/**
 * Text without the code points a page or feed may not hold (`FORBIDDEN_CODE_POINT`): a vertical
 * tab, form feed or NEL becomes a space, every other one is dropped. Feeds and pages use the same rule.
 *
 * @example
 *   withoutForbiddenCodePoints('a\vb\u0001c') // 'a bc'
 */
export function withoutForbiddenCodePoints(text: string): string {
  return text.replace(FORBIDDEN_CODE_POINT, replaceForbidden);
}

/** Bidi controls and line separators, written as numeric references. */
const INVISIBLE = '\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const IS_INVISIBLE = new RegExp(`^[${INVISIBLE}]$`, 'u');

/** What escapeHtml rewrites: markup characters, bidi controls, line separators and forbidden code points. */
const HTML_UNSAFE = new RegExp(`[&<>"'${INVISIBLE}]|${FORBIDDEN_CODE_POINT.source}`, 'gu');

/**
 * Escape text for use in HTML text or a quoted attribute value. Besides `& < > " '`, bidi
 * controls (U+202A–U+202E, U+2066–U+2069) and line/paragraph separators (U+2028, U+2029) are
 * written as numeric references, so they stay visible in the source and literal in the page;
 * code points a page may not hold are replaced as `withoutForbiddenCodePoints` does.
 *
 * @example
 *   escapeHtml('"><img onerror=x>') // '&quot;&gt;&lt;img onerror=x&gt;'
 *   escapeHtml('a\vb\u0001c')       // 'a bc'
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_UNSAFE, (c) => ESCAPES[c] ?? (IS_INVISIBLE.test(c) ? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};` : replaceForbidden(c)));
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes every interpolation that is not itself `Html`.
 *
 * @example
 *   html`<h1>${'</title><script>'}</h1>`.toString() // '<h1>&lt;/title&gt;&lt;script&gt;</h1>'
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const inUrl = typeof value === 'string' && URL_ATTRIBUTE.test(strings[i] ?? '');
    out += render(inUrl ? safeUrl(value) : value) + (strings[i + 1] ?? '');
  }
  return new Html(out, KEY);
}

/** The attributes whose value is a URL. */
const URL_ATTRIBUTES = 'href|src|action|formaction|poster|cite|xlink:href';

/** A template chunk that ends inside a URL attribute: `href="`, `src="`, `action="`, … */
const URL_ATTRIBUTE = new RegExp(`\\s(?:${URL_ATTRIBUTES})=["']?$`, 'i');

/** A double-quoted URL attribute whose value is a site-relative path (`/x`, but not `//host` or `/\host`). */
const SITE_PATH_ATTRIBUTE = new RegExp(`(\\s(?:${URL_ATTRIBUTES})=")(?=/(?![/\\\\]))`, 'gi');

/**
 * Put every site-relative URL of a rendered document under `basePath`, the path the site is
 * served from (`/archive` for `https://example.org/archive/`; `''` at the root, which changes
 * nothing): `href="/speakers/"` becomes `href="/archive/speakers/"`. Fragments (`#q3`),
 * absolute URLs and `//host` URLs are left alone.
 *
 * Safe on documents made by {@link html}: it escapes `"` in every value it writes, so seed text
 * can never contain `href="/`, and the only such sequences are real attributes of our templates
 * (and links the sanitizer kept in Markdown seeds, which are site-relative too). JSON-LD cannot
 * contain it either: a `"` inside a JSON string is always `\"`.
 *
 * @example
 *   withBasePath('<a href="/speakers/">', '/archive') // '<a href="/archive/speakers/">'
 */
export function withBasePath(document: string, basePath: string): string {
  if (basePath === '') return document;
  if (!basePath.startsWith('/') || basePath.endsWith('/')) throw new TypeError(`base path must start with "/" and not end with one, not ${JSON.stringify(basePath)}`);
  const prefix = escapeHtml(basePath);
  return document.replace(SITE_PATH_ATTRIBUTE, (attribute: string) => attribute + prefix);
}

/** Join rendered pieces (each escaped unless `Html`) with an optional `Html` separator. */
export function joinHtml(values: readonly HtmlValue[], separator: Html | '' = ''): Html {
  return new Html(values.map(render).join(separator.toString()), KEY);
}

/**
 * Mark a string as safe HTML. Only for output that a safe encoder already produced
 * (`scriptSafeJson` JSON-LD, the sanitizer's tags after our own checks). Never for seed text.
 */
export function trustedHtml(value: string): Html {
  return new Html(value, KEY);
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * A URL that is safe in `href`/`src`: site-relative (`/x`, `#q3`, `x/`) or absolute with
 * `http:`, `https:` or `mailto:`. Anything else (`javascript:`, `data:`, `vbscript:`, also when
 * hidden with whitespace, control characters or entities) becomes `#`.
 *
 * @example
 *   safeUrl('/speakers/x/')          // '/speakers/x/'
 *   safeUrl(' JaVa\tscript:alert(1)') // '#'
 */
export function safeUrl(url: string): string {
  // Browsers strip leading/trailing C0 controls and spaces and remove tabs/newlines anywhere.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, (m, offset: number) => (offset === 0 || offset + m.length === url.length ? '' : m.replace(/[\t\n\r]/g, '')));
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme === null) {
    // No scheme: a relative URL, unless something before the first `/?#` looks like one in disguise.
    return /^[^/?#]*[:&]/.test(cleaned) ? '#' : cleaned;
  }
  return SAFE_SCHEMES.has(scheme[1]!.toLowerCase() + ':') ? cleaned : '#';
}
