/**
 * The `verbatim` command line: a thin layer over `build` and `check`.
 *
 * Exit status: 0 every seed published; 1 some seed rejected (or, with --strict, any
 * warning; or the build failed); 2 the command was used wrongly.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build, BuildLockedError, OutputError, OutputPlaceError, outputLayout, outputPlaceProblem, sourceDateEpochProblem, type BuildReport } from '../build/index.ts';
import { check } from '../build/check.ts';
import { formatMessage } from '../messages.ts';
import type { Message } from '../types.ts';
import { startDev } from './dev.ts';
import { ServeError } from './serve.ts';
import { progressReporter } from './progress.ts';

/** The site's templates, shipped with Verbatim. */
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export const HELP = `Usage: verbatim <command> [options]

Commands:
  build    Read the seeds and write the static site.
  check    Validate the seeds without building (same messages, nothing written).
  dev      Build, serve on localhost with live reload, and rebuild on every change
           to the seeds or templates.

Options of each command (any other is refused):
  build    --seeds --out --cache --base-url --strict --quiet --timings
  check    --seeds --strict --quiet
  dev      --seeds --out --cache --port

Options:
  --seeds DIR      folder of seed files (.txt, .md)            [default: seeds]
  --out DIR        output folder for the site                  [default: dist]
  --cache DIR      cache of parsed records                     [default: .verbatim-cache]
  --base-url URL   absolute URL the site is served from, for feeds, sitemap and canonical links
                                                               [default: http://localhost:8080]
  --strict         treat warnings as errors; publish nothing if any seed fails
  --quiet          print only errors and the summary line
  --timings        print how long each build step took
  --port N         dev: the port to serve on                   [default: 8080]
  -h, --help       show this help
  -v, --version    show Verbatim's version

Exit status: 0 all seeds published, 1 some seed rejected, speakers.yml has errors or the build
failed, 2 wrong usage.
`;

type Command = 'build' | 'check' | 'dev';

/** The options each command takes, besides --help; any other is a usage error. */
const OPTIONS: Readonly<Record<Command, readonly string[]>> = {
  build: ['seeds', 'out', 'cache', 'base-url', 'strict', 'quiet', 'timings'],
  check: ['seeds', 'strict', 'quiet'],
  dev: ['seeds', 'out', 'cache', 'port'],
};

/** Every option's value when it is not given. */
const DEFAULTS = { seeds: 'seeds', out: 'dist', cache: '.verbatim-cache', 'base-url': 'http://localhost:8080', strict: false, quiet: false, timings: false, port: '8080', help: false };

/** Why `value` is no --base-url (an absolute http(s) URL without query or fragment), or null. */
function baseUrlProblem(value: string): string | null {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || !/^https?:\/\/[^\s/]+/i.test(value)) {
    return `--base-url must be an absolute http(s) URL, like https://news.example.org (got “${value}”)`;
  }
  if (/[?#]/.test(value)) return `--base-url must be the site’s address without a query (?…) or a fragment (#…), like https://news.example.org/archive/ (got “${value}”)`;
  return null;
}

/** Verbatim's version, from its package.json. */
async function packageVersion(): Promise<string> {
  const json = JSON.parse(await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  return json.version;
}

/** Why the seeds folder cannot be read, or null. */
async function seedsProblem(shown: string, path: string): Promise<string | null> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT') return `the seeds folder ${shown} does not exist; create it and put .txt or .md articles in it, or pass --seeds DIR`;
    return `the seeds folder ${shown} cannot be read (${info.code ?? info.message}); check its permissions, or pass --seeds DIR`;
  }
  if (!info.isDirectory()) return `--seeds ${shown} is a file, not a folder; pass the folder that holds the seeds, e.g. --seeds seeds`;
  return null;
}

/** True when any message is an error (a rejected seed, an error in speakers.yml). */
function hasErrors(messages: readonly Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}

interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly isTTY: boolean;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTTY: process.stderr.isTTY === true && !process.env['CI'],
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The last line of every build: counts and time. */
export function summaryLine(report: Pick<BuildReport, 'articles' | 'speakers' | 'quotes' | 'warnings' | 'rejected' | 'ms'>, verb: string): string {
  return `verbatim: ${verb} ${plural(report.articles, 'article')}, ${plural(report.speakers, 'speaker')}, ${plural(report.quotes, 'quote')}; ${plural(report.warnings, 'warning')}, ${report.rejected.length} rejected ${report.rejected.length === 1 ? 'seed' : 'seeds'}; ${(report.ms / 1000).toFixed(1)} s`;
}

/** Print errors and warnings (only errors when quiet); under --strict a warning is an error, printed and labelled as one. */
function printMessages(messages: readonly Message[], options: { readonly quiet: boolean; readonly strict: boolean }, io: Io): void {
  for (const m of messages) {
    if (m.severity === 'info') continue;
    if (m.severity === 'warning' && options.strict) io.err(formatMessage(m, 'error (a warning, under --strict)'));
    else if (m.severity === 'error' || !options.quiet) io.err(formatMessage(m));
  }
}

