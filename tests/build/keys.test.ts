/**
 * Keyed outputs (src/build/incremental.ts): an unchanged key under the same code keeps its
 * fingerprint without the data being made; `verifyKeys` catches a key that misses an input.
 */
import { describe, expect, it } from 'vitest';
import { diffOutputs, StaleKeyError, type Manifest } from '../../src/build/incremental.ts';
import { planSite } from '../../src/site/index.ts';
import { keyedPage } from '../../src/site/keyed.ts';
import type { SitePlan } from '../../src/site/types.ts';
import { ARCHIVE, OPTIONS } from '../site-machine/fixture.ts';

const CODE = { renderer: 'r1', code: 'c1' };

function manifestOf(plan: SitePlan, version = CODE): Manifest {
  const diff = diffOutputs(plan, version, null);
  return { version: 2, generation: '/g', renderer: version.renderer, outputs: diff.outputs, shards: {}, code: version.code, keys: diff.keys };
}

/** A fresh plan of the same archive whose keyed outputs count how often their data is read. */
function countedPlan(): { plan: SitePlan; reads: () => number } {
  let reads = 0;
  const plan = planSite(ARCHIVE, OPTIONS);
  const pages = plan.pages.map((page) => (page.key === undefined ? page : keyedPage(page.url, page.template, page.key, () => (reads++, page.data))));
  const files = plan.files.map((file) =>
    file.key === undefined ? file : { path: file.path, key: file.key, get contents() { reads++; return file.contents; } },
  );
  return { plan: { pages, files }, reads: () => reads };
}

describe('keyed outputs', () => {
  it('are the article, list and speaker pages, the exports of articles and speakers, and the speakers’ feeds, and give the fingerprints of the same plan made eagerly', () => {
    const plan = planSite(ARCHIVE, OPTIONS);
    const keyed = plan.pages.filter((p) => p.key !== undefined);
    expect(plan.pages.filter((p) => ['article', 'list', 'speaker'].includes(p.template))).toEqual(keyed);
    expect(keyed.filter((p) => p.template === 'article').map((p) => p.url).sort()).toEqual(ARCHIVE.articles.map((a) => a.url).sort());
    expect(plan.files.filter((f) => f.key !== undefined).map((f) => f.path).sort()).toEqual(
      [
        ...ARCHIVE.articles.map((a) => `api/articles/${a.slug}.json`),
        ...ARCHIVE.speakers.map((s) => `api/speakers/${s.slug}.json`),
        ...ARCHIVE.speakers.flatMap((s) => [`speakers/${s.slug}/feed.xml`, `speakers/${s.slug}/feed.json`]),
      ].sort(),
    );
    // The same plan made eagerly, without keys: plain data, read once.
    const eager: SitePlan = {
      pages: plan.pages.map((p) => ({ url: p.url, template: p.template, data: structuredClone(p.data) })),
      files: plan.files.map((f) => ({ path: f.path, contents: f.contents })),
    };
    const keyedDiff = diffOutputs(plan, CODE, null);
    expect(keyedDiff.outputs).toEqual(diffOutputs(eager, CODE, null).outputs);
    expect(keyedDiff.keys.size).toBe(keyed.length + plan.files.filter((f) => f.key !== undefined).length);
  });

  it('are not made again when their keys are unchanged under the same code', () => {
    const previous = manifestOf(planSite(ARCHIVE, OPTIONS));
    const { plan, reads } = countedPlan();
    const diff = diffOutputs(plan, CODE, previous);
    expect(reads()).toBe(0);
    expect(diff.pages).toEqual([]);
    expect(diff.files).toEqual([]);
    expect(diff.outputs).toEqual(previous.outputs);
  });

  it('are made again under other code, and their fingerprints still match when the data is the same', () => {
    const previous = manifestOf(planSite(ARCHIVE, OPTIONS));
    const { plan, reads } = countedPlan();
    const diff = diffOutputs(plan, { renderer: 'r1', code: 'c2' }, previous);
    expect(reads()).toBeGreaterThan(0);
    expect(diff.pages).toEqual([]);
    expect(diff.outputs).toEqual(previous.outputs);
  });

  it('with verifyKeys, fail on a key that stayed the same while its data changed', () => {
    const plan = planSite(ARCHIVE, OPTIONS);
    const previous = manifestOf(plan);
    const page = plan.pages.find((p) => p.key !== undefined)!;
    const changed = keyedPage(page.url, page.template, page.key!, () => ({ ...(page.data as object), headline: 'Something else' }));
    const stale: SitePlan = { pages: plan.pages.map((p) => (p === page ? changed : p)), files: plan.files };
    // Trusted, the key hides the change …
    expect(diffOutputs(stale, CODE, previous).pages).toEqual([]);
    // … which is why every build in the tests verifies keys.
    expect(() => diffOutputs(stale, { ...CODE, verifyKeys: true }, previous)).toThrow(StaleKeyError);
  });
});
