// The entries of the action menu for a status row: each action of the service, on the row's
// instance and, for multi-instance actions, on all instances.
import type { ActionConfig } from '../config/types.js';
import type { SelectedRow } from './types.js';

/** One line of the action menu. */
export interface MenuItem {
  action: ActionConfig;
  instance?: string;
  label: string;
}

/** The menu entries for a row, in config order. */
export function menuItems(actions: readonly ActionConfig[], row: SelectedRow): MenuItem[] {
  const items: MenuItem[] = [];
  for (const action of actions) {
    const onRow = row.instance !== undefined && action.targets.some((t) => t.instance === row.instance);
    if (onRow) items.push({ action, instance: row.instance, label: `${action.name} on ${row.instance}` });
    if (!onRow || action.targets.length > 1) {
      const how = action.targets.length > 1 ? ` on all ${action.targets.length}${action.rolling ? ' (rolling)' : ''}` : '';
      items.push({ action, label: `${action.name}${how}` });
    }
  }
  return items;
}
