// Getting values for a step's placeholders before it runs. A `$VAR` the environment (or an
// earlier answer) already holds is not asked again: its value is shown in the confirmation
// instead, where Esc still stops the run. Anything else (`<service_name>`, `INC-XXXX`) is asked
// every time, with the last answer offered. Secret-looking values are never put on screen, and
// no value is ever pasted into a command (see run-step.ts).
import { askText, type DialogHost } from '../mode/ask.js';
import { APPROVAL, neutralise } from '../text/neutralise.js';
import type { Command } from './model.js';
import { isSecretPlaceholder, placeholderEnvName } from './placeholders.js';
import type { ValueSource } from './step-confirmation.js';

/** The values to fill in, and where each came from (the confirmation says so). */
export interface PlaceholderValues {
  values: Record<string, string>;
  sources: Record<string, ValueSource>;
}

/** Asks for what is unknown; null when the lead cancels one of the questions. */
export async function askPlaceholderValues(
  store: DialogHost,
  commands: readonly Command[],
  env: Readonly<Record<string, string | undefined>>,
  remembered: Record<string, string>,
): Promise<PlaceholderValues | null> {
  const values: Record<string, string> = {};
  const sources: Record<string, ValueSource> = {};
  for (const placeholder of [...new Set(commands.flatMap((c) => c.placeholders))]) {
    const envName = placeholderEnvName(placeholder);
    const fromEnv = envName ? env[envName] : undefined;
    const secret = isSecretPlaceholder(placeholder);
    if (envName !== undefined && (fromEnv !== undefined || remembered[placeholder] !== undefined)) {
      const value = remembered[placeholder] ?? fromEnv!;
      values[placeholder] = value;
      sources[placeholder] = remembered[placeholder] !== undefined ? 'earlier' : 'environment';
      continue;
    }
    const known = remembered[placeholder];
    const lines = [`used in: ${neutralise(commands.find((c) => c.placeholders.includes(placeholder))!.run.split('\n')[0]!, APPROVAL)}`];
    if (secret && known !== undefined) lines.push('Enter alone keeps the value given earlier (not shown).');
    const answer = await askText(store, {
      title: `Value for ${placeholder}`,
      lines,
      prompt: `${placeholder}:`,
      secret,
      ...(!secret && known !== undefined ? { initial: known } : {}),
    });
    if (answer === null) return null;
    const value = answer === '' && secret && known !== undefined ? known : answer;
    values[placeholder] = value;
    sources[placeholder] = answer === '' && value !== '' ? 'earlier' : 'typed';
    remembered[placeholder] = value;
  }
  return { values, sources };
}
