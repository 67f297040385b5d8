import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDebriefWorkerPort, createWorkerPort } from '../state/port.ts';
import { createAppStore } from '../state/store.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { InstructorApp, isInstructorWindow } from './InstructorWindow.tsx';
import { ClassConsole, consoleTokenOf } from './classroom/ClassConsole.tsx';
import { ClassroomLearner, classCodeOf } from './classroom/ClassroomLearner.tsx';
import { registerServiceWorker } from './offline.ts';
import { StoreProvider } from './store-context.tsx';
import './styles.css';
import './projector.css';

// `?instructor=1`: the instructor's own window, linked to the run in another window; it runs no
// simulation of its own.
const instructorWindow = isInstructorWindow(window.location.search);
// A live class (`coldboot classroom`): `?class=CODE` is a learner's page, `?console#<token>` the
// instructor's console (which runs no simulation either).
const classCode = classCodeOf(window.location.search);
const consoleToken = consoleTokenOf(window.location);

const store = createAppStore({
  createPort:
    instructorWindow || consoleToken !== null
      ? () => {
          throw new Error('The instructor window runs no simulation of its own.');
        }
      : createWorkerPort,
  createDebriefPort: createDebriefWorkerPort,
  libraryDirectory: `${import.meta.env.BASE_URL}scenarios/`,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area="ColdBoot">
      <StoreProvider store={store}>
        {consoleToken !== null ? (
          <ClassConsole token={consoleToken} />
        ) : classCode !== null ? (
          <ClassroomLearner code={classCode} />
        ) : instructorWindow ? (
          <InstructorApp />
        ) : (
          <App />
        )}
      </StoreProvider>
    </ErrorBoundary>
  </StrictMode>,
);

// Offline after the first load (production builds only; never throws).
void registerServiceWorker();

if (import.meta.hot) import.meta.hot.dispose(() => store.dispose());
