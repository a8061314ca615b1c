// A worker thread that renders pages with Eleventy (see `render-thread.ts`). Plain JavaScript,
// like `extract-worker.js`, so that from the sources it can register tsx's loader first.
import { parentPort } from 'node:worker_threads';

if (typeof VERBATIM_BUNDLE !== 'string') (await import('tsx/esm/api')).register();
const { loadEleventy, renderPages } = await import('../site/eleventy.ts');
loadEleventy().catch(() => {}); // loading starts now; a failure surfaces when pages render

/**
 * What of an error crosses the thread: the chain of its causes (Eleventy wraps a failed write in
 * `originalError`), each with its message and the file system's code and paths, so that the build
 * can find a full disk however deep it is.
 */
function describe(error) {
  const str = (value) => (typeof value === 'string' ? value : undefined);
  const chain = [];
  for (let current = error; chain.length < 8 && current !== undefined && current !== null; current = current.originalError ?? current.cause) {
    if (!(current instanceof Error)) {
      chain.push({ message: String(current) });
      break;
    }
    chain.push({ message: current.message, stack: current.stack, code: str(current.code), path: str(current.path), dest: str(current.dest) });
  }
  return chain;
}

parentPort.on('message', ({ id, pages, outDir }) => {
  renderPages(pages, outDir).then(
    () => parentPort.postMessage({ id }),
    (error) => parentPort.postMessage({ id, error: describe(error) }),
  );
});
