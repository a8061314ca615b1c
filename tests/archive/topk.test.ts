import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../src/archive/index.ts';

describe('topK', () => {
  it('gives what sorting everything and taking the first k gives', () => {
    const byCountThenName = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 4 })), { selector: (t) => t[0], maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (items, k) => {
        expect(topK(items, k, byCountThenName)).toEqual([...items].sort(byCountThenName).slice(0, k));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a Map’s entries', () => {
    const shared = new Map([['a', 1], ['b', 3], ['c', 2]]);
    expect(topK(shared, 2, (x, y) => y[1] - x[1])).toEqual([['b', 3], ['c', 2]]);
  });
});
