// How the engine asks its operator a question: a confirmation (y/N, or a word to type) or a line
// of text, shown by whatever holds the open dialog (the store's dialog slice, drawn by the views).
// It lives with the mode guard, below the capabilities, so a controller can ask without reaching
// into the store.

/** A modal question: a confirmation (y/N), a typed confirmation, or a line of text. */
export interface DialogSpec {
  title: string;
  /** Body lines: what and where, shown verbatim (already redacted by the caller). */
  lines: string[];
  /** 'confirm' answers 'yes' or null; 'text' answers the typed text or null. */
  kind: 'confirm' | 'text';
  /** For a typed confirmation: the text that must be typed exactly (the service name). */
  mustType?: string;
  /** Label before the text field. */
  prompt?: string;
  initial?: string;
  /** The answer is a secret: shown as `•` while typed (the shared screen). */
  secret?: boolean;
  /** Set by askConfirm/askText: receives the answer; null means cancelled. */
  resolve: (answer: string | null) => void;
}

/** What asking needs: a place that shows one question at a time (the console's store is one). */
export interface DialogHost {
  getState(): { openDialog(spec: DialogSpec): boolean };
}

/** Asks a yes/no (or typed) confirmation; resolves true only on an explicit yes. */
export function askConfirm(
  store: DialogHost,
  question: { title: string; lines: string[]; mustType?: string },
): Promise<boolean> {
  return new Promise((resolve) => {
    const opened = store.getState().openDialog({
      ...question,
      kind: 'confirm',
      resolve: (answer) => resolve(answer !== null),
    });
    if (!opened) resolve(false);
  });
}

/** Asks for a line of text; resolves null when cancelled. */
export function askText(
  store: DialogHost,
  question: { title: string; lines?: string[]; prompt?: string; initial?: string; secret?: boolean },
): Promise<string | null> {
  return new Promise((resolve) => {
    const opened = store.getState().openDialog({ lines: [], ...question, kind: 'text', resolve });
    if (!opened) resolve(null);
  });
}
