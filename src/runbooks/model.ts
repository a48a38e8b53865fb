// The parsed shape of a team's Markdown runbook. Everything keeps the 1-based source line it came
// from, so the pane, `warroom runbook` and `warroom check` can point back into the file.

/** One runnable shell command found in a fenced block. */
export interface Command {
  /** The command as it runs (on `host` when set): continuations and heredocs joined. */
  run: string;
  /** The `# comment` line(s) written just above it. */
  description?: string;
  /** Where it runs: the HOST of `ssh HOST "cmd"` (or of a bare `ssh HOST` earlier in the block). */
  host?: string;
  /** Values to ask for before running, as written: `<service_name>`, `$API_KEY`, `${VAR}`, `INC-XXXX`. */
  placeholders: string[];
  line: number;
}

/** A fenced block that is shown, not run (sql, yaml, json, promql, ...). */
export interface ReferenceBlock {
  /** The fence's language, '' when none. */
  lang: string;
  text: string;
  line: number;
  /** PromQL: the console can offer it as a metrics panel. */
  metricsPanel: boolean;
}

/** One thing the incident lead does (or checks off). */
export interface Step {
  text: string;
  line: number;
  /** `- [x]` in the file: starts done. */
  done: boolean;
  commands: Command[];
  references: ReferenceBlock[];
  /** Nested bullets and follow-up paragraphs written under the step, as text. */
  details: string[];
}

/** A run of prose under a heading that is neither a step nor a table; shown as text. */
export interface TextBlock {
  text: string;
  line: number;
}

/** A Markdown table kept as a table, tagged with what it was recognised as. */
export interface Table {
  kind: 'severity' | 'escalation' | 'other';
  headers: string[];
  rows: string[][];
  line: number;
}

/** A row of a severity table: level and how fast it must be answered. */
export interface SeverityLevel {
  level: string;
  response: string;
  /** The rest of the row ("Complete service outage", the alert name), joined. */
  description?: string;
  line: number;
}

/** A row of an escalation matrix: after how long, whom or what. */
export interface EscalationRow {
  after: string;
  /** `after` read as minutes when it says so ("15 min", "1 hour", "0-15 minutes"). */
  afterMinutes?: number;
  contact?: string;
  action?: string;
  line: number;
}

/** A heading and what is under it (down to the next heading of any level). */
export interface Section {
  title: string;
  /** Heading depth 1-6; 0 for content before the first heading. */
  level: number;
  line: number;
  steps: Step[];
  /** Observations listed under a "Symptoms" heading or label (for suggestions, not steps). */
  symptoms: string[];
  text: TextBlock[];
  tables: Table[];
}

/** A whole runbook file. */
export interface Runbook {
  title: string;
  file: string;
  sections: Section[];
  severities: SeverityLevel[];
  escalation: EscalationRow[];
  /** Every table in the file, in order (severity and escalation ones included). */
  tables: Table[];
}
