#!/usr/bin/env node
// The launcher: everything lives in the compiled CLI.
import('../dist/src/cli/main.js').then((cli) => cli.main(process.argv));
