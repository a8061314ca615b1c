/**
 * The render thread (src/build/render-thread.ts): a rebuild's pages rendered on a worker thread
 * are the same bytes as rendered here; a worker that cannot start leaves the rendering to this
 * thread; a failure inside the worker comes back as an error.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderThread } from '../../src/build/render-thread.ts';
import { renderPages } from '../../src/site/eleventy.ts';
import { planSite } from '../../src/site/index.ts';
import { makeArchive, OPTIONS } from '../site/fixture.ts';
import { tempDirsPerTest } from '../helpers/tree.ts';

const { temp } = tempDirsPerTest();
const BROKEN = new URL('../fixtures/workers/broken-worker.mjs', import.meta.url);

/** Every file under `dir`, relative path → contents. */
async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}

const pages = planSite(makeArchive(), OPTIONS).pages.filter((p) => p.template === 'article' || p.template === 'speaker').slice(0, 6);

describe('RenderThread', () => {
  it('renders the same bytes as rendering in this thread', async () => {
    const [here, there] = [await temp('here'), await temp('there')];
    await renderPages(pages, here);
    const thread = new RenderThread();
    try {
      await thread.render(pages, there);
    } finally {
      await thread.close();
    }
    const expected = await files(here);
    expect(expected.size).toBeGreaterThan(pages.length); // the pages and the assets
    expect(await files(there)).toEqual(expected);
  });

  it('renders in this thread when its worker cannot start', async () => {
    const [here, there] = [await temp('here'), await temp('there')];
    await renderPages(pages, here);
    const thread = new RenderThread(BROKEN);
    try {
      await thread.render(pages, there); // posted before the worker's failure is known
      await thread.render(pages.slice(0, 1), there); // after it
    } finally {
      await thread.close();
    }
    expect(await files(there)).toEqual(await files(here));
  });

  it('rejects with the renderer’s error, and refuses work once closed', async () => {
    const thread = new RenderThread();
    const out = await temp('out');
    try {
      await expect(thread.render([{ url: '/../escape/', template: 'notfound', data: {} }], out)).rejects.toThrow(/must start with "\/"/);
      await thread.render(pages.slice(0, 1), out); // the worker is still there after a failed job
    } finally {
      await thread.close();
    }
    await expect(thread.render(pages.slice(0, 1), out)).rejects.toThrow(/closed/);
  });
});
