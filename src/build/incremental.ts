/**
 * Exact incremental output: which pages and files of the site changed since the last build.
 *
 * Every page is a pure function of its data and the renderer (templates + site code), and
 * every machine file of its contents. A page's fingerprint is the hash of its URL, template,
 * data and the renderer's hash. The manifest of the published generation records the
 * fingerprint of every output; a rebuild copies the previous generation (hard links), removes
 * what disappeared, and re-renders only what is new or different. Nothing else can differ,
 * so the result is byte-for-byte the cold build's.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteFile, SitePage, SitePlan } from '../site/types.ts';

/** The record of one published generation's outputs. */
export interface Manifest {
  readonly version: 1;
  /** The generation folder these outputs are in. */
  readonly generation: string;
  /** Hash of the renderer; a change invalidates every page. */
  readonly renderer: string;
  /** Output path (relative, `/`-separated) → fingerprint, for pages and machine files. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Search shard → fingerprint of the pages it indexes. */
  readonly shards: Readonly<Record<string, string>>;
}

/** The file a page URL is written to, relative to the output folder. */
export function outputPathOf(url: string): string {
  const path = url.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

const hash = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
};

/** Fingerprint of a page: its URL, template and data, under a given renderer. */
export function pageFingerprint(page: SitePage, renderer: string): string {
  return hash(renderer, page.url, page.template, JSON.stringify(page.data));
}

/** Fingerprint of a machine file. */
export function fileFingerprint(file: SiteFile): string {
  return hash('file', file.path, file.contents);
}

/** Hash every file under the given folders (sorted), to detect a changed renderer. */
export async function hashFolders(folders: readonly string[], extra: readonly string[] = []): Promise<string> {
  const h = createHash('sha256');
  for (const part of extra) h.update(part).update('\0');
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
    for (const file of files) h.update(file.slice(folder.length)).update('\0').update(await readFile(file)).update('\0');
  }
  return h.digest('hex');
}

export interface OutputDiff {
  /** Pages to render. */
  readonly pages: readonly SitePage[];
  /** Machine files to write. */
  readonly files: readonly SiteFile[];
  /** Output paths of the previous generation that are no longer part of the site. */
  readonly removed: readonly string[];
  /** The new outputs' fingerprints. */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * Compare a plan with the previous manifest. With no previous manifest (or another renderer),
 * everything is new.
 */
export function diffOutputs(plan: SitePlan, renderer: string, previous: Manifest | null): OutputDiff {
  const before = previous && previous.renderer === renderer ? previous.outputs : {};
  const outputs: Record<string, string> = {};
  const pages: SitePage[] = [];
  const files: SiteFile[] = [];
  for (const page of plan.pages) {
    const path = outputPathOf(page.url);
    const fp = pageFingerprint(page, renderer);
    if (path in outputs) throw new Error(`two pages write ${path}; the site plan must give every page its own URL`);
    outputs[path] = fp;
    if (before[path] !== fp) pages.push(page);
  }
  for (const file of plan.files) {
    const fp = fileFingerprint(file);
    if (file.path in outputs) throw new Error(`two outputs write ${file.path}; the site plan must give every file its own path`);
    outputs[file.path] = fp;
    if (before[file.path] !== fp) files.push(file);
  }
  const removed = Object.keys(previous?.outputs ?? {}).filter((path) => !(path in outputs)).sort();
  return { pages, files, removed, outputs };
}
