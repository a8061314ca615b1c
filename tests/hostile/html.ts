/**
 * Reading built pages the way a browser would (htmlparser2), so tests check text and
 * attributes rather than grepping bytes.
 */
import { gunzipSync } from 'node:zlib';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { findAll, textContent } from 'domutils';

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

export function elements(doc: Document, name?: string): Element[] {
  return findAll((e) => name === undefined || e.name === name, doc.children);
}

/**
 * What an injected script or element would leave in a page: none of these may be present.
 * `svg` is allowed only as the templates draw it (the speaker timeline: `class="timeline"`).
 */
export function injections(doc: Document): string[] {
  const found: string[] = [];
  for (const e of elements(doc)) {
    for (const [name, value] of Object.entries(e.attribs)) {
      if (/^on/i.test(name)) found.push(`<${e.name} ${name}="${value}">`);
      if (/^(href|src|action|formaction|xlink:href|poster|data)$/i.test(name) && /^\s*(javascript|vbscript|data):/i.test(value)) {
        found.push(`<${e.name} ${name}="${value}">`);
      }
    }
    if (['iframe', 'object', 'embed', 'form', 'base', 'foreignobject'].includes(e.name)) found.push(`<${e.name}>`);
    if (e.name === 'svg' && e.attribs['class'] !== 'timeline') found.push('<svg>');
    if (e.name === 'script') {
      const type = e.attribs['type'] ?? '';
      const text = textContent(e);
      if (type !== 'application/ld+json' && text.includes('__pwned')) found.push(`<script>${text}</script>`);
      if (e.attribs['src'] !== undefined && /pwned|^x$/.test(e.attribs['src'])) found.push(`<script src>`);
    }
    if (e.name === 'img' && (e.attribs['src'] === 'x' || e.attribs['src'] === 'y')) found.push('<img src=x>');
  }
  return found;
}

/** Every file below `root`, relative, with its bytes (Pagefind's gzipped files decompressed). */
export async function readAll(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes = await readFile(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    files.set(relative(root, path), bytes);
  }
  return files;
}
