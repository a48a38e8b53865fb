// The open question, if any: asked through src/mode/ask.ts, drawn by the views' dialog.
import type { DialogSpec } from '../mode/ask.js';
import type { SliceCreator } from './slice.js';

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
