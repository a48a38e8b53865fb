// Reading runbooks from disk: one file, or the list the pane's `r` key offers.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runbook } from './model.js';

/** Reads and parses a runbook; rejects with a plain message when the file cannot be read. */
export async function loadRunbook(path: string): Promise<Runbook> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `runbook not found: ${path}` : `cannot read runbook ${path}: ${code ?? String(err)}`);
  }
  // The Markdown toolchain (micromark, mdast: ~100 modules) loads with the first runbook, not
  // with every command that can open one: the console draws its first frame without it.
  const { parseRunbook } = await import('./parse.js');
  return parseRunbook(source, path);
}

/** The Markdown files in a folder, sorted by name (empty when the folder is missing). */
export async function listRunbooks(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => /\.(md|markdown)$/i.test(n)).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}
