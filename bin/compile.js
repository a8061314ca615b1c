// Loading the TypeScript CLI fast. tsx's loader compiles every module through a hook thread on
// each start (about 0.9 s here before a build does anything). Instead, the CLI is bundled once by
// esbuild (tsx's own compiler, so the same output) into .verbatim-bundle/cli/, under a hash of
// every file under src/ and templates/views/ and of tsconfig.json and package.json, and imported
// as plain JavaScript. A bundle is installed only if esbuild read nothing outside the hashed files
// and the hash is the same after bundling as before (no file changed meanwhile), so the bundle
// under a key is always the code of those files. If the bundle cannot be made (no esbuild, a
// read-only checkout), the CLI runs through tsx as before.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = realpathSync(fileURLToPath(new URL('..', import.meta.url)));
/**
 * Two levels below the root, so the sources' `new URL('../../…', import.meta.url)` finds the
 * root. Inside the checkout itself, not under node_modules: a symlinked node_modules would put
 * the bundle, and so every path the code finds from it, in another tree.
 */
const OUT_DIR = join(ROOT, '.verbatim-bundle', 'cli');
const HASHED_DIRS = ['src', join('templates', 'views')];
const HASHED_FILES = ['tsconfig.json', 'package.json'];
/** The worker threads' modules, bundled beside the CLI. */
const WORKERS = ['extract-worker', 'render-worker'];
/** Bundles not used for this long are removed when a new one is made. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Every file the bundle may be made from (absolute paths, symlinks followed), sorted. */
function sourceFiles() {
  const files = HASHED_FILES.map((f) => join(ROOT, f));
  for (const dir of HASHED_DIRS) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      const file = join(entry.parentPath, entry.name);
      if (entry.isFile() || (entry.isSymbolicLink() && statSync(file).isFile())) files.push(file);
    }
  }
  return files.sort();
}

/** Hash of every source file (path and bytes), esbuild's version and this file. */
function sourceKey(esbuildVersion, files) {
  const hash = createHash('sha256').update(`${esbuildVersion}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files) hash.update(`\0${relative(ROOT, file)}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundle the CLI and its workers (extraction, rendering) under `key` into a staging folder, check that they
 * were made from exactly the hashed sources, and rename them into place.
 */
async function bundle(esbuild, key, files) {
  mkdirSync(OUT_DIR, { recursive: true });
  if (!realpathSync(OUT_DIR).startsWith(ROOT + sep)) throw new Error(`${OUT_DIR} leads outside ${ROOT}`);
  const staging = join(OUT_DIR, `.staging-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { [`cli-${key}`]: 'src/cli/index.ts', [`extract-worker-${key}`]: 'src/build/extract-worker.js', [`render-worker-${key}`]: 'src/build/render-worker.js' },
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      define: { VERBATIM_BUNDLE: JSON.stringify(key) },
      metafile: true,
      logLevel: 'silent',
    });
    const hashed = new Set(files);
    for (const input of Object.keys(result.metafile.inputs)) {
      if (!hashed.has(realpathSync(join(ROOT, input)))) throw new Error(`the bundle reads ${input}, which its key does not cover`);
    }
    if (sourceKey(esbuild.version, sourceFiles()) !== key) throw new Error('the sources changed while they were bundled');
    // The workers first: the CLI's file is what marks the bundle as complete.
    for (const worker of WORKERS) renameSync(join(staging, `${worker}-${key}.mjs`), join(OUT_DIR, `${worker}-${key}.mjs`));
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
      const files = sourceFiles();
      const key = sourceKey(createRequire(import.meta.url)('esbuild/package.json').version, files);
      const file = join(OUT_DIR, `cli-${key}.mjs`);
      try {
        // Marks the bundle as in use, so no other process removes it as stale during a long build.
        const now = new Date();
        utimesSync(file, now, now);
        for (const worker of WORKERS) utimesSync(join(OUT_DIR, `${worker}-${key}.mjs`), now, now);
      } catch {
        await bundle(await import('esbuild'), key, files);
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
