// Loading the TypeScript CLI fast. tsx's loader compiles every module through a hook thread on
// each start (about 0.9 s here before a build does anything). Instead, the CLI is bundled once by
// esbuild (tsx's own compiler, so the same output) into node_modules/.verbatim/, under a hash of
// every source file it is built from, and imported as plain JavaScript. Editing any file under
// src/ or templates/views/ changes the hash, so a stale bundle is never run. If the bundle cannot
// be made (no esbuild, a read-only install), the CLI runs through tsx as before.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Two levels below the root, so the sources' `new URL('../../…', import.meta.url)` still finds it. */
const OUT_DIR = join(ROOT, 'node_modules', '.verbatim');
const SOURCE_DIRS = ['src', join('templates', 'views')];
/** Bundles older than this (of earlier sources) are removed when a new one is made. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Hash of every source file (path and bytes), esbuild's version and this file. */
function sourceKey(esbuildVersion) {
  const hash = createHash('sha256').update(`${esbuildVersion}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(?:ts|js|json)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(`\0${relative(ROOT, file)}\0`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Bundle the CLI and the extraction worker under `key`; written to temporary names, then renamed into place. */
async function bundle(esbuild, key) {
  mkdirSync(OUT_DIR, { recursive: true });
  const staging = join(OUT_DIR, `.staging-${process.pid}-${Date.now()}`);
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { [`cli-${key}`]: 'src/cli/index.ts', [`extract-worker-${key}`]: 'src/build/extract-worker.js' },
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      define: { VERBATIM_BUNDLE: JSON.stringify(key) },
      logLevel: 'silent',
    });
    // The worker first: the CLI's file is what marks the bundle as complete.
    renameSync(join(staging, `extract-worker-${key}.mjs`), join(OUT_DIR, `extract-worker-${key}.mjs`));
    renameSync(join(staging, `cli-${key}.mjs`), join(OUT_DIR, `cli-${key}.mjs`));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const now = Date.now();
  for (const name of readdirSync(OUT_DIR)) {
    if (name.includes(key)) continue;
    const file = join(OUT_DIR, name);
    try {
      if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { recursive: true, force: true });
    } catch {
      // another process removed it
    }
  }
}

/** The CLI module (`{ main }`): from the bundle for the current sources, else through tsx. */
export async function loadCli() {
  if (process.env.VERBATIM_NO_BUNDLE !== '1') {
    try {
      const key = sourceKey(createRequire(import.meta.url)('esbuild/package.json').version);
      const file = join(OUT_DIR, `cli-${key}.mjs`);
      try {
        statSync(file);
      } catch {
        await bundle(await import('esbuild'), key);
      }
      return await import(pathToFileURL(file).href);
    } catch (error) {
      if (process.env.VERBATIM_DEBUG === '1') console.error('verbatim: running through tsx, the bundle failed:', error);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/index.ts');
}
