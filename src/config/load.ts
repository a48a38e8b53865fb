// Reads warroom.yaml into the resolved model. Stages, each reporting every problem it finds:
// YAML syntax (with positions) -> `${VAR}` filling -> schema (zod) -> resolving and expansion.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isMap, LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { ResolveContext } from './context.js';
import { interpolateDocument } from './env.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { problemsFromZod } from './issues.js';
import { YamlPositions } from './positions.js';
import { resolveConfig } from './resolve.js';
import { fileSchema } from './schema.js';
import { unsafeTextProblems } from './text-safety.js';
import type { WarroomConfig } from './types.js';

export { ConfigError, formatProblem, type ConfigProblem } from './errors.js';

/** Largest config accepted, in characters: a config is a page or two; past this it is not one. */
export const MAX_CONFIG_CHARS = 1_000_000;

/** The file name looked for in the working directory when no `--config` is given. */
export const DEFAULT_CONFIG_NAME = 'warroom.yaml';

/** The config file to open: `--config FILE` (relative to cwd) else `warroom.yaml` in cwd. */
export function findConfigPath(cwd: string, explicit?: string): string {
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_NAME);
  if (!existsSync(path)) {
    const hint = explicit === undefined ? ' (create one, or pass --config FILE; `warroom demo` needs none)' : '';
    throw new ConfigError({ file: path, line: 0, col: 0, keyPath: '', message: `no such config file${hint}` });
  }
  return path;
}

/** Reads and resolves the config file at `path`; throws ConfigError listing every problem. */
export async function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): Promise<WarroomConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such config file' : `cannot read the config file (${code ?? (err as Error).message})`;
    throw new ConfigError({ file: path, line: 0, col: 0, keyPath: '', message });
  }
  return loadConfigText(text, path, env);
}

/** Plain wording for the YAML parser's errors, keeping its position. */
function syntaxProblem(err: YAMLError, file: string, lines: LineCounter, text: string): ConfigProblem {
  const { line, col } = lines.linePos(err.pos[0]);
  let message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (err.code === 'DUPLICATE_KEY') {
    const key = /^[^:\s]+/.exec(text.slice(err.pos[0]))?.[0];
    message = key ? `duplicate key \`${key}\`` : 'duplicate key';
  } else if (err.code === 'TAB_AS_INDENT') {
    message = 'tab used for indentation; YAML indents with spaces';
  } else if (/call stack/i.test(message)) {
    message = 'the file is nested too deeply to read';
  } else {
    const lineText = text.split('\n')[line - 1] ?? '';
    if (lineText.includes('${') && /[{[]/.test(lineText)) message += ' (quote values holding ${VAR} inside { } or [ ])';
    message = `YAML syntax: ${message}`;
  }
  return { file, line, col, keyPath: '', message };
}

/**
 * A hostile file's own weapons against the parser, as messages: alias expansion past the YAML
 * library's guard ("billion laughs") and nesting deep enough to exhaust the stack.
 */
function parserLimit(error: unknown, file: string): ConfigError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (/alias count/i.test(message)) {
    return new ConfigError({ file, line: 1, col: 1, keyPath: '', message: 'too many aliases (*name) expand to the same nodes; the file is refused as a resource exhaustion attack' });
  }
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return new ConfigError({ file, line: 1, col: 1, keyPath: '', message: 'the file is nested too deeply to read' });
  }
  return undefined;
}

/** Resolves config text as if read from `file` (which sets the folder for relative paths). */
export function loadConfigText(text: string, file: string, env: NodeJS.ProcessEnv = process.env): WarroomConfig {
  if (text.length > MAX_CONFIG_CHARS) {
    throw new ConfigError({ file, line: 0, col: 0, keyPath: '', message: `the file is larger than 1 MB (${text.length} characters); a config is refused past that` });
  }
  try {
    return loadParsedText(text, file, env);
  } catch (error) {
    throw parserLimit(error, file) ?? error;
  }
}

function loadParsedText(text: string, file: string, env: NodeJS.ProcessEnv): WarroomConfig {
  const absolute = resolve(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Later syntax errors are mostly echoes of the first, but duplicate keys are independent.
    const [first, ...rest] = doc.errors.map((err) => syntaxProblem(err, file, lines, text));
    throw new ConfigError([first!, ...rest.filter((p) => p.message.startsWith('duplicate key'))]);
  }
  if (doc.contents === null) {
    throw new ConfigError({ file, line: 1, col: 1, keyPath: '', message: 'the config file is empty; expected a mapping with services:' });
  }
  const positions = new YamlPositions(doc, lines, file);
  if (!isMap(doc.contents)) {
    throw new ConfigError(positions.problem([], 'expected a mapping of keys (incident:, hosts:, services:, ...) at the top level'));
  }
  const filled = interpolateDocument(doc, text, env, positions);
  if (filled.problems.length > 0) throw new ConfigError(filled.problems);
  // After filling: a value from the environment is held to the same rule as the file's own text.
  const unsafe = unsafeTextProblems(doc, positions);
  if (unsafe.length > 0) throw new ConfigError(unsafe);

  const parsedJs: unknown = doc.toJS();
  const parsed = fileSchema.safeParse(parsedJs);
  if (!parsed.success) throw new ConfigError(problemsFromZod(parsed.error, parsedJs, positions));

  const ctx: ResolveContext = {
    positions, baseDir: dirname(absolute), hosts: {}, hasPrometheus: false, problems: [],
    secrets: new Set(filled.secrets), commandEnv: filled.commandEnv,
  };
  const config = resolveConfig(ctx, parsed.data, absolute);
  if (ctx.problems.length > 0) throw new ConfigError(ctx.problems);
  return config;
}
