import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED as shared, score } from '../../scripts/eval.ts';

const available = existsSync(`${shared}/corpora/polnear/dev`) && existsSync(`${shared}/eval/score.mjs`);

// Floors a little under the figures reached on PolNeAR dev; raise them as accuracy improves.
describe.skipIf(!available)('accuracy on PolNeAR dev', () => {
  const s = available ? score('dev') : null;

  it('keeps quote detection F1 at or above 0.951', () => {
    expect(s!.quotes.f1).toBeGreaterThanOrEqual(0.951);
  });

  it('keeps attribution F1 at or above 0.915', () => {
    expect(s!.attribution.f1).toBeGreaterThanOrEqual(0.915);
  });

  it('keeps speaker accuracy on matched quotes at or above 0.914', () => {
    expect(s!.attribution.speakerAccuracyOnMatched).toBeGreaterThanOrEqual(0.914);
  });
});
