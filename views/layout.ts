// Where the slots of the pane registry go on screen. Slots come in registry order; a wide terminal
// lays them out in two columns (slots alternate left and right: status|logs over metrics|runbook),
// a narrow one stacks them.

/** Where one slot goes on screen. */
export interface SlotBox {
  slot: string;
  width: number;
  height: number;
}

/** The slots arranged as columns of boxes, side by side; a column's heights add up to at most `height`. */
export type Layout = SlotBox[][];

/** Width and height from which the slots sit in two columns. */
export const GRID_MIN = { columns: 120, rows: 30 };

/** Five rows leave three inside the frame: the least a pane needs for a status line and content. */
const MINIMUM = 5;

/** Splits `total` rows into `count` shares, the remainder going to the later ones. */
function evenShares(total: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(total / count) + (i >= count - (total % count) ? 1 : 0));
}

/**
 * Arranges `slots` in `columns` x `height` cells: the focused slot alone when zoomed, two columns
 * on large terminals, else stacked with the focused slot given the most room (at 80x24 four equal
 * slices would leave each pane two lines) and slots too short to show anything left out.
 */
export function computeLayout(columns: number, height: number, slots: readonly string[], focus: string, zoomed: boolean): Layout {
  if (zoomed) return [[{ slot: focus, width: columns, height }]];
  if (columns >= GRID_MIN.columns && height >= GRID_MIN.rows - 2 && slots.length > 1) {
    const left = Math.floor(columns / 2);
    const sides = [slots.filter((_, i) => i % 2 === 0), slots.filter((_, i) => i % 2 === 1)];
    return sides.map((side, s) => {
      const shares = evenShares(height, side.length);
      return side.map((slot, i) => ({ slot, width: s === 0 ? left : columns - left, height: shares[i]! }));
    });
  }
  const others = slots.length - 1;
  const focused = others === 0 ? height : Math.max(MINIMUM, height - others * Math.max(MINIMUM, Math.floor(height / 6)));
  const rest = height - focused;
  const column = slots.map((slot) => {
    if (slot === focus) return { slot, width: columns, height: focused };
    const index = slots.filter((s) => s !== focus).indexOf(slot);
    const share = Math.floor(rest / others) + (index < rest % others ? 1 : 0);
    return { slot, width: columns, height: share };
  });
  return [column.filter((box) => box.height >= MINIMUM || box.slot === focus)];
}
