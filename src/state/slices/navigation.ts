// The navigation slice: the screen shown, the notice at the top, the run that can be resumed after a
// reload, and reportError (an error shown in the error panel without touching the run: it writes the
// run slice's error fields, the one place the panel reads them from).

import type { RestorableRun } from '../savedRun.ts';
import { type Screen, type Notice, type ErrorKind, type Slice } from './shared.ts';

export interface NavigationSlice {
  screen: Screen;
  notice: Notice | null;
  /** A run saved in the browser that can be restored from the library (after a reload). */
  resumable: RestorableRun | null;
  goTo(screen: Screen): void;
  showNotice(tone: Notice['tone'], text: string): void;
  dismissNotice(): void;
  setResumable(run: RestorableRun | null): void;
  /** Shows an error in the error panel without touching the run (a bad link, a file too big). */
  reportError(kind: ErrorKind, message: string): void;
}

export const createNavigationSlice: Slice<NavigationSlice> = (set) => {
  let nextNoticeId = 1;
  return {
    screen: 'library',
    notice: null,
    resumable: null,
    goTo: (screen) => set({ screen }),
    showNotice: (tone, text) => set({ notice: { id: nextNoticeId++, tone, text } }),
    dismissNotice: () => set({ notice: null }),
    setResumable: (run) => set({ resumable: run }),
    reportError: (kind, message) =>
      set({ errorKind: kind, errorMessage: message, errorDetail: null }),
  };
};
