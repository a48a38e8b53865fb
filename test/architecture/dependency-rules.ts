// Runs the dependency rules of .dependency-cruiser.cjs and reads the exceptions docs/architecture.md
// allows, for the dependency test. The rules live in the config so `npx depcruise src views`
// checks the same thing by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** The repository's root folder. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** One allowed import, as a row of the Exceptions table. */
export interface DependencyException {
  from: string;
  to: string;
  rule: string;
  reason: string;
}

/** Cruises `paths` (relative to the root) with the project's rules; returns the result. */
export async function cruiseWithRules(paths: string[]): Promise<ICruiseResult> {
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const tsConfig = extractTSConfig('tsconfig.json');
    const reported = await cruise(paths, { ...options, validate: true }, {}, { tsConfig });
    return reported.output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}

/** The rows of the Exceptions table in docs/architecture.md. */
export function readExceptions(): DependencyException[] {
  const text = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const section = text.split(/^## Exceptions$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows: DependencyException[] = [];
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|(.+)\|\s*$/.exec(line);
    if (cells) rows.push({ from: cells[1]!, to: cells[2]!, rule: cells[3]!, reason: cells[4]!.trim() });
  }
  return rows;
}

/** True when the exception allows this violation. */
export function allows(exception: DependencyException, violation: IViolation): boolean {
  return exception.from === violation.from && exception.to === violation.to && exception.rule === violation.rule.name;
}

/** What an engineer reads when an import breaks a rule: which import, which rule, why, what to do. */
export function explain(violation: IViolation, comments: ReadonlyMap<string, string>): string {
  const why = comments.get(violation.rule.name) ?? '';
  if (violation.cycle && violation.cycle.length > 0) {
    const path = [violation.from, ...violation.cycle.map((step) => step.name)].join('\n      → ');
    return [
      `import cycle (rule ${violation.rule.name}, type-only imports count):`,
      `      ${path}`,
      `  ${why}`,
      '  Fix: move the shared type down into the file that owns the concept (see docs/architecture.md, "Where things live").',
    ].join('\n');
  }
  const kinds = (violation.dependencyTypes ?? []).filter((kind) => kind !== 'local').join(', ');
  return [
    `${violation.from} imports ${violation.to}${kinds ? ` (${kinds})` : ''}: breaks rule ${violation.rule.name}`,
    `  ${why}`,
    '  Fix: import from a lower layer (docs/architecture.md), or, if it must stay, add a row with its reason to the Exceptions table there.',
  ].join('\n');
}
