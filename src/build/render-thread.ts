/**
 * Rendering on a worker thread. A rebuild renders a handful of pages, yet loading Eleventy
 * costs this thread most of a second (its modules and their garbage), while the other core
 * sits idle as records load and the archive is built. A `RenderThread` loads Eleventy on that
 * other core as soon as it is made, and renders there the pages it is given (their data goes
 * over as a structured clone, so it suits a few thousand pages, not a cold build's 40,000).
 * The rendering is the same `renderPages`, so the output is the same bytes.
 */
import { Worker } from 'node:worker_threads';
import type { SitePage } from '../site/types.ts';

/** The worker's module: beside the CLI's bundle when running from it (see bin/compile.js), else the source. */
const WORKER_URL = typeof VERBATIM_BUNDLE === 'string' ? new URL(`./render-worker-${VERBATIM_BUNDLE}.mjs`, import.meta.url) : new URL('./render-worker.js', import.meta.url);

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string; readonly stack?: string; readonly code?: string; readonly path?: string };
}

export class RenderThread {
  readonly #worker = new Worker(WORKER_URL);
  readonly #jobs = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failed: Error | null = null;

  constructor() {
    this.#worker.on('message', (reply: Reply) => {
      const job = this.#jobs.get(reply.id);
      this.#jobs.delete(reply.id);
      if (job === undefined) return;
      if (reply.error === undefined) return job.resolve();
      // An error rebuilt with the file system's code and path, so a full disk still reads as one.
      const error = Object.assign(new Error(reply.error.message), reply.error.code === undefined ? {} : { code: reply.error.code, path: reply.error.path });
      if (reply.error.stack !== undefined) error.stack = reply.error.stack;
      job.reject(error);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the render worker exited (code ${code})`)));
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const job of this.#jobs.values()) job.reject(error);
    this.#jobs.clear();
  }

  /** Render pages into `outDir` on the worker, as `renderPages` does here. */
  render(pages: readonly SitePage[], outDir: string): Promise<void> {
    if (this.#failed !== null) return Promise.reject(this.#failed);
    const id = this.#nextId++;
    // Keyed pages make their data when read: read once here, and sent as plain objects.
    const plain = pages.map((page) => ({ url: page.url, template: page.template, data: page.data }));
    return new Promise<void>((resolve, reject) => {
      this.#jobs.set(id, { resolve, reject });
      this.#worker.postMessage({ id, pages: plain, outDir });
    });
  }

  async close(): Promise<void> {
    this.#failed ??= new Error('the render worker was closed');
    await this.#worker.terminate();
  }
}
