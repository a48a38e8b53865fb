import type { SliceCreator } from './slice.js';

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

/** The open dialog, if any. One at a time: a second ask while one is open is refused. */
export interface DialogSlice {
  dialog: DialogSpec | null;
  openDialog: (spec: DialogSpec) => boolean;
  closeDialog: (answer: string | null) => void;
}

/** Builds the dialog slice. */
export const createDialogSlice: SliceCreator<DialogSlice> = (set, get) => ({
  dialog: null,
  openDialog: (spec) => {
    if (get().dialog) return false;
    set({ dialog: spec });
    return true;
  },
  closeDialog: (answer) => {
    const dialog = get().dialog;
    if (!dialog) return;
    set({ dialog: null });
    dialog.resolve(answer);
  },
});

/** What asking needs of the store: its dialog slice (the console's store is one). */
export interface DialogHost {
  getState(): Pick<DialogSlice, 'openDialog'>;
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
