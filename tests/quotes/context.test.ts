import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../src/quotes/context.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The plain definition: every sentence that overlaps the span, trimmed; the whole text when none does. */
function reference(text: string, start: number, end: number): string {
  const touched = [...segmenter.segment(text)].filter(({ segment, index }) => index + segment.length > start && index < end);
  if (touched.length === 0) return text.trim();
  const last = touched[touched.length - 1]!;
  return text.slice(touched[0]!.index, last.index + last.segment.length).trim();
}

describe('sentenceAround', () => {
  it('gives the sentence of a quote, and every sentence a long quote runs over', () => {
    const text = 'The mayor spoke on Tuesday. “We will not back down,” he told reporters. Then he left.';
    const start = text.indexOf('We');
    expect(sentenceAround(text, start, start + 5)).toBe('“We will not back down,” he told reporters.');
    expect(sentenceAround(text, 4, text.indexOf('Then') + 2)).toBe(text);
    expect(sentenceAround(text, text.length + 5, text.length + 9)).toBe(text);
  });

  it('agrees with the plain definition on any text and span', () => {
    const sentence = fc.constantFrom('He said “no.”', 'The U.S. grew 3.5 percent!', 'Is it? ', 'Yes.', '  ', 'Dr. No left\n', '“Go,” she said.', 'ok');
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 12 }).map((parts) => parts.join(' ')), fc.integer({ min: -2, max: 140 }), fc.integer({ min: -2, max: 140 }), (text, a, b) => {
        expect(sentenceAround(text, a, b)).toBe(reference(text, a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
