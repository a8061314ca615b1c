/**
 * The dev server rebuilds for changes a build reads, not for a `.git/` commit or an editor's swap file.
 */
import { describe, expect, it } from 'vitest';
import { unreadChange } from '../../src/cli/dev.ts';

describe('dev: which changes under seeds/ rebuild', () => {
  it('skips dot-files and anything in a dot-folder, at any depth and with either separator', () => {
    for (const name of ['.git/index.lock', '.obsidian/workspace.json', 'politics/.story.txt.swp', '.DS_Store', 'a\\.trash\\old.txt']) expect(unreadChange(name), name).toBe(true);
  });

  it('rebuilds for seeds, the speaker file, and changes the system could not name', () => {
    for (const name of ['story.txt', 'politics/2024/budget.md', 'speakers.yml', 'a.b/c.txt', Buffer.from('x.txt')]) expect(unreadChange(name), String(name)).toBe(false);
    expect(unreadChange(null)).toBe(false);
  });
});
