/**
 * Usage mistakes end in one line that says what to do, never a stack trace: these run the real
 * command, as the editor would.
 */
import { createServer } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDev } from '../../src/cli/dev.ts';
import { tempDir } from '../helpers/tree.ts';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
import { runCli, writeGoodSeeds, type Run } from '../hostile/harness.ts';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('usage');
  await writeGoodSeeds(join(dir, 'seeds'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const build = (...more: string[]) => ['build', '--seeds', 'seeds', '--out', 'dist', '--cache', 'cache', '--quiet', ...more];

/** The run failed with `code`, its first line matches `line`, no stack trace was printed and nothing was built. */
function expectUsageError(run: Run, code: number, line: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr.split('\n')[0]).toMatch(line);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/Error:/);
}

describe('usage mistakes', () => {
  it('--seeds naming a file says it is a file, not a folder', async () => {
    const run = await runCli([...build(), '--seeds', 'seeds/2024-budget-vote.txt'], { cwd: dir });
    expectUsageError(run, 2, /^verbatim: --seeds seeds\/2024-budget-vote\.txt is a file, not a folder; pass the folder that holds the seeds/);
  });

  it('--base-url with a query or a fragment is refused before the build', async () => {
    for (const url of ['https://x.org/?q=1', 'https://x.org/archive/#top']) {
      const run = await runCli(build('--base-url', url), { cwd: dir });
      expectUsageError(run, 2, /^verbatim: --base-url must be the site’s address without a query \(\?…\) or a fragment \(#…\)/);
    }
  });

  it('SOURCE_DATE_EPOCH past the year 9999, or not a number, is refused naming it', async () => {
    for (const epoch of ['99999999999999', '17e8']) {
      const run = await runCli(build(), { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });
      expectUsageError(run, 2, new RegExp(`^verbatim: SOURCE_DATE_EPOCH “${epoch}” is .*; unset it, or set it to`));
    }
  });

  it('dev takes SOURCE_DATE_EPOCH as build does: refused when wrong, and the build date of its own builds', async () => {
    const run = await runCli(['dev', '--seeds', 'seeds', '--out', 'dist', '--cache', 'cache', '--port', '0'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '17e8' }, shell: 'timeout 30' });
    expectUsageError(run, 2, /^verbatim: SOURCE_DATE_EPOCH “17e8” is /);
    const server = await startDev({ seedsDir: join(dir, 'seeds'), outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), templatesDir: TEMPLATES, port: 0, log: () => {}, sourceDateEpoch: '1700000000' });
    try {
      expect(await readFile(join(dir, 'dist', 'feed.xml'), 'utf8')).toContain('<updated>2023-11-14T22:13:20Z</updated>');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('an option the command does not take is refused like an unknown one', async () => {
    expectUsageError(await runCli(build('--port', '99'), { cwd: dir }), 2, /^verbatim: build does not take --port \(it takes --seeds, --out/);
    expectUsageError(await runCli(['check', '--seeds', 'seeds', '--out', 'X'], { cwd: dir }), 2, /^verbatim: check does not take --out/);
    expectUsageError(await runCli(['dev', '--seeds', 'seeds', '--base-url', 'https://x.org/'], { cwd: dir }), 2, /^verbatim: dev does not take --base-url/);
  });

  it('dev on a port in use says so and suggests --port', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = await runCli(['dev', '--seeds', 'seeds', '--out', 'dist', '--cache', 'cache', '--port', String(port)], { cwd: dir });
      expectUsageError(run, 1, new RegExp(`^verbatim: port ${port} on 127\\.0\\.0\\.1 is in use .*; stop it, or choose another port with --port N$`));
    } finally {
      server.close();
    }
  });

  it('dev whose first build fails ends with its message, instead of serving nothing forever', async () => {
    // Another build (this test's process, alive) holds the output's lock.
    await mkdir(join(dir, '.dist.verbatim'), { recursive: true });
    await writeFile(join(dir, '.dist.verbatim', 'lock'), String(process.pid));
    const run = await runCli(['dev', '--seeds', 'seeds', '--out', 'dist', '--cache', 'cache', '--port', '0'], { cwd: dir, shell: 'timeout 30' });
    expect(run.code).toBe(1); // `timeout` ends a hung one with 124
    expect(run.stderr).toMatch(new RegExp(`another build \\(pid ${process.pid}\\)`));
  }, 40_000);
});
