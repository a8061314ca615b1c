/**
 * `verbatim check`: every seed through the pipeline and the archive; nothing is written.
 */
import { processSeed } from '../pipeline.ts';
import { collect } from './collect.ts';
import type { BuildReport } from './index.ts';

/** What `check` reports: a build's counts and messages, without publishing. */
export type CheckReport = Pick<BuildReport, 'articles' | 'speakers' | 'quotes' | 'warnings' | 'rejected' | 'messages' | 'ms'>;

/** Validate the seeds of a folder. */
export async function check(options: { readonly seedsDir: string; readonly cwd?: string }): Promise<CheckReport> {
  const started = performance.now();
  const { archive, rejected, messages } = await collect(options.seedsDir, options.cwd ?? process.cwd(), (path, bytes) => processSeed({ path, bytes }));
  return {
    articles: archive.articles.length,
    speakers: archive.speakers.length,
    quotes: archive.articles.reduce((n, a) => n + a.quotes.length, 0),
    warnings: messages.filter((m) => m.severity === 'warning').length,
    rejected,
    messages,
    ms: performance.now() - started,
  };
}
