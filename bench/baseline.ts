/**
 * The baseline: what a user would do with the standard tools. A bare Eleventy 3 project with
 * one Markdown post per article (`title` front matter, the body as written, one minimal
 * layout, Eleventy's defaults otherwise), then the Pagefind CLI over its output.
 *
 * Generating the project is not timed; building it and indexing it are.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Post {
  readonly title: string;
  readonly body: string;
}

/**
 * A seed's headline and body, the simple way: drop a leading YAML front matter block, then
 * the first non-blank line is the title and the rest is the body.
 */
export function seedToPost(text: string): Post {
  let rest = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = /^---\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(rest);
  if (front) rest = rest.slice(front[0].length);
  rest = rest.replace(/^\s*\n/, '');
  const newline = rest.indexOf('\n');
  const title = (newline < 0 ? rest : rest.slice(0, newline)).trim();
  const body = newline < 0 ? '' : rest.slice(newline + 1).trim();
  return { title, body };
}

/** A Markdown post with `title` front matter (a JSON string is a valid YAML scalar). */
export function postMarkdown(post: Post): string {
  return `---\ntitle: ${JSON.stringify(post.title)}\n---\n${post.body}\n`;
}

export const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title | escape }}</title></head>
<body>
<main>
<h1>{{ title | escape }}</h1>
{{ content }}
</main>
</body>
</html>
`;

export interface BaselineProject {
  readonly dir: string;
  readonly input: string;
  readonly output: string;
  readonly posts: number;
}

/**
 * Write a bare Eleventy project under `dir`: `src/posts/<seed id>.md` for each seed, a
 * directory data file giving them the one layout, and `src/_includes/post.html`.
 */
export async function makeBaselineProject(seedPaths: ReadonlyMap<string, string>, dir: string): Promise<BaselineProject> {
  await rm(dir, { recursive: true, force: true });
  const input = join(dir, 'src');
  const posts = join(input, 'posts');
  await mkdir(posts, { recursive: true });
  await mkdir(join(input, '_includes'), { recursive: true });
  await writeFile(join(input, '_includes', 'post.html'), LAYOUT);
  await writeFile(join(posts, 'posts.11tydata.json'), `${JSON.stringify({ layout: 'post.html' })}\n`);
  for (const [name, path] of seedPaths) {
    const id = name.replace(/\.(txt|md)$/, '');
    await writeFile(join(posts, `${id}.md`), postMarkdown(seedToPost(await readFile(path, 'utf8'))));
  }
  return { dir, input, output: join(dir, '_site'), posts: seedPaths.size };
}
