// Where the demo's own files live on this machine. The demo config is an ordinary warroom.yaml
// with absolute paths, so it must work the same whether warroom runs compiled (dist/) or from
// source under tsx, and from any working directory.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The folder holding warroom's package.json, found by walking up from this module. */
export function packageRoot(): string {
  let dir = dirname(here);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'warroom') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`warroom's package.json was not found above ${here}`);
    dir = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** Absolute path of the runbook written for the demo estate. */
export function demoRunbookPath(): string {
  return join(packageRoot(), 'runbooks', 'demo-estate.md');
}

/**
 * The argv that runs the demo control command (`ctl`) as its own process: the compiled file
 * next to this one, or, when running from source, the .ts file through tsx's loader (resolved
 * to an absolute URL so it works from any working directory).
 */
export function ctlArgv(): string[] {
  const fromSource = here.endsWith('.ts');
  const ctl = join(dirname(here), fromSource ? 'ctl.ts' : 'ctl.js');
  if (!fromSource) return [process.execPath, ctl];
  return [process.execPath, '--import', import.meta.resolve('tsx'), ctl];
}

/** Quotes one word for a POSIX shell, leaving plain words (paths, flags, URLs) readable. */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
