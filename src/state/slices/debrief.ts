// The debrief slice: the debrief of the run, computed by the debrief worker. endRun pauses the run,
// shows the debrief screen and asks for it.

import type { DebriefPort } from '../port.ts';
import { type DebriefState, type Runtime, type Slice } from './shared.ts';

export interface DebriefSlice {
  debrief: DebriefState;
  /** Computes the debrief of the current run (in the debrief worker). */
  requestDebrief(): void;
  /** Stops the run and shows its debrief. */
  endRun(): void;
}

export const createDebriefSlice =
  (runtime: Runtime, connectDebrief: () => DebriefPort | undefined): Slice<DebriefSlice> =>
  (set, get) => ({
    debrief: { status: 'idle' },
    requestDebrief() {
      const { scenario } = get();
      const log = get().runLog();
      if (!scenario || !log) {
        set({ debrief: { status: 'error', message: 'There is no run to debrief.' } });
        return;
      }
      const port = connectDebrief();
      if (!port) {
        set({ debrief: { status: 'error', message: 'The debrief is not available here.' } });
        return;
      }
      const id = ++runtime.debriefId;
      set({ debrief: { status: 'computing' } });
      port.post({ type: 'debrief', id, scenario, log });
    },
    endRun() {
      if (!get().scenario) return;
      get().pause();
      set({ screen: 'debrief' });
      get().requestDebrief();
    },
  });
