// A worker thread that runs seeds through the per-article pipeline (read → parse → quotes →
// speakers). Plain JavaScript, so that when it runs from the sources (not from the CLI's bundle,
// see bin/compile.js) it can register tsx's loader before importing TypeScript.
import { parentPort } from 'node:worker_threads';

if (typeof VERBATIM_BUNDLE !== 'string') (await import('tsx/esm/api')).register();
const { processSeed } = await import('../pipeline.ts');
parentPort.on('message', ({ id, path, bytes }) => {
  try {
    parentPort.postMessage({ id, json: JSON.stringify(processSeed({ path, bytes })) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
