// The order keys are offered in, and the record of what was tried so a failure can say so:
// the host's own identity files, then ssh-agent (SSH_AUTH_SOCK), then the default keys when the
// host names none, like ssh without IdentitiesOnly.
import { existsSync, readFileSync } from 'node:fs';
import type { AnyAuthMethod, AuthHandlerMiddleware } from 'ssh2';
import { ssh2 } from './ssh2-module.js';
import { displayPath, type SshTarget } from './ssh-target.js';

/** An auth handler for ssh2 plus the list of what it offered, for the failure message. */
export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  /** What was offered so far ("agent", "~/.ssh/id_ed25519"), in order. */
  tried: string[];
}

interface Candidate {
  label: string;
  method: () => AnyAuthMethod | undefined;
}

function keyCandidate(path: string, username: string, home: string, skipped: string[]): Candidate {
  const label = displayPath(path, home);
  return {
    label,
    method: () => {
      let text: Buffer;
      try {
        text = readFileSync(path);
      } catch {
        skipped.push(`${label} (unreadable)`);
        return undefined;
      }
      const parsed = ssh2().utils.parseKey(text);
      if (parsed instanceof Error) {
        // No passphrase prompt in a console that owns the terminal: say why the key was passed over.
        skipped.push(`${label} (${/passphrase/i.test(parsed.message) ? 'encrypted, skipped' : 'not a key'})`);
        return undefined;
      }
      return { type: 'publickey', username, key: parsed };
    },
  };
}

/** Plans authentication for one connection attempt. */
export function planAuth(target: SshTarget, agentSocket: string | undefined, home: string): AuthPlan {
  const tried: string[] = [];
  const candidates: Candidate[] = target.identityFiles.map((path) => keyCandidate(path, target.user, home, tried));
  if (agentSocket && existsSync(agentSocket)) {
    candidates.push({ label: 'agent', method: () => ({ type: 'agent', username: target.user, agent: agentSocket }) });
  }
  if (target.identityFiles.length === 0) {
    candidates.push(...target.defaultKeys.map((path) => keyCandidate(path, target.user, home, tried)));
  }
  let next = 0;
  const handler: AuthHandlerMiddleware = (_methodsLeft, _partial, callback) => {
    while (next < candidates.length) {
      const candidate = candidates[next++]!;
      const method = candidate.method();
      if (method) {
        tried.push(candidate.label);
        callback(method);
        return;
      }
    }
    callback(false as unknown as AnyAuthMethod);
  };
  return { handler, tried };
}
