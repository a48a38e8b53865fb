// Which rows of the status board have a firing alert: the board marks them `!` in the alert's
// colour, so the lead sees on the board itself which service the alerts are about. Muted alerts
// (silenced or inhibited: someone has acknowledged them) and pending ones mark nothing.
import type { AlertView } from '../../src/alerts/types.js';
import type { Tone } from '../theme/theme.js';
import { toneOf } from './alert-rows.js';

/** The mark in front of a row whose service has a firing alert (a shape, not only a colour). */
export const ALERT_MARK = '!';

const WORSE: readonly Tone[] = ['bad', 'warn', 'info', 'plain', 'good'];

/** The board services with a firing alert, each with the colour of its worst one. */
export function alertingServices(alerts: readonly AlertView[]): ReadonlyMap<string, Tone> {
  const out = new Map<string, Tone>();
  for (const alert of alerts) {
    if (alert.state !== 'firing' || alert.service === null) continue;
    const tone = toneOf(alert);
    const known = out.get(alert.service);
    if (known === undefined || WORSE.indexOf(tone) < WORSE.indexOf(known)) out.set(alert.service, tone);
  }
  return out;
}
