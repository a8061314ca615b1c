/**
 * Byte-level checks for the read stage: binary content, UTF-8 validity, and
 * turning a byte offset into the line and column an editor shows.
 */

/** Where binary content was found and what it looked like. */
export interface BinaryFinding {
  readonly offset: number;
  /** Fills `{what}` in `read:binary`, e.g. `a NUL byte`. */
  readonly what: string;
  /** True when a known file format's signature gave it away (else a NUL or control bytes). */
  readonly signature: boolean;
}

/** File signatures of common binary formats (checked at offset 0). */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF file signature' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG file signature' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF file signature' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG file signature' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP file signature (also .docx, .odt)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip file signature' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office file signature' },
];

/** C0 control characters other than tab, LF, VT, FF and CR, plus DEL. */
function isControl(byte: number): boolean {
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f;
}

/**
 * Find binary content: a NUL byte anywhere, a known binary file signature, or
 * more control characters than text ever has (more than 8 and more than 1% of
 * the bytes). A stray control character or two in real text is let through.
 */
export function findBinary(bytes: Uint8Array): BinaryFinding | null {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) return { offset: 0, what: signature.what, signature: true };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { offset: nul, what: 'a NUL byte', signature: false };
  let first = -1;
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (isControl(bytes[i] ?? 0)) {
      if (first === -1) first = i;
      count++;
    }
  }
  if (count > Math.max(8, bytes.length / 100)) return { offset: first, what: `${count} control characters`, signature: false };
  return null;
}

/**
 * True when the bytes look like Latin-script UTF-16 text without a byte-order mark: in the first
 * 512 bytes, at least 40% of the bytes at one parity (even or odd offsets) are NUL, under 5% at
 * the other, and the other parity's bytes are text (printable ASCII, tab, line breaks, the low
 * bytes of typographic punctuation, or above 0x7F). Executables and other binaries have NULs at both parities, or control bytes.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  const nuls = [0, 0];
  const texty = [0, 0];
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) nuls[i % 2]!++;
    else if (b >= 0x10 || b === 0x09 || b === 0x0a || b === 0x0d) texty[i % 2]!++; // 0x10–0x1F: low bytes of U+2010–U+201F (“ ” ‘ ’ –)
  }
  const half = n / 2;
  for (const [zero, other] of [[0, 1], [1, 0]] as const) {
    if (nuls[zero]! >= 0.4 * half && nuls[other]! < 0.05 * half && texty[other]! >= 0.9 * (half - nuls[other]!)) return true;
  }
  return false;
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence
 * (overlong forms, surrogates and code points above U+10FFFF included), or -1.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      // A truncated or broken sequence: point at its lead byte, which a decoder would replace.
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * The 1-based line and column of a byte offset, as an editor shows them:
 * LF, CRLF and lone CR each end a line; columns count characters (not bytes),
 * and a leading BOM is not counted because the read stage strips it.
 */
export function positionOf(bytes: Uint8Array, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  if (lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && offset >= 3) lineStart = 3;
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80 || b >= 0xc0) column++; // count lead bytes, skip continuation bytes
  }
  return { line, column };
}
