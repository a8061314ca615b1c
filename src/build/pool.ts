/**
 * A pool of worker threads for the per-article pipeline, so a cold build extracts on every core.
 * Results are `JSON.stringify(processSeed(…))` as computed in this thread (the stages are pure):
 * the JSON text is what the cache stores, and a string crosses threads cheaper than an object.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Job {
  readonly resolve: (json: string) => void;
  readonly reject: (error: Error) => void;
}

/** The worker's module: beside the CLI's bundle when running from it (see bin/compile.js), else the source. */
const WORKER_URL = typeof VERBATIM_BUNDLE === 'string' ? new URL(`./extract-worker-${VERBATIM_BUNDLE}.mjs`, import.meta.url) : new URL('./extract-worker.js', import.meta.url);

export class ExtractPool {
  readonly #workers: Worker[] = [];
  readonly #jobs = new Map<number, Job>();
  readonly #load = new Map<Worker, number>();
  #nextId = 0;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4))) {
    for (let i = 0; i < size; i++) {
      // Each worker holds one article at a time: a small heap keeps the whole tree's memory low.
      const worker = new Worker(WORKER_URL, {
        resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
      });
      worker.on('message', (reply: { id: number; json?: string; error?: string }) => {
        const job = this.#jobs.get(reply.id);
        this.#jobs.delete(reply.id);
        this.#load.set(worker, (this.#load.get(worker) ?? 1) - 1);
        if (!job) return;
        if (reply.error !== undefined) job.reject(new Error(`extraction failed in a worker: ${reply.error}`));
        else job.resolve(reply.json!);
      });
      worker.on('error', (error) => {
        for (const job of this.#jobs.values()) job.reject(error);
        this.#jobs.clear();
      });
      this.#workers.push(worker);
      this.#load.set(worker, 0);
    }
  }

  /** Process one seed on the least busy worker; resolves to its record as JSON. */
  run(path: string, bytes: Uint8Array): Promise<string> {
    const id = this.#nextId++;
    let target = this.#workers[0]!;
    for (const worker of this.#workers) if ((this.#load.get(worker) ?? 0) < (this.#load.get(target) ?? 0)) target = worker;
    this.#load.set(target, (this.#load.get(target) ?? 0) + 1);
    return new Promise<string>((resolve, reject) => {
      this.#jobs.set(id, { resolve, reject });
      target.postMessage({ id, path, bytes });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
