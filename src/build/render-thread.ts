/**
 * Rendering on a worker thread. A rebuild renders a handful of pages, yet loading Eleventy
 * costs this thread most of a second (its modules and their garbage), while the other core
 * sits idle as records load and the archive is built. A `RenderThread` loads Eleventy on that
 * other core as soon as it is made, and renders there the pages it is given (their data goes
 * over as a structured clone, so it suits a few thousand pages, not a cold build's 40,000).
 * The rendering is the same `renderPages`, so the output is the same bytes.
 */
import { Worker } from 'node:worker_threads';
import { renderPages } from '../site/eleventy.ts';
import type { SitePage } from '../site/types.ts';

/** The worker's module: beside the CLI's bundle when running from it (see bin/compile.js), else the source. */
const WORKER_URL = typeof VERBATIM_BUNDLE === 'string' ? new URL(`./render-worker-${VERBATIM_BUNDLE}.mjs`, import.meta.url) : new URL('./render-worker.js', import.meta.url);

/** An error as the worker describes it: the chain of its causes, outermost first. */
interface ErrorLink {
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
  readonly dest?: string;
}

interface Reply {
  readonly id: number;
  readonly error?: readonly ErrorLink[];
}

interface Job {
  readonly pages: readonly SitePage[];
  readonly outDir: string;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** The worker's error rebuilt as a chain of `cause`s, each with its file system code and paths, for `asOutputError`. */
function rebuildError(chain: readonly ErrorLink[]): Error {
  let error: Error | undefined;
  for (const link of [...chain].reverse()) {
    const made: Error & { code?: string; path?: string; dest?: string } = new Error(link.message, error === undefined ? undefined : { cause: error });
    if (link.stack !== undefined) made.stack = link.stack;
    if (link.code !== undefined) Object.assign(made, { code: link.code, path: link.path, dest: link.dest });
    error = made;
  }
  return error ?? new Error('the render worker failed');
}

export class RenderThread {
  readonly #worker: Worker;
  readonly #jobs = new Map<number, Job>();
  #nextId = 0;
  #done = 0;
  /** Set when the worker is gone: closed, or failed (then later pages render in this thread). */
  #gone: 'closed' | 'failed' | null = null;

  /** `url`: the worker's module (tests give one that fails to load). */
  constructor(url: URL = WORKER_URL) {
    this.#worker = new Worker(url);
    this.#worker.on('message', (reply: Reply) => {
      const job = this.#jobs.get(reply.id);
      this.#jobs.delete(reply.id);
      if (job === undefined) return;
      this.#done++;
      if (reply.error === undefined) job.resolve();
      else job.reject(rebuildError(reply.error));
    });
    this.#worker.on('error', (error) => this.#lost(error));
    this.#worker.on('exit', (code) => this.#lost(new Error(`the render worker exited (code ${code})`)));
  }

  /**
   * The worker is gone. If it never finished a job, it failed to start (its module did not load):
   * its pages render in this thread instead, which writes the same bytes (every target was unlinked
   * before rendering, and rendering again replaces what a dead worker may have half written). A
   * worker lost in the middle of the work fails the build.
   */
  #lost(error: Error): void {
    if (this.#gone === 'closed') return;
    this.#gone = 'failed';
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    for (const job of jobs) {
      if (this.#done === 0) renderPages(job.pages, job.outDir).then(job.resolve, job.reject);
      else job.reject(error);
    }
  }

  /** Render pages into `outDir` on the worker, as `renderPages` does here. */
  render(pages: readonly SitePage[], outDir: string): Promise<void> {
    if (this.#gone === 'closed') return Promise.reject(new Error('the render worker was closed'));
    // Keyed pages make their data when read: read once here, and sent as plain objects.
    const plain = pages.map((page) => ({ url: page.url, template: page.template, data: page.data }));
    if (this.#gone === 'failed') return this.#done === 0 ? renderPages(plain, outDir) : Promise.reject(new Error('the render worker failed'));
    const id = this.#nextId++;
    return new Promise<void>((resolve, reject) => {
      this.#jobs.set(id, { pages: plain, outDir, resolve, reject });
      this.#worker.postMessage({ id, pages: plain, outDir });
    });
  }

  /** Stop the worker (at once: a build that failed must not have it write on). Pending renders fail. */
  async close(): Promise<void> {
    if (this.#gone !== 'closed') {
      this.#gone = 'closed';
      for (const job of this.#jobs.values()) job.reject(new Error('the render worker was closed'));
      this.#jobs.clear();
    }
    await this.#worker.terminate();
  }
}
