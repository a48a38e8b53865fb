// The suggested sections, kept in step with what the board, the metrics and the alerts show:
// sections of the open runbook (symptoms.ts), a section of another runbook of the folder that a
// firing alert's runbook_url names, and, while no runbook is open, the folder's best fit. Writes
// only on change (a new list would cost a frame).
import { dirname } from 'node:path';
import { linksTo, runbookLink, type RunbookLink } from './alert-match.js';
import { FolderSuggestions, suggestRunbooks, type RunbookCatalog } from './catalog.js';
import type { RunbookHost } from './host.js';
import type { Runbook } from './model.js';
import { SECTIONS_PER_TURN, suggestSections, suggestSectionsGradually, type ObservedState, type SectionSuggestion } from './symptoms.js';

/** Publishes the pane's suggestions. */
export class SuggestionFeed {
  private readonly folder: FolderSuggestions;

  /** `runbooksDir`: the folder `r` lists (the open runbook's folder when undefined). */
  constructor(
    private readonly host: RunbookHost,
    private readonly catalog: RunbookCatalog,
    private readonly runbooksDir: string | undefined,
  ) {
    this.folder = new FolderSuggestions(catalog);
  }

  /** Counts the runbooks and states suggested for: a slow scan finishing after a newer one started is dropped. */
  private generation = 0;

  /** Updates the suggestions from what is seen; with no runbook open, suggests one of the folder's. */
  observe(seen: ObservedState): void {
    const doc = this.host.getState().runbook.doc;
    if (!doc) return void this.suggestRunbook(seen);
    this.suggestFor(doc, seen);
  }

  /**
   * The suggestions for `doc` (open, or about to be shown): for a runbook of up to
   * SECTIONS_PER_TURN sections they are returned (and published once it is open); a longer one
   * is scanned a slice per turn and its suggestions published when the scan ends, unless another
   * runbook or state came meanwhile (null is returned).
   */
  suggestFor(doc: Runbook, seen: ObservedState): SectionSuggestion[] | null {
    const generation = ++this.generation;
    const current = () => generation === this.generation && this.host.getState().runbook.doc === doc;
    if (doc.sections.length <= SECTIONS_PER_TURN) {
      const here = suggestSections(doc, seen);
      if (this.host.getState().runbook.doc === doc) this.publish(here);
      void this.linkedElsewhere(doc, seen, here);
      return here;
    }
    void suggestSectionsGradually(doc, seen, current).then((here) => {
      if (!here || !current()) return;
      this.publish(here);
      void this.linkedElsewhere(doc, seen, here);
    });
    return null;
  }

  /**
   * An alert whose runbook_url names another runbook of the folder: that runbook's section goes
   * first when it outranks the open runbook's best (`g` opens it). Read from the catalog, so
   * only when an alert links elsewhere; dropped if the runbook or what is seen changed meanwhile.
   */
  async linkedElsewhere(doc: Runbook, seen: ObservedState, here: readonly SectionSuggestion[]): Promise<void> {
    const links = (seen.alerts ?? []).map((alert) => (alert.runbookUrl === null ? null : runbookLink(alert.runbookUrl))).filter((link): link is RunbookLink => link !== null && !linksTo(link, doc.file));
    if (links.length === 0) return;
    const entries = (await this.catalog.entries(this.runbooksDir ?? dirname(doc.file))).filter((entry) => links.some((link) => linksTo(link, entry.file)));
    const best = suggestRunbooks(entries, seen, 1)[0];
    const now = this.host.getState().runbook;
    if (!best || now.doc !== doc || now.observed !== seen || best.score <= (here[0]?.score ?? 0)) return;
    this.publish([best, ...here].slice(0, 3));
  }

  private publish(suggestions: SectionSuggestion[]): void {
    const current = this.host.getState().runbook.suggestions;
    if (JSON.stringify(suggestions) !== JSON.stringify(current)) this.host.getState().setRunbook({ suggestions });
  }

  /** Suggests one of the folder's runbooks while none is open (a scan at a time, the latest state last). */
  private async suggestRunbook(seen: ObservedState): Promise<void> {
    if (!this.runbooksDir) return;
    const suggestions = await this.folder.suggest(this.runbooksDir, seen);
    if (suggestions && !this.host.getState().runbook.doc) this.publish(suggestions);
  }
}
