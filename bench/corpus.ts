/**
 * The benchmark's seeds: N real articles from the shared corpora, linked (never copied)
 * into a temporary seeds folder.
 *
 * Order: polnear/train, polnear/dev, bbc, reuters, each in name order. polnear/test is held
 * out and never used. When N is larger than the corpora, they are repeated under new ids
 * (`r2-<name>`, `r3-<name>`, …) and the result says how many are repeats.
 *
 * Hard links are used because Verbatim lists seeds with `readdir(withFileTypes)` and takes
 * only regular files (a symlink's entry is not a file). A hard link is the same inode as
 * the original, so never write to one: `replaceSeed` unlinks it first.
 */
import { link, mkdir, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export const CORPUS_FOLDERS = ['polnear/train', 'polnear/dev', 'bbc', 'reuters'] as const;

export interface CorpusFile {
  /** Absolute path of the original. */
  readonly path: string;
  /** The corpus folder it comes from, e.g. `bbc`. */
  readonly folder: string;
  /** The file name. */
  readonly name: string;
}

export interface Seeds {
  readonly dir: string;
  /** Seed file names in the folder, in corpus order. */
  readonly names: readonly string[];
  /** The original each name links to, by name. */
  readonly originals: ReadonlyMap<string, string>;
  /** How many articles the corpora hold. */
  readonly available: number;
  /** How many seeds are repeats of an article already used, under a new id. */
  readonly repeated: number;
  /** Seeds taken from each folder (repeats included). */
  readonly byFolder: Readonly<Record<string, number>>;
  /** `hard` unless hard links failed (another file system), then `symlink`. */
  readonly linkKind: 'hard' | 'symlink';
}

/** Every seed file of the corpora, in benchmark order. */
export async function listCorpus(root: string): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const seen = new Set<string>();
  for (const folder of CORPUS_FOLDERS) {
    const names = (await readdir(join(root, folder)))
      .filter((n) => !n.startsWith('.') && ['.txt', '.md'].includes(extname(n)))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (seen.has(name)) throw new Error(`bench: two corpus files are named ${name}; the seeds folder needs unique names`);
      seen.add(name);
      files.push({ path: join(root, folder, name), folder, name });
    }
  }
  return files;
}

/** The first `n` seeds: the corpus in order, then again as `r2-…`, `r3-…` until there are `n`. */
export function pickSeeds(corpus: readonly CorpusFile[], n: number): Array<CorpusFile & { readonly seedName: string; readonly round: number }> {
  if (corpus.length === 0) throw new Error('bench: the corpora are empty');
  const picked = [];
  for (let i = 0; i < n; i++) {
    const file = corpus[i % corpus.length]!;
    const round = Math.floor(i / corpus.length) + 1;
    picked.push({ ...file, round, seedName: round === 1 ? file.name : `r${round}-${file.name}` });
  }
  return picked;
}

/** Make `dir` (emptied first) a seeds folder of `n` links to corpus files. */
export async function makeSeeds(root: string, dir: string, n: number): Promise<Seeds> {
  const corpus = await listCorpus(root);
  const picked = pickSeeds(corpus, n);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let linkKind: 'hard' | 'symlink' = 'hard';
  const byFolder: Record<string, number> = {};
  const originals = new Map<string, string>();
  for (const file of picked) {
    const target = join(dir, file.seedName);
    if (linkKind === 'hard') {
      try {
        await link(file.path, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        linkKind = 'symlink';
      }
    }
    if (linkKind === 'symlink') await symlink(file.path, target);
    byFolder[file.folder] = (byFolder[file.folder] ?? 0) + 1;
    originals.set(file.seedName, file.path);
  }
  return {
    dir,
    names: picked.map((f) => f.seedName),
    originals,
    available: corpus.length,
    repeated: Math.max(0, n - corpus.length),
    byFolder,
    linkKind,
  };
}

/** Replace a seed (a link to an original) with a file of its own holding `text`. */
export async function replaceSeed(dir: string, name: string, text: string): Promise<void> {
  const path = join(dir, basename(name));
  await unlink(path); // never write through the link into the shared corpus
  await writeFile(path, text);
}

/** Read a seed's text (through its link). */
export function readSeedText(dir: string, name: string): Promise<string> {
  return readFile(join(dir, basename(name)), 'utf8');
}

/** One line describing where the seeds come from, e.g. for the report. */
export function describeSeeds(seeds: Seeds): string {
  const parts = Object.entries(seeds.byFolder).map(([folder, count]) => `${count.toLocaleString('en')} ${folder}`);
  const repeats =
    seeds.repeated > 0
      ? `; the corpora hold ${seeds.available.toLocaleString('en')} articles, so ${seeds.repeated.toLocaleString('en')} seeds are REPEATS of them under new ids (r2-, r3-, …)`
      : '; no repeats';
  return `${seeds.names.length.toLocaleString('en')} seeds (${seeds.linkKind} links): ${parts.join(' + ')}${repeats}`;
}
