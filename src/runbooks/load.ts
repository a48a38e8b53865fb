// Reading runbooks from disk: one file, or the list the pane's `r` key offers. Parsing happens
// on a worker thread (parse-off-thread.ts) under a size limit and a time budget, so no file,
// however large or strangely shaped, freezes the console: it ends in a message instead.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runbook } from './model.js';
import { formatSize, RunbookParser } from './parse-off-thread.js';

/** Limits on what is parsed. */
export interface LoadLimits {
  /** Larger files are refused before they are read. @default 2 MiB */
  maxBytes?: number;
  /** Time allowed for one parse. @default 5 s plus 60 s per MB */
  budgetMs?: number;
}

/** The largest runbook warroom reads (2 MiB: a runbook ten times the longest we have seen). */
export const MAX_RUNBOOK_BYTES = 2 * 1024 * 1024;

/**
 * How long a file of `bytes` may take to parse: 5 s, plus 60 s a megabyte. markdown-it reads a
 * 1 MB runbook in about half a second of CPU (benchmark B14), micromark before took ~4 s and
 * 25-30 s with the two cores shared ten ways; the budget was set for that and is kept, so a real
 * runbook is never refused for its size alone on a machine that busy, while a shape that makes
 * the parser crawl still ends in a message and the console's keys keep working.
 */
export function parseBudgetMs(bytes: number): number {
  return 5000 + Math.round((bytes / (1024 * 1024)) * 60_000);
}

let shared: RunbookParser | null = null;

/** The process's one runbook parser (a worker thread started on first use). */
export function runbookParser(): RunbookParser {
  shared ??= new RunbookParser();
  return shared;
}

/** Reads and parses a runbook; rejects with a plain message when the file cannot be read, is too large or too slow to parse. */
export async function loadRunbook(path: string, limits: LoadLimits = {}): Promise<Runbook> {
  const maxBytes = limits.maxBytes ?? MAX_RUNBOOK_BYTES;
  let source: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      throw new Error(`runbook ${path} is ${formatSize(info.size)}; warroom reads runbooks up to ${formatSize(maxBytes)}. Split it into several files.`);
    }
    source = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    throw new Error(code === 'ENOENT' ? `runbook not found: ${path}` : `cannot read runbook ${path}: ${code}`);
  }
  return runbookParser().parse(source, path, limits.budgetMs ?? parseBudgetMs(Buffer.byteLength(source)));
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
