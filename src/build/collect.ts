/**
 * Reading the seeds folder: every seed through the pipeline (by a caller-chosen function,
 * so `build` can cache and `check` need not), the editor's speaker file, and the archive.
 */
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readlinkSync, type BigIntStats } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildArchive } from '../archive/index.ts';
import { message } from '../messages.ts';
import { isSeedName } from '../read/index.ts';
import { parseSpeakerDirectory } from '../speakers/directory.ts';
import type { Archive, AttributedArticle, Message, Rejection, SpeakerDirectory } from '../types.ts';

/** The editor's speaker file inside the seeds folder. */
export const DIRECTORY_FILE = 'speakers.yml';

export type Processed = AttributedArticle | Rejection;

/** What a seeds folder holds. */
export interface SeedListing {
  /** Seed files, sorted by path. */
  readonly files: readonly string[];
  /** Files at the top named like the speaker file but not it (`speakers.yaml`, `Speakers.yml`): never read. */
  readonly misnamedDirectories: readonly string[];
}

/**
 * List the seed files of a folder (recursively), sorted by path so order never depends on
 * the file system. Seeds are `.txt` and `.md` (or Markdown's other extensions, see `isSeedName`);
 * READMEs are not seeds, and nothing whose name starts with a dot is looked at: dot-files, and
 * dot-folders with all they hold (`.git/`, `.obsidian/`, `.trash/`, Verbatim's own `.<out>.verbatim/`).
 * A link to a seed is followed; a link whose target is gone is listed, so it is reported as unreadable.
 */
export async function listSeeds(seedsDir: string): Promise<SeedListing> {
  const files: string[] = [];
  const misnamedDirectories: string[] = [];
  const walk = async (dir: string, top: boolean): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path, false);
        continue;
      }
      if (top && entry.name !== DIRECTORY_FILE && /^speakers\.ya?ml$/i.test(entry.name)) misnamedDirectories.push(path);
      if (!isSeedName(entry.name) || /^readme\.[^.]+$/i.test(entry.name)) continue;
      // Seeds may be symbolic links (an archive assembled from elsewhere); follow them.
      if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null);
        if (target === null || target.isFile()) files.push(path);
      }
    }
  };
  await walk(seedsDir, true);
  return { files: files.sort(), misnamedDirectories: misnamedDirectories.sort() };
}

/** Why a seed file could not be opened, for `read:unreadable`: a link whose target is gone says so. */
function unreadable(file: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT' && lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true) {
    return `it is a link to ${readlinkSync(file)}, which does not exist`;
  }
  return error.message;
}

export interface Collected {
  readonly archive: Archive;
  readonly rejected: readonly Rejection[];
  /** Every message, sorted by file and position. */
  readonly messages: readonly Message[];
  /** Errors in the editor's speaker file. */
  readonly directoryFailed: boolean;
}

const byPosition = (a: Message, b: Message): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;

/**
 * Read, process and archive every seed of `seedsDir`. `processOne` gets each seed's path (for
 * messages), content, file and the file's status when it was read; `unchanged`, when given, is
 * asked first and may return a seed's record without the file being read (the build's seed
 * index knows it has not changed).
 */
export async function collect(
  seedsDir: string,
  cwd: string,
  processOne: (path: string, bytes: Uint8Array, file: string, stat: BigIntStats) => Processed | Promise<Processed>,
  progress: (stage: string, done: number, total: number) => void = () => {},
  unchanged: (path: string, file: string) => Processed | undefined = () => undefined,
): Promise<Collected> {
  const { files, misnamedDirectories } = await listSeeds(seedsDir);
  // Up to 64 seeds in flight, so a caller's worker pool stays busy; results keep file order.
  const records: Processed[] = new Array<Processed>(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index]!;
      const path = relative(cwd, file) || file;
      const known = unchanged(path, file);
      if (known !== undefined) {
        records[index] = known;
        progress('extract', ++done, files.length);
        continue;
      }
      let bytes: Uint8Array;
      let stat: BigIntStats;
      try {
        // Status and content through one descriptor: a seed (or a link to one) swapped between
        // a `stat` and the read could otherwise be recorded with another file's status.
        const fd = openSync(file, 'r');
        try {
          stat = fstatSync(fd, { bigint: true });
          bytes = readFileSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
        records[index] = { rejected: true, path, id, messages: [message('read:unreadable', { file: path }, { error: unreadable(file, error as NodeJS.ErrnoException) })] };
        continue;
      }
      records[index] = await processOne(path, bytes, file, stat);
      progress('extract', ++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));

  let directory: SpeakerDirectory = { speakers: [] };
  const directoryMessages: Message[] = misnamedDirectories.map((file) => message('speakers:directory-name', { file: relative(cwd, file) || file }));
  const directoryPath = join(seedsDir, DIRECTORY_FILE);
  const text = await readFile(directoryPath, 'utf8').catch(() => null);
  if (text !== null) {
    const parsed = parseSpeakerDirectory(text, relative(cwd, directoryPath) || directoryPath);
    directory = parsed.directory;
    directoryMessages.push(...parsed.messages);
  }

  const articles = records.filter((r): r is AttributedArticle => !('rejected' in r));
  const rejected = records.filter((r): r is Rejection => 'rejected' in r);
  const archive = buildArchive(articles, { directory });
  const messages = [...directoryMessages, ...records.flatMap((r) => r.messages), ...archive.messages].sort(byPosition);
  return { archive, rejected, messages, directoryFailed: directoryMessages.some((m) => m.severity === 'error') };
}
