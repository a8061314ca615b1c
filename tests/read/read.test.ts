import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_SEED_BYTES, readSeed } from '../../src/read/index.ts';
import type { Rejection, SeedText } from '../../src/types.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

function accepted(path: string, bytes: Uint8Array): SeedText {
  const result = readSeed({ path, bytes });
  if ('rejected' in result) throw new Error(`expected ${path} to be read, got ${result.messages.map((m) => m.id).join(', ')}`);
  return result;
}
function rejected(path: string, bytes: Uint8Array): Rejection {
  const result = readSeed({ path, bytes });
  if (!('rejected' in result)) throw new Error(`expected ${path} to be rejected`);
  return result;
}

describe('readSeed: names and formats', () => {
  it('takes the id from the file name without its extension', () => {
    const seed = accepted('seeds/sub/000_abc.txt', utf8('Headline\n\nBody.'));
    expect(seed.id).toBe('000_abc');
    expect(seed.path).toBe('seeds/sub/000_abc.txt');
    expect(seed.format).toBe('txt');
    expect(seed.messages).toEqual([]);
  });

  it('reads the extension case-insensitively and understands Windows paths', () => {
    expect(accepted('seeds\\a.TXT', utf8('H')).format).toBe('txt');
    expect(accepted('seeds\\a.TXT', utf8('H')).id).toBe('a');
    expect(accepted('seeds/b.Md', utf8('# H')).format).toBe('md');
  });

  it('rejects other extensions, and names with none, with read:extension', () => {
    for (const [path, ext] of [['seeds/a.html', '.html'], ['seeds/a.txt.bak', '.bak'], ['seeds/README', 'no extension'], ['seeds/.txt', 'no extension']] as const) {
      const result = rejected(path, utf8('Headline'));
      expect(result.messages.map((m) => m.id)).toEqual(['read:extension']);
      expect(result.messages[0]?.reason).toContain(ext);
      expect(result.messages[0]?.file).toBe(path);
    }
  });

  it('hashes the raw bytes with sha256', () => {
    const bytes = utf8('\uFEFFHeadline\r\nBody');
    expect(accepted('a.txt', bytes).hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('throws a TypeError when called without bytes', () => {
    expect(() => readSeed({ path: 'a.txt', bytes: 'text' as unknown as Uint8Array })).toThrow(TypeError);
    expect(() => readSeed(null as unknown as { path: string; bytes: Uint8Array })).toThrow(TypeError);
  });

  it('does not change the bytes it is given', () => {
    const bytes = utf8('\uFEFFHeadline\r\nBody');
    const copy = Uint8Array.from(bytes);
    readSeed({ path: 'a.txt', bytes });
    expect(bytes).toEqual(copy);
  });
});

describe('readSeed: size cap', () => {
  it('documents a 1 MiB cap', () => {
    expect(MAX_SEED_BYTES).toBe(1024 * 1024);
  });

  it('accepts a seed of exactly the cap', () => {
    const bytes = new Uint8Array(MAX_SEED_BYTES).fill(0x61);
    bytes[0] = 0x48;
    expect(accepted('big.txt', bytes).text.length).toBe(MAX_SEED_BYTES);
  });

  it('rejects a seed over the cap with read:too-large before looking at its content', () => {
    const bytes = new Uint8Array(MAX_SEED_BYTES + 1).fill(0xff); // would be invalid UTF-8 if decoded
    const result = rejected('big.txt', bytes);
    expect(result.messages.map((m) => m.id)).toEqual(['read:too-large']);
    expect(result.messages[0]?.reason).toContain(String(MAX_SEED_BYTES + 1));
  });
});

describe('readSeed: UTF-16', () => {
  const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => { const u = c.charCodeAt(0); return [u & 0xff, u >> 8]; })]);
  const utf16be = (text: string) => Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((c) => { const u = c.charCodeAt(0); return [u >> 8, u & 0xff]; })]);

  it('reads UTF-16 with a byte-order mark (little- or big-endian) as the same text, hashing the file as it is', () => {
    const text = 'Mayor’s “plan”\r\n\r\nThe body.';
    for (const bytes of [utf16le(text), utf16be(text)]) {
      const seed = accepted('a.txt', bytes);
      expect(seed.text).toBe('Mayor’s “plan”\n\nThe body.');
      expect(seed.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('refuses UTF-16 without a byte-order mark by name, and one with a mark that is not valid', () => {
    const bare = utf16le('Headline\n\n“Body” — text’s here, “quoted” ‘twice’ – and more.').subarray(2);
    expect(rejected('a.txt', bare).messages).toEqual([
      expect.objectContaining({ id: 'read:utf16', severity: 'error', line: 1, column: 1, reason: expect.stringContaining('UTF-16 text without a byte-order mark'), fix: expect.stringContaining('UTF-8') }),
    ]);
    const broken = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41]); // a lone surrogate, and an odd byte
    expect(rejected('a.txt', broken).messages[0]).toMatchObject({ id: 'read:utf16', reason: expect.stringContaining('marked as UTF-16LE') });
  });

  it('still calls binaries binary, even with NULs at every other byte', () => {
    const png = bytesOf([0x89], 'PNG\r\n', [0x1a, 0x0a], ...Array.from({ length: 60 }, () => [0, 0x41]));
    expect(rejected('a.txt', png).messages[0]).toMatchObject({ id: 'read:binary', reason: expect.stringContaining('PNG') });
    const elf = bytesOf([0x7f], 'ELF', [2, 1, 1, 0], ...Array.from({ length: 100 }, (_, i) => [i % 7 === 0 ? 0 : 3, 0, 0x3e, 0, 1, 0, 0, 0]));
    expect(rejected('a.txt', elf).messages[0]?.id).toBe('read:binary');
  });

  it('measures a UTF-16 seed against the size cap as the file it is, not as its UTF-8', () => {
    // 300,000 CJK characters: 600,002 bytes in UTF-16, 900,000 in UTF-8 (both under the cap), and
    // 450,000: 900,002 bytes in UTF-16, under the cap, but 1,350,000 in UTF-8, over it.
    const seed = accepted('a.txt', utf16le(`标题\n\n${'字'.repeat(449_990)}`));
    expect(seed.text.length).toBeGreaterThan(449_990);
  });
});

