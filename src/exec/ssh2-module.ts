// ssh2, loaded when the first SSH connection opens rather than with every command that could
// open one (its protocol and crypto modules take ~30 ms to load): a console on local hosts, the
// demo's, never loads it. CommonJS, so a plain require gives the module itself, synchronously.
import { createRequire } from 'node:module';

type Ssh2 = typeof import('ssh2');

let loaded: Ssh2 | undefined;

/** The ssh2 module (loaded on the first call). */
export function ssh2(): Ssh2 {
  loaded ??= createRequire(import.meta.url)('ssh2') as Ssh2;
  return loaded;
}
