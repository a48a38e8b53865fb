// The logs pane's key handling (ink-ui's input hook): the logs scope's commands turned into pane
// actions; `m` hands the marked line to the timeline's evidence writer. Only while focused.
import { markedLine, type LogsPaneAction, type LogsPaneState } from '../../src/logs/pane-state.js';
import { useCommands } from '../keys/dispatcher.js';
import { useWarroomStore } from '../store-context.js';

/** What the keys open besides pane actions: the filter field and the source picker. */
export interface LogsKeyTargets {
  editFilter: () => void;
  pickSources: () => void;
  /** Shows every field of the selected line. */
  showDetail: () => void;
}

/** Binds the logs scope's commands; `dispatch` applies a pane action to the ring as shown now. */
export function useLogsKeys(pane: LogsPaneState, dispatch: (action: LogsPaneAction) => void, targets: LogsKeyTargets, isFocused: boolean): void {
  const store = useWarroomStore();
  useCommands(
    {
      'logs.filter': targets.editFilter,
      'logs.level': () => dispatch({ type: 'cycle-level' }),
      'logs.sources': targets.pickSources,
      'logs.pause': () => dispatch({ type: 'toggle-pause' }),
      'logs.down': () => dispatch({ type: 'scroll', lines: 1 }),
      'logs.up': () => dispatch({ type: 'scroll', lines: -1 }),
      'logs.pagedown': () => dispatch({ type: 'page', direction: 1 }),
      'logs.pageup': () => dispatch({ type: 'page', direction: -1 }),
      'logs.top': () => dispatch({ type: 'top' }),
      'logs.live': () => dispatch({ type: 'live' }),
      'logs.next-error': () => dispatch({ type: 'next-error' }),
      'logs.prev-error': () => dispatch({ type: 'prev-error' }),
      'logs.wrap': () => dispatch({ type: 'toggle-wrap' }),
      'logs.detail': targets.showDetail,
      'logs.mark': () => {
        const { logs, markLogEvidence } = store.getState();
        const seq = logs.ring ? markedLine(logs.ring, pane) : -1;
        dispatch({ type: 'message', text: seq === -1 ? 'no line to mark' : markLogEvidence(seq) });
      },
    },
    isFocused,
  );
}
