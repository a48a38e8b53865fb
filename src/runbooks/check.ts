// `warroom check` for runbooks: problems a lead would otherwise find mid-incident, each pointing
// at the file and line to fix.
import type { Runbook } from './model.js';

/** One thing wrong in a runbook. */
export interface RunbookProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * Finds commands naming a host the config does not know and headings with nothing under them.
 * A host that is itself a placeholder (`ssh $HOST "..."`) is asked for at run time, so it is fine.
 */
export function checkRunbook(runbook: Runbook, knownHosts: Iterable<string>): RunbookProblem[] {
  const hosts = new Set(knownHosts);
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
        if (command.host === undefined || hosts.has(command.host)) continue;
        if (command.placeholders.some((p) => command.host!.includes(p))) continue;
        problems.push({ file: runbook.file, line: command.line, message: `unknown host "${command.host}" (not in hosts: or ~/.ssh/config)` });
      }
    }
  });
  return problems;
}
