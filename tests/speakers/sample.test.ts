import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processSeed } from '../../src/pipeline.ts';
import type { AttributedArticle } from '../../src/types.ts';

const path = fileURLToPath(new URL('../../seeds/000_4214a0f614e41956.txt', import.meta.url));

function sample(): AttributedArticle {
  const result = processSeed({ path: 'seeds/000_4214a0f614e41956.txt', bytes: readFileSync(path) });
  if ('rejected' in result) throw new Error(result.messages.map((m) => m.reason).join('; '));
  return result;
}

describe('the sample seed', () => {
  const a = sample();
  const who = (start: string): { name: string | undefined; kind: string | undefined; roles: readonly string[] | undefined } => {
    const q = a.quotes.find((x) => x.text.startsWith(start));
    const s = a.speakers.find((x) => x.key === q?.speakerKey);
    return { name: s?.name, kind: q?.kind, roles: s?.roles };
  };

  it('attributes the two full quotations to Sergey Lavrov, Foreign Minister, as direct quotes', () => {
    expect(who('We cannot agree with proposals')).toEqual({ name: 'Sergey Lavrov', kind: 'direct', roles: ['Foreign Minister'] });
    expect(who('The West, particularly the United States')).toEqual({ name: 'Sergey Lavrov', kind: 'direct', roles: ['Foreign Minister'] });
  });

  it('attributes the three phrases to Sergey Lavrov as partial quotes', () => {
    for (const start of ['prepared in the most meticulous way', 'clumsy attempts', 'no constructive ideas']) {
      expect(who(start).name).toBe('Sergey Lavrov');
      expect(who(start).kind).toBe('partial');
    }
  });

  it('attributes “provocation” to Poland, a country', () => {
    expect(who('provocation').name).toBe('Poland');
    expect(a.speakers.find((s) => s.name === 'Poland')?.type).toBe('country');
  });

  it('attributes “road to nowhere” in the lede and the headline to Russia', () => {
    const road = a.quotes.filter((q) => /road to nowhere/i.test(q.text) && q.kind === 'partial');
    expect(road.map((q) => q.in).sort()).toEqual(['body', 'headline']);
    for (const q of road) expect(a.speakers.find((s) => s.key === q.speakerKey)?.name).toBe('Russia');
  });

  it('quotes nobody else', () => {
    const names = new Set(a.quotes.map((q) => a.speakers.find((s) => s.key === q.speakerKey)?.name));
    expect([...names].sort()).toEqual(['Poland', 'Russia', 'Sergey Lavrov']);
    expect(a.quotes).toHaveLength(8);
  });
});
