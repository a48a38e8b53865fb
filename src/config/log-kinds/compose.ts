// `compose:` log sources: one Docker Compose service's logs, followed (in the folder warroom was
// started in, or on `host:` in its login folder).
//
//   - compose: payments-worker
//     lines: 50
import { describeLogKind, shellWord } from './log-kind.js';

// Compose service names: letters, digits, "._-", starting with a letter or digit.
const SERVICE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The `compose:` kind. */
export const composeKind = describeLogKind({
  key: 'compose',
  hint: 'compose: SERVICE',
  takes: ['lines', 'host'],
  checkTarget(target) {
    return SERVICE.test(target)
      ? undefined
      : `expected a Compose service name (letters, digits, "._-"), like payments-worker, got ${JSON.stringify(target)}`;
  },
  // --no-color: the pane colours levels itself. The `service-1  |` prefix stays: it names the container.
  command: (service, lines) => `docker compose logs --follow --no-color --tail=${lines} ${shellWord(service)}`,
});
