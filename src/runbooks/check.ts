// `warroom check` for runbooks: problems a lead would otherwise find mid-incident, each pointing
// at the file and line to fix.
import type { Runbook } from './model.js';

/** One thing wrong in a runbook; the same problem on several lines is one problem listing them. */
export interface RunbookProblem {
  file: string;
  /** The first line it occurs on. */
  line: number;
  message: string;
  /** Every line it occurs on, when more than one. */
  lines?: number[];
}

/** What the config offers that a runbook may rely on. */
export interface RunbookCheckOptions {
  /** `metrics.prometheus` is configured: PromQL blocks can be charted. @default true */
  prometheus?: boolean;
}

/** "lines 12, 15, 18 and 19 more" — enough to find them, short enough to read. */
export function lineList(lines: readonly number[], shown = 8): string {
  const head = lines.slice(0, shown).join(', ');
  return lines.length > shown ? `lines ${head} and ${lines.length - shown} more` : lines.length === 1 ? `line ${head}` : `lines ${head}`;
}

/** Collects problems that repeat (one host, one kind of endless command) into one each. */
class Grouped {
  private readonly groups = new Map<string, number[]>();
  add(key: string, line: number): void {
    const lines = this.groups.get(key) ?? [];
    if (!lines.includes(line)) lines.push(line);
    this.groups.set(key, lines);
  }
  problems(file: string, message: (key: string, lines: number[]) => string): RunbookProblem[] {
    return [...this.groups].map(([key, lines]) => ({ file, line: lines[0]!, message: message(key, lines), ...(lines.length > 1 ? { lines } : {}) }));
  }
}

/**
 * Finds commands naming a host the config does not know, commands that never end by themselves,
 * headings with nothing under them, and PromQL blocks that cannot be charted because no
 * Prometheus is configured. A host that is itself a placeholder (`ssh $HOST "..."`) is asked for
 * at run time, so it is fine. A host used by 22 commands is one warning listing their lines.
 */
export function checkRunbook(
  runbook: Runbook,
  knownHosts: Iterable<string> | ((host: string) => boolean),
  options: RunbookCheckOptions = {},
): RunbookProblem[] {
  const listed = typeof knownHosts === 'function' ? null : new Set(knownHosts);
  const knows = (host: string) => (listed ? listed.has(host) : (knownHosts as (host: string) => boolean)(host));
  const problems: RunbookProblem[] = [];
  const hosts = new Grouped();
  const endless = new Grouped();
  runbook.sections.forEach((section, i) => {
    const next = runbook.sections[i + 1];
    const hasChildren = next !== undefined && next.level > section.level;
    const empty = section.steps.length === 0 && section.text.length === 0 && section.tables.length === 0 && section.symptoms.length === 0;
    if (empty && !hasChildren && section.level > 0) {
      problems.push({ file: runbook.file, line: section.line, message: `section "${section.title}" is empty` });
    }
    for (const step of section.steps) {
      for (const command of step.commands) {
        if (command.endless !== undefined) endless.add(command.endless, command.line);
        if (command.host === undefined || knows(command.host)) continue;
        if (command.placeholders.some((p) => command.host!.includes(p))) continue;
        hosts.add(command.host, command.line);
      }
      if (options.prometheus === false) {
        for (const reference of step.references.filter((r) => r.metricsPanel)) {
          problems.push({ file: runbook.file, line: reference.line, message: 'PromQL block cannot be charted: no metrics.prometheus in the config' });
        }
      }
    }
  });
  problems.push(
    ...hosts.problems(runbook.file, (host, lines) =>
      `unknown host "${host}" (not in hosts: or ~/.ssh/config) in ${lines.length === 1 ? 'a command' : `${lines.length} commands`}, ${lineList(lines)}: ${lines.length === 1 ? 'it' : 'they'} would connect as \`ssh ${host}\` does, to the name ${host} on port 22`),
    ...endless.problems(runbook.file, (reason, lines) =>
      `${lines.length === 1 ? 'a command never ends' : `${lines.length} commands never end`} by itself (${reason}), ${lineList(lines)}: the console runs ${lines.length === 1 ? 'it' : 'them'} as a live stream until Esc or :cancel`),
  );
  return problems.sort((a, b) => a.line - b.line);
}
