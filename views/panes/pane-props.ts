/**
 * What every pane component is given: its inner size and whether it has the keyboard. Plain
 * values only: each pane is a React.memo, so when the console re-renders (focus, a pane's wanted
 * rows) a pane whose props and store selections did not change is not rendered again.
 */
export interface PaneProps {
  isFocused: boolean;
  /** Columns inside the frame. */
  width: number;
  /** Rows inside the frame. */
  height: number;
}