/**
 * Run the command line. Returns the exit status instead of exiting, so tests can call it.
 *
 * @example
 *   process.exitCode = await main(['build', '--seeds', 'seeds'])
 */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    // No defaults here, so that an option given to a command that does not take it can be told apart.
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        seeds: { type: 'string' },
        out: { type: 'string' },
        cache: { type: 'string' },
        'base-url': { type: 'string' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        timings: { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(`verbatim: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { positionals } = parsed;
  const values = { ...DEFAULTS, ...parsed.values };
  const command = positionals[0];
  if (values.help || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (parsed.values.version === true || command === 'version') {
    io.out(`verbatim ${await packageVersion()} (node ${process.versions.node})`);
    return 0;
  }
  if (command !== 'build' && command !== 'check' && command !== 'dev') {
    io.err(command === undefined ? `verbatim: which command?\n\n${HELP}` : `verbatim: unknown command “${command}”\n\n${HELP}`);
    return 2;
  }
  if (positionals.length > 1) {
    io.err(`verbatim: unexpected argument “${positionals[1]}”\n\n${HELP}`);
    return 2;
  }
  const stray = Object.keys(parsed.values).find((name) => name !== 'help' && !OPTIONS[command].includes(name));
  if (stray !== undefined) {
    io.err(`verbatim: ${command} does not take --${stray} (it takes ${OPTIONS[command].map((name) => `--${name}`).join(', ')})\n\n${HELP}`);
    return 2;
  }
  const baseUrl = values['base-url'];
  const seedsDir = resolve(values.seeds);
  const epoch = command !== 'check' && process.env['SOURCE_DATE_EPOCH'] !== '' ? process.env['SOURCE_DATE_EPOCH'] : undefined;
  const epochProblem = epoch === undefined ? null : sourceDateEpochProblem(epoch);
  const problem =
    baseUrlProblem(baseUrl) ??
    (await seedsProblem(values.seeds, seedsDir)) ??
    (epochProblem === null ? null : `SOURCE_DATE_EPOCH “${epoch}” ${epochProblem}; unset it, or set it to the build’s time in seconds since 1970-01-01`);
  if (problem !== null) {
    io.err(`verbatim: ${problem}`);
    return 2;
  }

  const port = Number(values.port);
  if (command === 'dev' && (!/^\d+$/.test(values.port) || port > 65535)) {
    io.err(`verbatim: --port must be a number from 0 to 65535 (got “${values.port}”)`);
    return 2;
  }
  if (command !== 'check') {
    const problem = await outputPlaceProblem(outputLayout(values.out), { seeds: values.seeds, cache: values.cache, cwd: process.cwd() }, values.out);
    if (problem !== null) {
      io.err(`verbatim: ${problem}`);
      return 2;
    }
  }

  if (command === 'dev') {
    let server;
    try {
      server = await startDev({ seedsDir, outDir: resolve(values.out), cacheDir: resolve(values.cache), templatesDir: TEMPLATES_DIR, port, log: io.err, ...(epoch === undefined ? {} : { sourceDateEpoch: epoch }) });
    } catch (error) {
      return failed(error, io);
    }
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await server.close();
    return 0;
  }

  if (command === 'check') {
    const report = await check({ seedsDir });
    printMessages(report.messages, values, io);
    io.out(summaryLine(report, 'checked'));
    return hasErrors(report.messages) || (values.strict && report.warnings > 0) ? 1 : 0;
  }

  const progress = progressReporter(io.isTTY && !values.quiet);
  try {
    const report = await build({
      seedsDir,
      outDir: resolve(values.out),
      cacheDir: resolve(values.cache),
      baseUrl,
      strict: values.strict,
      onProgress: progress.update,
      renderThread: true,
      ...(epoch === undefined ? {} : { sourceDateEpoch: epoch }),
    });
    progress.done();
    printMessages(report.messages, values, io);
    if (!report.published) {
      const why = report.rejected.length > 0 ? 'some seeds were rejected' : hasErrors(report.messages) ? 'the speaker directory has errors' : 'there were warnings';
      io.err(`verbatim: --strict: nothing was published because ${why}`);
    }
    if (values.timings) {
      io.err(`verbatim: timings (ms): ${Object.entries(report.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; ${report.extracted} of ${report.articles + report.rejected.length} seeds extracted, the rest from the cache; ${report.written} pages and files written, ${report.indexed} search shards indexed`);
    }
    io.out(summaryLine(report, report.published ? `built ${values.out}:` : 'published nothing:'));
    // Published with errors (a rejected seed, a broken speakers.yml) is still a failure to report.
    return report.published && !hasErrors(report.messages) ? 0 : 1;
  } catch (error) {
    progress.done();
    return failed(error, io);
  }
}

/**
 * Report an error the editor can act on as one line and return its exit status: 2 for an output
 * folder that must not be replaced, 1 for a locked or unwritable output or a port that cannot be
 * served. Anything else is a bug, and is thrown on.
 */
function failed(error: unknown, io: Io): number {
  if (!(error instanceof BuildLockedError || error instanceof OutputError || error instanceof OutputPlaceError || error instanceof ServeError)) throw error;
  io.err(`verbatim: ${error.message}`);
  return error instanceof OutputPlaceError ? 2 : 1;
}
