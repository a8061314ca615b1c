/**
 * `npm run eval`: build PolNeAR dev with the real build (`build()` from src/build, the same
 * code as `verbatim build`, search index off) into a temporary folder, and print the shared
 * scorer's table for its JSON API.
 *
 *   npm run eval [-- --show 20] [--split dev] [--json] [--keep] [--direct] [--compare]
 *
 * `--direct` skips the site: it runs the per-article pipeline and the speaker merge and writes
 * only the fields the scorer reads (fast, for iterating on rules). `--compare` does both and
 * fails unless the scorer's figures are identical.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../src/build/index.ts';
import { processSeed } from '../src/pipeline.ts';
import { mergeSpeakers, type SpeakerMerge } from '../src/speakers/merge.ts';
import type { AttributedArticle } from '../src/types.ts';

/** The shared corpora and scorer: `$VERBATIM_SHARED`, else `../shared` beside the repository, else `/work/shared`. */
export const SHARED = process.env.VERBATIM_SHARED ?? [join(fileURLToPath(new URL('../..', import.meta.url)), 'shared'), '/work/shared'].find((d) => existsSync(d)) ?? '/work/shared';

/** Write `OUT/api/articles/<id>.json` with the fields the scorer reads. */
export function writeApi(out: string, articles: readonly AttributedArticle[], merge: SpeakerMerge): void {
  const dir = join(out, 'api', 'articles');
  mkdirSync(dir, { recursive: true });
  for (const a of articles) {
    const quotes = a.quotes.map((q) => {
      const s = q.speakerKey === null ? null : merge.lookup(a.id, q.speakerKey);
      return { id: q.id, text: q.text, kind: q.kind, in: q.in, paragraph: q.paragraph, start: q.start, end: q.end, cue: q.cue, confidence: q.confidence, speaker: s === null ? null : { id: s.id, name: s.name, type: s.type } };
    });
    writeFileSync(join(dir, `${a.id}.json`), `${JSON.stringify({ id: a.id, quotes }, null, 1)}\n`);
  }
}

/** Run every seed of a folder through the pipeline; rejections are reported and skipped. */
export function buildFolder(folder: string): AttributedArticle[] {
  const articles: AttributedArticle[] = [];
  for (const f of readdirSync(folder).sort()) {
    if (!/\.(?:txt|md)$/.test(f)) continue;
    const result = processSeed({ path: join(folder, f), bytes: readFileSync(join(folder, f)) });
    if ('rejected' in result) {
      console.error(`rejected: ${f}: ${result.messages.map((m) => m.reason).join('; ')}`);
      continue;
    }
    articles.push(result);
  }
  return articles;
}

/** The scorer's figures for a split, as its `--json` output. */
export interface Scores {
  readonly quotes: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly attribution: { readonly precision: number; readonly recall: number; readonly f1: number; readonly speakerAccuracyOnMatched: number };
}

function folderOf(split: string): string {
  if (split === 'test') throw new TypeError('the test split is held out: it is scored by others, never here');
  return join(SHARED, 'corpora', 'polnear', split);
}

function scorer(split: string, api: string, extra: readonly string[] = []): string {
  const args = [join(SHARED, 'eval', 'score.mjs'), '--labels', join(SHARED, 'corpora', 'polnear', `${split}-gold.jsonl`), '--api', api, ...extra];
  return execFileSync(process.execPath, args, { encoding: 'utf8' });
}

/** Write the scorer's input for a split straight from the pipeline and the merge (no site); returns the api folder. */
export function writeDirect(split: string, out: string): string {
  const articles = buildFolder(folderOf(split));
  writeApi(out, articles, mergeSpeakers(articles, { speakers: [] }));
  return join(out, 'api');
}

/** Build a split with the real build into `out` (search index off); returns the published api folder. */
export async function writeBuilt(split: string, out: string): Promise<string> {
  const report = await build({ seedsDir: folderOf(split), outDir: join(out, 'dist'), cacheDir: join(out, 'cache'), search: false, cwd: out });
  if (!report.published) throw new Error(`eval: the build of ${split} was not published (${report.rejected.length} rejected)`);
  return join(out, 'dist', 'api');
}

/**
 * Score a PolNeAR split through the per-article pipeline and the speaker merge (for tests:
 * `npm run eval -- --compare` checks that the real build scores the same).
 */
export function score(split = 'dev'): Scores {
  const out = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));
  try {
    return JSON.parse(scorer(split, writeDirect(split, out), ['--json'])) as Scores;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const arg = (name: string, dflt: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] ?? dflt : dflt;
  };
  const split = arg('--split', 'dev');
  if (split === 'test') {
    console.error('the test split is held out: it is scored by others, never here');
    return 2;
  }
  const extra: string[] = [];
  const show = arg('--show', '');
  if (show !== '') extra.push('--show', show);
  if (argv.includes('--json')) extra.push('--json');
  const out = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));
  try {
    let started = performance.now();
    if (argv.includes('--direct') || argv.includes('--compare')) {
      const api = writeDirect(split, join(out, 'direct'));
      console.log(`pipeline: ${split} in ${(performance.now() - started).toFixed(0)} ms`);
      process.stdout.write(scorer(split, api, extra));
      if (argv.includes('--direct')) return 0;
    }
    started = performance.now();
    const api = await writeBuilt(split, join(out, 'build'));
    console.log(`build: ${split} in ${(performance.now() - started).toFixed(0)} ms`);
    process.stdout.write(scorer(split, api, extra));
    if (argv.includes('--compare')) {
      const direct = scorer(split, join(out, 'direct', 'api'), ['--json']);
      const built = scorer(split, api, ['--json']);
      if (direct !== built) {
        console.error('the real build and the direct pipeline score differently');
        return 1;
      }
      console.log('the real build and the direct pipeline score the same');
    }
    return 0;
  } finally {
    if (argv.includes('--keep')) console.log(`output kept in ${out}`);
    else rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
