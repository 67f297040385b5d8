import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDebriefWorkerPort, createWorkerPort } from '../state/port.ts';
import { createAppStore } from '../state/store.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { registerServiceWorker } from './offline.ts';
import { StoreProvider } from './store-context.tsx';
import './styles.css';

const store = createAppStore({
  createPort: createWorkerPort,
  createDebriefPort: createDebriefWorkerPort,
  libraryDirectory: `${import.meta.env.BASE_URL}scenarios/`,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area="ColdBoot">
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ErrorBoundary>
  </StrictMode>,
);

// Offline after the first load (production builds only; never throws).
void registerServiceWorker();

if (import.meta.hot) import.meta.hot.dispose(() => store.dispose());
