// A worker thread that renders pages with Eleventy (see `render-thread.ts`). Plain JavaScript,
// like `extract-worker.js`, so that from the sources it can register tsx's loader first.
import { parentPort } from 'node:worker_threads';

if (typeof VERBATIM_BUNDLE !== 'string') (await import('tsx/esm/api')).register();
const { loadEleventy, renderPages } = await import('../site/eleventy.ts');
loadEleventy().catch(() => {}); // loading starts now; a failure surfaces when pages render

/** What of an error crosses the thread: its text, and the file system's code and path if it has them. */
function describe(error) {
  const out = { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
  // Eleventy wraps a failed write (`originalError`); the code and path are the file system's.
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    if (typeof current.code === 'string') return { ...out, code: current.code, path: typeof current.path === 'string' ? current.path : undefined };
    current = current.originalError ?? current.cause;
  }
  return out;
}

parentPort.on('message', ({ id, pages, outDir }) => {
  renderPages(pages, outDir).then(
    () => parentPort.postMessage({ id }),
    (error) => parentPort.postMessage({ id, error: describe(error) }),
  );
});
