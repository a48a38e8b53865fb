import React from 'react';
import { useRunColon } from './keys/dispatcher.js';
import { TextField } from './dialogs/TextField.js';
import { useWarroom } from './store-context.js';

/** The `:` command line (k9s-style) shown in place of the footer while open. */
export function CommandLine({ width }: { width: number }) {
  const setCommandLine = useWarroom((s) => s.setCommandLine);
  const showFlash = useWarroom((s) => s.showFlash);
  const run = useRunColon();
  return (
    <TextField
      prefix=":"
      width={width}
      onCancel={() => setCommandLine(null)}
      onSubmit={(text) => {
        setCommandLine(null);
        const error = run(text);
        if (error) showFlash(error, 'error');
      }}
    />
  );
}
