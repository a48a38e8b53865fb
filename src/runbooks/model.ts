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
  /** Why it never ends by itself (`tail -f` follows the file...): it runs as a live stream until stopped. */
  endless?: string;
}

/** Something the author wrote for the reader to do by hand (a comment line in a shell block, a note before a block). */
export interface Instruction {
  /** As written; continuation lines (an edit to make, indented under it) kept on their own lines. */
  text: string;
  line: number;
  /** Index in `commands` of the command it comes before; `commands.length` when it comes after all of them. */
  before: number;
}

/** One of a step's choices ("Option B: reroute traffic", "If the deploy is bad..."): run one, not all. */
export interface Alternative {
  /** The label as written. */
  label: string;
  line: number;
  /** Indexes in `commands` of the commands this choice runs (commands outside every choice run with each). */
  commands: number[];
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
  /** What to do by hand, in order with the commands (see `Instruction.before`). */
  instructions: Instruction[];
  /** Two or more choices among the step's commands; empty when its commands all run in order. */
  alternatives: Alternative[];
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

/** A severity level, from a table row or a bold level name followed by its criteria. */
export interface SeverityLevel {
  level: string;
  /** How fast it must be answered, as written; '' when the runbook does not say. */
  response: string;
  /** The rest of the row ("Complete service outage", the alert name), or the criteria, joined. */
  description?: string;
  /** The criteria listed under a bold level name, one per item. */
  criteria?: string[];
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
