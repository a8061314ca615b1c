/**
 * `npm run eval`: build PolNeAR dev through the per-article pipeline and the
 * cross-article speaker merge, write the JSON API's article records, and print
 * the shared scorer's table.
 *
 *   npm run eval [-- --show 20] [--split dev] [--keep]
 *
 * Only `writeApi` knows the output layout; the lead will swap it for `verbatim build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Build a PolNeAR split into a temporary API folder and score it (for tests). */
export function score(split = 'dev'): Scores {
  if (split === 'test') throw new TypeError('score: the test split is held out');
  const articles = buildFolder(join(SHARED, 'corpora', 'polnear', split));
  const out = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));
  try {
    writeApi(out, articles, mergeSpeakers(articles, { speakers: [] }));
    const json = execFileSync(process.execPath, [join(SHARED, 'eval', 'score.mjs'), '--labels', join(SHARED, 'corpora', 'polnear', `${split}-gold.jsonl`), '--api', join(out, 'api'), '--json'], { encoding: 'utf8' });
    return JSON.parse(json) as Scores;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): number {
  const arg = (name: string, dflt: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] ?? dflt : dflt;
  };
  const split = arg('--split', 'dev');
  if (split === 'test') {
    console.error('the test split is held out: it is scored by others, never here');
    return 2;
  }
  const folder = join(SHARED, 'corpora', 'polnear', split);
  const labels = join(SHARED, 'corpora', 'polnear', `${split}-gold.jsonl`);
  const started = performance.now();
  const articles = buildFolder(folder);
  const merge = mergeSpeakers(articles, { speakers: [] });
  const out = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));
  writeApi(out, articles, merge);
  const ms = performance.now() - started;
  console.log(`built ${articles.length} articles from ${folder} in ${ms.toFixed(0)} ms`);
  const args = [join(SHARED, 'eval', 'score.mjs'), '--labels', labels, '--api', join(out, 'api')];
  const show = arg('--show', '');
  if (show !== '') args.push('--show', show);
  if (argv.includes('--json')) args.push('--json');
  process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  if (argv.includes('--keep')) console.log(`api kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