describe('readSeed: binary content', () => {
  it('rejects a NUL byte as binary, with its line and column', () => {
    const result = rejected('a.txt', bytesOf('Headline\nab', [0], 'c'));
    expect(result.messages[0]).toMatchObject({ id: 'read:binary', severity: 'error', file: 'a.txt', line: 2, column: 3 });
    expect(result.messages[0]?.reason).toContain('NUL');
  });

  it('rejects files that start with a binary format signature', () => {
    expect(rejected('a.txt', bytesOf([0x89], 'PNG\r\n')).messages[0]?.reason).toContain('PNG');
    expect(rejected('a.txt', bytesOf('%PDF-1.7\nstuff')).messages[0]?.reason).toContain('PDF');
    expect(rejected('a.md', bytesOf('PK', [3, 4], 'x')).messages[0]?.id).toBe('read:binary');
  });

  it('rejects text full of control characters as binary', () => {
    const result = rejected('a.txt', bytesOf('Headline ', Array.from({ length: 20 }, () => 0x01)));
    expect(result.messages[0]?.id).toBe('read:binary');
  });

  it('lets a stray control character in real text through', () => {
    expect(accepted('a.txt', bytesOf('Headline\n\nBody text.', [0x1a])).text).toBe('Headline\n\nBody text.\u001a');
  });
});

