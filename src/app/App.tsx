// ColdBoot's screens, in the order a class meets them: the scenario library (landing), the briefing,
// the run and the debrief. The address bar, startup (a saved run or a `?scenario=` link) and saving
// the run in progress are wired in appEffects.ts.

import { useAppStore, useAppStoreApi } from './store-context.tsx';
import {
  usePersistence,
  usePreferences,
  useProjectorTheme,
  useStartup,
  useUrlSync,
} from './appEffects.ts';
import { BriefingScreen } from './BriefingScreen.tsx';
import { NoticeToast } from './Chrome.tsx';
import { DebriefScreen } from './DebriefScreen.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useInstructorLink } from './InstructorWindow.tsx';
import { LibraryScreen } from './LibraryScreen.tsx';
import { RunScreen } from './RunScreen.tsx';

export function App() {
  const store = useAppStoreApi();
  useStartup(store);
  useUrlSync(store);
  usePersistence(store);
  usePreferences(store);
  useProjectorTheme(store);
  useInstructorLink(store);
  const screen = useAppStore((s) => s.screen);
  return (
    <div className={`app screen-${screen}`} data-screen={screen}>
      <ErrorBoundary area={SCREEN_NAMES[screen]} key={screen}>
        {screen === 'library' && <LibraryScreen />}
        {screen === 'briefing' && <BriefingScreen />}
        {screen === 'run' && <RunScreen />}
        {screen === 'debrief' && <DebriefScreen />}
      </ErrorBoundary>
      <NoticeToast />
    </div>
  );
}

const SCREEN_NAMES = {
  library: 'The scenario library',
  briefing: 'The briefing',
  run: 'The run',
  debrief: 'The debrief',
} as const;
