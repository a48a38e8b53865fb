// Questions asked on the terminal before the console draws (e.g. "Continue it? [Y/n]"). They
// must hand the terminal back exactly as the console expects to find it.
import { createInterface } from 'node:readline/promises';
import { UsageError } from './usage-error.js';

/**
 * Asks `question` on the terminal and returns the line typed. Ctrl-C or Ctrl-D at the question
 * ends warroom (exit 130) with nothing opened.
 */
export async function askOnTerminal(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(question);
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      // The message goes on its own line, not after the question.
      process.stdout.write('\n');
      throw new UsageError('no answer (Ctrl-C): nothing was opened', 130);
    }
    throw error;
  } finally {
    prompt.close();
    await stdinSettled();
  }
}

/**
 * Waits until stdin has finished the pause readline's close asked for. Node stops a TTY stdin's
 * read one tick after a pause (process.stdin's own 'pause' handler), and only then marks the
 * stream as not reading. A reader attached in between (Ink adding its 'readable' listener as the
 * console draws) sees a read already in progress, so it starts none; the tick then stops the
 * one there was, and stdin never reads again: the console draws but no key reaches it.
 */
function stdinSettled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
