/**
 * The search index: Pagefind (its binary ships in the npm package) over the staged site.
 * Only elements marked `data-pagefind-body` are indexed (the article and speaker pages).
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Index the HTML in `siteDir` and write Pagefind's files to `siteDir/pagefind/`. */
export async function indexSearch(siteDir: string, progress: (stage: string, done: number, total: number) => void = () => {}): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    progress('search', 0, 1);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    progress('search', 1, 1);
  } finally {
    await pagefind.close();
  }
}