describe('readSeed: UTF-8', () => {
  it('rejects invalid UTF-8 with the real line and column of the bad byte', () => {
    const result = rejected('seeds/bad.txt', bytesOf('Headline\n\nCafé ', [0xff], ' here'));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ id: 'read:encoding', file: 'seeds/bad.txt', line: 3, column: 6 });
    expect(result.messages[0]?.reason).toBe('the seed is not valid UTF-8 (byte 0xFF at line 3, column 6)');
  });

  it('counts CRLF and lone CR as one line break each when locating a bad byte', () => {
    expect(rejected('a.txt', bytesOf('a\r\nb\rc\n', [0xc3, 0x28])).messages[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('does not count a BOM as a column', () => {
    expect(rejected('a.txt', bytesOf([0xef, 0xbb, 0xbf], 'ab', [0x80])).messages[0]).toMatchObject({ line: 1, column: 3 });
  });

  it('rejects overlong forms, surrogates, code points past U+10FFFF and truncated sequences', () => {
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      expect(rejected('a.txt', bytesOf('Headline ', bad)).messages[0]).toMatchObject({ id: 'read:encoding', line: 1, column: 10 });
    }
  });

  it('never replaces bad bytes with U+FFFD, but keeps a U+FFFD the author wrote', () => {
    expect(accepted('a.txt', utf8('Headline \uFFFD\n')).text).toBe('Headline \uFFFD\n');
    expect(readSeed({ path: 'a.txt', bytes: bytesOf('Headline ', [0xfe]) })).toHaveProperty('rejected', true);
  });

  it('decodes four-byte characters', () => {
    expect(accepted('a.txt', utf8('Emoji 😀 headline')).text).toBe('Emoji 😀 headline');
  });
});

describe('readSeed: normalisation', () => {
  const clean = 'Headline\nSummary.\nLede.\n\nBody one.\n';

  it('gives the same text for a BOM, CRLF or lone-CR file as for the clean file', () => {
    const expected = accepted('a.txt', utf8(clean)).text;
    expect(expected).toBe(clean);
    for (const variant of ['\uFEFF' + clean, clean.replace(/\n/g, '\r\n'), clean.replace(/\n/g, '\r'), '\uFEFF' + clean.replace(/\n/g, '\r\n')]) {
      const seed = accepted('a.txt', utf8(variant));
      expect(seed.text).toBe(expected);
      expect(seed.hash).toBe(createHash('sha256').update(utf8(variant)).digest('hex'));
    }
  });

  it('keeps a BOM-like character that is not at the start', () => {
    expect(accepted('a.txt', utf8('Head\uFEFFline')).text).toBe('Head\uFEFFline');
  });

  it('repairs UTF-8 that was decoded as Latin-1 once or twice (FranÃ§ois → François), also when saved decomposed', () => {
    expect(accepted('a.txt', utf8('Head\n\nSaid Ren\u00C3\u00A9e Lopez.')).text).toBe('Head\n\nSaid Renée Lopez.');
    expect(accepted('a.txt', utf8('Head\n\nSaid Pe\u00C3\u0083\u00C2\u00B1a.')).text).toBe('Head\n\nSaid Peña.');
    expect(accepted('a.txt', utf8('Head\n\nSaid Fran\u00C3\u0083\u00C2\u00A7ois.'.normalize('NFD'))).text).toBe('Head\n\nSaid François.');
  });

  it('leaves Latin-1 letters and punctuation that are not such bytes alone (café», naïve, ¿qué?)', () => {
    const text = 'Head\n\nA café» and a naïve ¿qué? Ü¡\n';
    expect(accepted('a.txt', utf8(text)).text).toBe(text);
  });
});

describe('readSeed: empty seeds', () => {
  it('rejects empty and whitespace-only seeds with read:empty, naming the file', () => {
    for (const text of ['', ' ', '\n\n', '\r\n \t\r\n', '\uFEFF', '\uFEFF  \n']) {
      const result = rejected('seeds/blank.txt', utf8(text));
      expect(result.messages.map((m) => m.id)).toEqual(['read:empty']);
      expect(result.messages[0]?.file).toBe('seeds/blank.txt');
      expect(result.id).toBe('blank');
    }
  });
});
