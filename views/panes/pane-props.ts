/** What every pane component is given: its inner size and whether it has the keyboard. */
export interface PaneProps {
  isFocused: boolean;
  /** Columns inside the frame. */
  width: number;
  /** Rows inside the frame. */
  height: number;
}
