import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdir, mkdtemp, readFile, readdir, readlink, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  BuildLockedError,
  collectGarbage,
  currentGeneration,
  newGeneration,
  outputLayout,
  OutputPlaceError,
  publish,
  SEARCH_STAGE,
} from '../../src/build/fsutil.ts';
import { resolveRequest, serveSite } from '../../src/cli/serve.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function makeGeneration(layout: ReturnType<typeof outputLayout>, marker: string): Promise<string> {
  const gen = newGeneration(layout) + marker;
  await mkdir(gen, { recursive: true });
  await writeFile(join(gen, 'index.html'), marker);
  return gen;
}

describe('atomic output', () => {
  it('publishes a generation by pointing the output link at it', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    await mkdir(layout.state, { recursive: true });
    const gen = await makeGeneration(layout, 'one');
    await publish(layout, gen);
    expect(await readFile(join(dir, 'dist', 'index.html'), 'utf8')).toBe('one');
    expect(await readlink(join(dir, 'dist'))).toBe(join('.dist.verbatim', gen.split('/').at(-1)!));
    expect(await currentGeneration(layout)).toBe(gen);
  });

  it('takes over an empty output folder on the first publish', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    await mkdir(join(dir, 'dist'), { recursive: true });
    await mkdir(layout.state, { recursive: true });
    const gen = await makeGeneration(layout, 'two');
    await publish(layout, gen);
    expect(await readdir(join(dir, 'dist'))).toEqual(['index.html']);
    expect(await currentGeneration(layout)).toBe(gen);
  });

  it('refuses to publish over a folder with files, a file or a link it did not make, and leaves them as they were', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    await mkdir(layout.state, { recursive: true });
    const gen = await makeGeneration(layout, 'three');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'mine.html'), 'mine');
    await expect(publish(layout, gen)).rejects.toThrow(OutputPlaceError);
    expect(await readFile(join(dir, 'dist', 'mine.html'), 'utf8')).toBe('mine');
    await rm(join(dir, 'dist'), { recursive: true });
    await symlink('www', join(dir, 'dist'));
    await expect(publish(layout, gen)).rejects.toThrow(/a link to www that Verbatim did not make/);
    expect(await readlink(join(dir, 'dist'))).toBe('www');
  });

  it('removes every generation but the published one', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    await mkdir(layout.state, { recursive: true });
    const first = await makeGeneration(layout, 'a');
    await publish(layout, first);
    const second = await makeGeneration(layout, 'b');
    await publish(layout, second);
    await makeGeneration(layout, 'half-written');
    await collectGarbage(layout);
    expect(await readdir(layout.state)).toEqual([second.split('/').at(-1)]);
    expect(await realpath(join(dir, 'dist'))).toBe(second);
  });
});

describe('build lock', () => {
  it('refuses a second build while the first holds the lock, naming its pid', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await mkdir(layout.state, { recursive: true });
      await writeFile(layout.lock, String(child.pid));
      const error = await acquireLock(layout).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildLockedError);
      expect((error as Error).message).toContain(`pid ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => child.on('exit', done));
    await mkdir(layout.state, { recursive: true });
    await writeFile(layout.lock, String(child.pid));
    // The dead build was indexing a shard: its staged links go, the folders stay.
    const staged = join(layout.state, SEARCH_STAGE, 's03', 'articles', 'a');
    await mkdir(staged, { recursive: true });
    await writeFile(join(staged, 'index.html'), 'linked page');
    const release = await acquireLock(layout);
    expect(await readFile(layout.lock, 'utf8')).toBe(String(process.pid));
    expect(await readdir(staged)).toEqual([]);
    await release();
  });

  it('does not walk the search stage when the last build released its lock (at 10,000 articles it has ~10,000 folders)', async () => {
    const layout = outputLayout(join(dir, 'dist'));
    const staged = join(layout.state, SEARCH_STAGE, 's03');
    await mkdir(staged, { recursive: true });
    await writeFile(join(staged, 'index.html'), 'linked page');
    const release = await acquireLock(layout);
    expect(await readdir(staged)).toEqual(['index.html']);
    await release();
  });
});

describe('dev server paths', () => {
  it('maps a trailing slash to index.html', () => {
    expect(resolveRequest('/srv', '/articles/x/')).toBe('/srv/articles/x/index.html');
  });

  it('redirects a folder to its path with a slash on this server, never to another host', async () => {
    await mkdir(join(dir, 'site', 'articles'), { recursive: true });
    const site = await serveSite(join(dir, 'site'), { port: 0 });
    const location = (path: string) =>
      new Promise<[number | undefined, string | undefined]>((done, fail) => {
        get(`${site.url}${path}`, { path }, (res) => {
          res.resume();
          done([res.statusCode, res.headers.location]);
        }).on('error', fail);
      });
    try {
      expect(await location('/articles')).toEqual([301, '/articles/']);
      expect(await location('//evil.example/..%2farticles')).toEqual([301, '/evil.example/..%2farticles/']);
      expect(await location('/\\evil.example/..%2farticles?q=1')).toEqual([301, '/evil.example/..%2farticles/']);
      expect(await location('///\\/evil.example/..%2f..%2farticles')).toEqual([301, '/evil.example/..%2f..%2farticles/']);
    } finally {
      await site.close();
    }
  });

  it('refuses paths that escape the site folder', () => {
    expect(resolveRequest('/srv', '/../etc/passwd')).toBeNull();
    expect(resolveRequest('/srv', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRequest('/srv', '/a%00b')).toBeNull();
  });
});
