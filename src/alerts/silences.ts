// Acknowledge = silence. The lead silences an alert (`a` in the alerts pane) or any matchers
// (`:silence`) for this incident: confirmed first, refused by a read-only console, shown but not
// sent in a dry run (the one mode guard decides), recorded either way. While the incident is open
// its silences are extended before they lapse; at its resolution they are expired unless the
// lead keeps them.
import { randomBytes } from 'node:crypto';
import { formatMatchers, parseMatchers, type LabelMatcher } from '../config/label-matchers.js';
import { isDryRun, isReadOnly, mayAct, type ModeHost } from '../mode/mode-guard.js';
import { APPROVAL, neutralise } from '../text/neutralise.js';
import { formatSetting } from '../time/duration-text.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { ApiError } from './http-json.js';
import { SilenceLedger, type SilenceEvent } from './silence-ledger.js';
import { parseSilenceArgs } from './silence-args.js';
import type { IncidentSilence, SilenceApi } from './types.js';

/** The incident as silences name it. */
export interface SilenceIncident {
  id: string;
  title: string;
  operator: string;
  /** Not resolved. */
  open: boolean;
}

/** What the controller is built from: narrow views of the console, handed over by capability.ts. */
export interface SilenceControllerOptions {
  /** Null when alerts come from Prometheus, which has no silences. */
  api: SilenceApi | null;
  recorder: TimelineRecorder;
  /** The console's mode and footer (the store is one). */
  mode: ModeHost;
  /** Asks the lead yes or no; true only on an explicit yes. */
  confirm: (question: { title: string; lines: string[] }) => Promise<boolean>;
  incident: () => SilenceIncident;
  /** Receives the incident's silences whenever they change. */
  showSilences: (silences: IncidentSilence[]) => void;
  /** How long a silence lasts (and how far an extension reaches). */
  silenceMs: number;
  /** Masks secrets in what is shown and sent (the incident title is the lead's text). */
  redact: (text: string) => string;
  now?: () => number;
}

/** Silences this close to lapsing (or a quarter of their length) are extended. */
export const EXTEND_MARGIN_MS = 10 * 60_000;

/** Creates, extends and expires the incident's silences. */
export class SilenceController {
  private readonly ledger = new SilenceLedger();
  private extending: Promise<void> | null = null;

  constructor(private readonly options: SilenceControllerOptions) {}

  /** The incident's silences, oldest first. */
  silences(): IncidentSilence[] {
    return this.ledger.all();
  }

  /** Learns silences from timeline events: past ones at start, then everyone's as they come. */
  adopt(events: readonly SilenceEvent[]): void {
    if (this.ledger.apply(events)) this.options.showSilences(this.ledger.all());
  }

  /** `a` on an alert: silences exactly that alert (every one of its labels) for this incident. */
  acknowledge(alert: { name: string; labels: Readonly<Record<string, string>> }): Promise<boolean> {
    const matchers: LabelMatcher[] = Object.keys(alert.labels)
      .sort((a, b) => (a === 'alertname' ? -1 : b === 'alertname' ? 1 : a.localeCompare(b)))
      .map((name) => ({ name, value: alert.labels[name]!, isRegex: false, isEqual: true }));
    return this.create(matchers, this.options.silenceMs, alert.name, 'acknowledged', null);
  }

  /** `:silence MATCHERS [DURATION]`. */
  silenceCommand(args: string): Promise<boolean> {
    const parsed = parseSilenceArgs(args, this.options.silenceMs);
    if ('error' in parsed) {
      this.flash(`:silence: ${parsed.error}`, 'error');
      return Promise.resolve(false);
    }
    return this.create(parsed.matchers, parsed.durationMs, null, 'silenced', parsed.reason);
  }

  private async create(matchers: LabelMatcher[], durationMs: number, alert: string | null, verb: string, reason: string | null): Promise<boolean> {
    const { api, mode, recorder } = this.options;
    if (!api) {
      this.flash('silences need Alertmanager (alerts.alertmanager): Prometheus only reports alerts', 'warn');
      return false;
    }
    if (!mayAct(mode, 'silence')) return false;
    const incident = this.options.incident();
    const written = formatMatchers(matchers);
    const comment = this.options.redact(`warroom ${incident.id}: ${incident.title} (${verb} by ${incident.operator}${reason ? `: ${reason}` : ''})`);
    const dryRun = isDryRun(mode);
    const question = {
      title: alert ? `Acknowledge ${shown(alert)}: silence it for ${formatSetting(durationMs)}?` : `Silence for ${formatSetting(durationMs)}?`,
      lines: [
        'Matchers (Alertmanager mutes every alert they match):',
        ...matchers.map((m) => `  ${shown(formatMatchers([m]))}`),
        `Created by ${incident.operator}; comment: ${shown(comment)}`,
        incident.open ? `Extended while ${incident.id} is open; expired at :resolve unless kept.` : `${incident.id} is resolved: it lapses after ${formatSetting(durationMs)}.`,
        ...(dryRun ? ['DRY-RUN: shown and recorded only; nothing is sent to Alertmanager'] : []),
      ],
    };
    if (!(await this.options.confirm(question))) return false;
    const now = this.now();
    const base = { matchers: written, startsAt: now, endsAt: now + durationMs, createdBy: incident.operator, comment, ...(alert ? { alert } : {}), ...(reason ? { reason } : {}) };
    if (dryRun) {
      this.record('alert.silenced', { ...base, dryRun: true, dryRunId: randomBytes(4).toString('hex') });
      this.flash(`dry run: not sent to Alertmanager (recorded): silence ${written}`, 'info');
      return true;
    }
    try {
      const silenceId = await api.create({ matchers, startsAt: now, endsAt: now + durationMs, createdBy: incident.operator, comment });
      this.record('alert.silenced', { ...base, silenceId });
      this.flash(`✔ silenced ${alert ?? written} for ${formatSetting(durationMs)} (silence ${silenceId})`, 'info');
      return true;
    } catch (error) {
      const message = errorText(error);
      recorder.record('alert.silence-failed', { matchers: written, error: message, ...(alert ? { alert } : {}) });
      this.flash(`✖ silence not created: ${message}`, 'error');
      return false;
    }
  }

