// The ColdBoot screen: header with the scenario and clock; on the left the briefing, controls and
// event log; in the middle the bedside monitor and the trends; on the right the brain cells, the
// bedside actions and the heat balance. Laid out to fit 1280×720 (a classroom projector).

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatClock } from '../state/units.ts';
import type { RunStatus } from '../state/store.ts';
import { Controls, UnitSwitch } from './Controls.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { EventLog } from './EventLog.tsx';
import { BedsidePanel } from './BedsidePanel.tsx';
import { CellsPanel } from './CellsPanel.tsx';
import { InterventionTabs } from './DevicesPanel.tsx';
import { HeatPanel } from './HeatPanel.tsx';
import { MonitorPanel } from './MonitorPanel.tsx';
import { ScenarioPicker, type ScenarioEntry } from './ScenarioPicker.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { useAppStore, useAppStoreApi } from './store-context.tsx';

const SCENARIO_DIR = `${import.meta.env.BASE_URL}scenarios/`;

const STATUS_TEXT: Record<RunStatus, string> = {
  idle: 'No scenario',
  loading: 'Loading…',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
  error: 'Error',
};

export function App() {
  const store = useAppStoreApi();
  const [scenarios, setScenarios] = useState<readonly ScenarioEntry[]>([]);
  const [listError, setListError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadScenarioList(controller.signal)
      .then((list) => {
        setScenarios(list);
        const first = list[0];
        if (first) void store.getState().loadScenario({ url: SCENARIO_DIR + first.file });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setListError(error instanceof Error ? error.message : String(error));
      });
    return () => controller.abort();
  }, [store]);

  return (
    <div className="app">
      <Header />
      <main className="layout">
        <div className="column column-side">
          <ErrorBoundary area="Scenario">
            <ScenarioPicker scenarios={scenarios} directory={SCENARIO_DIR} listError={listError} />
            <LoadError />
            <Briefing />
          </ErrorBoundary>
          <ErrorBoundary area="Controls">
            <Controls />
          </ErrorBoundary>
          <ErrorBoundary area="Event log">
            <EventLog />
          </ErrorBoundary>
        </div>
        <div className="column column-main">
          <ErrorBoundary area="Monitor">
            <MonitorPanel />
          </ErrorBoundary>
          <ErrorBoundary area="Trend chart">
            <TrendPanel />
          </ErrorBoundary>
        </div>
        <div className="column column-patient">
          <ErrorBoundary area="Brain cells">
            <CellsPanel />
          </ErrorBoundary>
          <ErrorBoundary area="Interventions">
            <InterventionTabs bedside={<BedsidePanel />} heat={<HeatPanel />} />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}

function Header() {
  const { title, status, tS, endS } = useAppStore(
    useShallow((s) => ({
      title: s.title,
      status: s.status,
      tS: s.snapshot?.tS ?? 0,
      endS: s.endS,
    })),
  );
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ❄
        </span>
        <span className="brand-name">ColdBoot</span>
      </div>
      <h1 className="scenario-title">{title || 'Hypothermia simulator'}</h1>
      <UnitSwitch />
      <div className="clock" aria-label="Simulated time">
        <span className="clock-label">Simulated time</span>
        <time className="clock-value" data-testid="clock" dateTime={`PT${Math.floor(tS)}S`}>
          {formatClock(tS)}
        </time>
        {endS > 0 && <span className="clock-end">/ {formatClock(endS)}</span>}
      </div>
      <span className={`status-pill status-${status}`} role="status" data-testid="run-status">
        {STATUS_TEXT[status]}
      </span>
    </header>
  );
}

function Briefing() {
  const { briefing, status } = useAppStore(
    useShallow((s) => ({ briefing: s.briefing, status: s.status })),
  );
  if (!briefing) {
    return status === 'loading' ? (
      <section className="panel briefing" aria-busy="true">
        <h2>Briefing</h2>
        <p className="muted">Loading the scenario…</p>
      </section>
    ) : null;
  }
  return (
    <section className="panel briefing" aria-labelledby="briefing-heading">
      <h2 id="briefing-heading">Briefing</h2>
      <p data-testid="briefing">{briefing}</p>
    </section>
  );
}

function LoadError() {
  const { kind, message } = useAppStore(
    useShallow((s) => ({ kind: s.errorKind, message: s.errorMessage })),
  );
  if (!kind || !message) return null;
  const heading =
    kind === 'scenario'
      ? 'This scenario file has problems'
      : kind === 'load'
        ? 'The scenario could not be loaded'
        : 'The simulation stopped';
  return (
    <section className="panel error-panel" role="alert" data-testid="load-error">
      <h2>{heading}</h2>
      <pre className="error-text">{message}</pre>
      {kind === 'scenario' && (
        <p className="muted">Fix the lines listed above in the file, then open it again.</p>
      )}
    </section>
  );
}

async function loadScenarioList(signal: AbortSignal): Promise<ScenarioEntry[]> {
  const url = `${SCENARIO_DIR}index.json`;
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`Could not load the list of scenarios (${response.status}).`);
  const data: unknown = await response.json();
  if (!Array.isArray(data)) throw new Error(`${url}: expected a list of scenarios.`);
  return data.filter(
    (e): e is ScenarioEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as ScenarioEntry).file === 'string' &&
      typeof (e as ScenarioEntry).title === 'string',
  );
}
