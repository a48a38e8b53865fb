// `warroom check` for runbooks: problems a lead would otherwise find mid-incident, each pointing
// at the file and line to fix.
import type { Runbook } from './model.js';

/** One thing wrong in a runbook. */
export interface RunbookProblem {
  file: string;
  line: number;
  message: string;
}

/** What the config offers that a runbook may rely on. */
export interface RunbookCheckOptions {
  /** `metrics.prometheus` is configured: PromQL blocks can be charted. @default true */
  prometheus?: boolean;
}

/**
 * Finds commands naming a host the config does not know, headings with nothing under them, and
 * PromQL blocks that cannot be charted because no Prometheus is configured. A host that is itself
 * a placeholder (`ssh $HOST "..."`) is asked for at run time, so it is fine.
 */
export function checkRunbook(
  runbook: Runbook,
  knownHosts: Iterable<string> | ((host: string) => boolean),
  options: RunbookCheckOptions = {},
): RunbookProblem[] {
  const listed = typeof knownHosts === 'function' ? null : new Set(knownHosts);
  const knows = (host: string) => (listed ? listed.has(host) : (knownHosts as (host: string) => boolean)(host));
  const problems: RunbookProblem[] = [];
  runbook.sections.forEach((section, i) => {
    const next = runbook.sections[i + 1];
    const hasChildren = next !== undefined && next.level > section.level;
    const empty = section.steps.length === 0 && section.text.length === 0 && section.tables.length === 0 && section.symptoms.length === 0;
    if (empty && !hasChildren && section.level > 0) {
      problems.push({ file: runbook.file, line: section.line, message: `section "${section.title}" is empty` });
    }
    for (const step of section.steps) {
      for (const command of step.commands) {
        if (command.host === undefined || knows(command.host)) continue;
        if (command.placeholders.some((p) => command.host!.includes(p))) continue;
        problems.push({ file: runbook.file, line: command.line, message: `unknown host "${command.host}" (not in hosts: or ~/.ssh/config)` });
      }
      if (options.prometheus === false) {
        for (const reference of step.references.filter((r) => r.metricsPanel)) {
          problems.push({ file: runbook.file, line: reference.line, message: 'PromQL block cannot be charted: no metrics.prometheus in the config' });
        }
      }
    }
  });
  return problems;
}
