/**
 * Test helpers for XML output: a strict XML 1.0 + namespaces well-formedness check (saxes),
 * and the text of every element with a given name.
 */
import { SaxesParser } from 'saxes';

/** The well-formedness errors saxes finds in `xml` (an empty array for a well-formed document). */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

/** The decoded text content of every `<name>` element, in document order. */
export function textOf(xml: string, name: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let current = '';
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    if (tag.local === name) {
      depth += 1;
      current = '';
    }
  });
  parser.on('text', (text) => {
    if (depth > 0) current += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === name) {
      depth -= 1;
      found.push(current);
    }
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return found;
}