  /** Extends the open incident's silences that would lapse soon; one pass at a time. */
  extendDue(): Promise<void> {
    this.extending ??= this.extendPass().finally(() => (this.extending = null));
    return this.extending;
  }

  private async extendPass(): Promise<void> {
    const { api, mode, silenceMs } = this.options;
    if (!api || isReadOnly(mode) || isDryRun(mode) || !this.options.incident().open) return;
    const margin = Math.min(EXTEND_MARGIN_MS, silenceMs / 4);
    for (const silence of this.ledger.active()) {
      if (silence.endsAt - this.now() > margin) continue;
      try {
        const status = await api.get(silence.id);
        if (status === null || status.state === 'expired') {
          // Someone ended it in Alertmanager: bringing it back would overrule them.
          this.record('alert.silence-expired', { silenceId: silence.id, reason: 'expired in Alertmanager' }, true);
          continue;
        }
        const matchers = parseMatchers(silence.matchers);
        if ('error' in matchers) continue;
        const endsAt = this.now() + silenceMs;
        const id = await api.create({ id: silence.id, matchers, startsAt: status.startsAt, endsAt, createdBy: silence.createdBy, comment: silence.comment });
        this.record('alert.silence-extended', { silenceId: id, ...(id !== silence.id ? { previousId: silence.id } : {}), endsAt });
      } catch (error) {
        this.flash(`✖ silence ${silence.id} not extended: ${errorText(error)} (retried)`, 'warn');
      }
    }
  }

  /** At the incident's resolution: asks whether to expire its silences, and does so (or records them kept). */
  async resolved(): Promise<void> {
    const { api, mode } = this.options;
    const active = this.ledger.active();
    if (!api || active.length === 0 || isReadOnly(mode)) return;
    const dryRun = isDryRun(mode);
    const expire = await this.options.confirm({
      title: `Expire the ${active.length === 1 ? 'silence' : `${active.length} silences`} this incident created?`,
      lines: [
        ...active.map((s) => `  ${shown(s.matchers)} (silence ${s.id}, lapses ${new Date(s.endsAt).toISOString().slice(11, 16)}Z)`),
        'y expires them now; n or Esc keeps them until they lapse (recorded as kept).',
        ...(dryRun ? ['DRY-RUN: nothing is sent to Alertmanager'] : []),
      ],
    });
    if (dryRun) return;
    for (const silence of active) {
      if (!expire) {
        this.record('alert.silence-kept', { silenceId: silence.id, endsAt: silence.endsAt });
        continue;
      }
      try {
        await api.expire(silence.id);
        this.record('alert.silence-expired', { silenceId: silence.id, matchers: silence.matchers });
      } catch (error) {
        this.flash(`✖ silence ${silence.id} not expired: ${errorText(error)}; it lapses at its end`, 'error');
      }
    }
    if (expire) this.flash(`✔ expired ${active.length === 1 ? 'the incident\'s silence' : `${active.length} silences`}`, 'info');
  }

  /** Records an event and applies it at once (the journal's echo of it is then a no-op). */
  private record(kind: 'alert.silenced' | 'alert.silence-extended' | 'alert.silence-expired' | 'alert.silence-kept', data: Record<string, unknown>, automated = false): void {
    // A silence someone expired in Alertmanager is seen by the console, not done by its operator.
    this.options.recorder.record(kind, data, automated ? { automated: true } : {});
    this.adopt([{ kind, ts: this.now(), operator: this.options.incident().operator, data }]);
  }

  private flash(text: string, tone: 'info' | 'warn' | 'error'): void {
    this.options.mode.getState().showFlash(text, tone, tone === 'info' ? 5000 : 15_000);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** Outside text in a confirmation: whole, every control shown, never hidden. */
function shown(text: string): string {
  return neutralise(text, APPROVAL);
}

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : (error as Error).message;
}
