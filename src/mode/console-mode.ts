// How this console may act, chosen on the command line (`--read-only`, `--dry-run`). Below every
// capability: the store holds it, the engine hands it out, and the mode guard reads it.

/** How this console may act: live, or one of the two safe modes. */
export type ConsoleMode = 'live' | 'read-only' | 'dry-run';
