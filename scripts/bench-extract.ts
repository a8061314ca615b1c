/**
 * Extraction speed on the BBC corpus (straight quotes, some with odd counts).
 *
 *   npx tsx scripts/bench-extract.ts [--dir ../shared/corpora/bbc] [--rounds 5]
 *
 * Seeds are read and parsed first (not timed); then `extractQuotes` runs over
 * every article `rounds` times on this one thread, and the best round is reported
 * (plus `resolveSpeakers` for comparison).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed } from '../src/parse/index.ts';
import { extractQuotes } from '../src/quotes/index.ts';
import { readSeed } from '../src/read/index.ts';
import { resolveSpeakers } from '../src/speakers/index.ts';
import { SHARED } from './eval.ts';
import type { ParsedArticle, QuotedArticle } from '../src/types.ts';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] ?? dflt : dflt;
};
const dir = arg('--dir', join(SHARED, 'corpora', 'bbc'));
const rounds = Number(arg('--rounds', '5'));

const parsed: ParsedArticle[] = [];
for (const f of readdirSync(dir).sort()) {
  if (!/\.(?:txt|md)$/.test(f)) continue;
  const seed = readSeed({ path: join(dir, f), bytes: readFileSync(join(dir, f)) });
  if ('rejected' in seed) continue;
  const article = parseSeed(seed);
  if ('rejected' in article) continue;
  parsed.push(article);
}

/**
 * Time `run` `rounds` times; report the best wall time and the best CPU time of this thread
 * (CPU time is what "on one core" means when other processes share the machine).
 */
function time<T>(label: string, run: () => T[]): T[] {
  let best = Infinity;
  let bestCpu = Infinity;
  let out: T[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = run();
    best = Math.min(best, performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const rate = (ms: number): number => Math.round(parsed.length / (ms / 1000));
  console.log(`${label}: ${parsed.length} articles, best of ${rounds}: ${best.toFixed(0)} ms wall = ${rate(best)} articles/s; ${bestCpu.toFixed(0)} ms CPU = ${rate(bestCpu)} articles per CPU-second`);
  return out;
}

const quoted: QuotedArticle[] = time('extractQuotes', () => parsed.map(extractQuotes));
time('resolveSpeakers', () => quoted.map(resolveSpeakers));
const quotes = quoted.reduce((n, a) => n + a.quotes.length, 0);
const unbalanced = quoted.reduce((n, a) => n + a.messages.filter((m) => m.id === 'quotes:unbalanced').length, 0);
console.log(`${quotes} quotes; ${unbalanced} unbalanced quotation marks reported (quotes:unbalanced)`);
