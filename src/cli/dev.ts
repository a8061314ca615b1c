/**
 * `verbatim dev`: build, serve on localhost with live reload, and rebuild when a seed or
 * a template changes. Seed changes rebuild in this process (the cache makes that quick);
 * template changes rebuild in a fresh child process so edited modules are loaded anew.
 */
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type BuildReport } from '../build/index.ts';
import { formatMessage } from '../messages.ts';
import { serveSite, type SiteServer } from './serve.ts';

/**
 * True for a change under the seeds folder that no build reads: a dot-file or anything in a
 * dot-folder (`.git/index.lock`, an editor's `.story.txt.swp`), which would otherwise rebuild
 * the site on every commit or keystroke. (Null, a change the system could not name, is read.)
 */
export function unreadChange(filename: string | Buffer | null): boolean {
  return filename !== null && String(filename).split(/[\\/]/).some((part) => part.startsWith('.'));
}

export interface DevOptions {
  readonly seedsDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
  readonly templatesDir: string;
  readonly port: number;
  readonly host?: string;
  readonly log: (line: string) => void;
  /** `SOURCE_DATE_EPOCH`, for the builds made in this process (a child build reads it from the environment). */
  readonly sourceDateEpoch?: string;
}

export interface DevServer extends SiteServer {
  /** Resolves after the build that a change started has been published. */
  readonly idle: () => Promise<void>;
}

const BIN = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

/** Start the dev loop. Resolves once the first build is served. */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1';
  const base = { seedsDir: options.seedsDir, outDir: options.outDir, cacheDir: options.cacheDir };

  const report = (result: BuildReport): void => {
    for (const m of result.messages) if (m.severity !== 'info') options.log(formatMessage(m));
    options.log(`verbatim: ${result.articles} articles, ${result.speakers} speakers, ${result.quotes} quotes in ${(result.ms / 1000).toFixed(2)} s`);
  };

  const inProcess = async (baseUrl: string): Promise<void> =>
    report(await build({ ...base, baseUrl, ...(options.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: options.sourceDateEpoch }) }));
  const inChild = (baseUrl: string): Promise<void> =>
    new Promise((done) => {
      const child = spawn(process.execPath, [BIN, 'build', '--quiet', '--seeds', base.seedsDir, '--out', base.outDir, '--cache', base.cacheDir, '--base-url', baseUrl], { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', () => done());
    });

  // Serve first (the port fixes the base URL), then build.
  const site = await serveSite(options.outDir, { port: options.port, host, liveReload: true });
  try {
    await inProcess(site.url);
  } catch (error) {
    // A first build that fails (the output locked by another build, or not writable) ends the dev
    // loop: the server must not keep the process alive with nothing watched.
    await site.close();
    throw error;
  }

  let running: Promise<void> = Promise.resolve();
  let pending: 'seeds' | 'templates' | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (kind: 'seeds' | 'templates'): void => {
    pending = pending === 'templates' || kind === 'templates' ? 'templates' : 'seeds';
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const kindNow = pending;
      pending = null;
      running = running.then(async () => {
        try {
          await (kindNow === 'templates' ? inChild(site.url) : inProcess(site.url));
          site.reload();
        } catch (error) {
          options.log(`verbatim: rebuild failed: ${(error as Error).message}`);
        }
      });
    }, 40);
  };

  const watchers: FSWatcher[] = [
    watch(options.seedsDir, { recursive: true }, (_event, filename) => {
      if (!unreadChange(filename)) schedule('seeds');
    }),
    watch(options.templatesDir, { recursive: true }, () => schedule('templates')),
  ];
  options.log(`verbatim: serving ${options.outDir} at ${site.url}/ (live reload on; watching ${options.seedsDir} and ${options.templatesDir})`);

  return {
    ...site,
    async idle() {
      while (timer !== null || pending !== null) await new Promise((r) => setTimeout(r, 20));
      await running;
    },
    async close() {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      await running;
      await site.close();
    },
  };
}
