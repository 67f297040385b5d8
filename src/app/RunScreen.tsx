// The run: header with the scenario and clock; on the left the briefing, controls, the run's files
// (log export and import, trends as CSV, charts as SVG or PNG) and the event log — or, behind the
// header's "Instructor" switch, the instructor panel in place of the briefing and files; in the middle
// the bedside monitor and the trends; on the right the brain cells, the interventions and the heat
// balance. Laid out to fit 1280×720 (a classroom projector) and wider; on a classroom laptop or a
// landscape tablet (1024×768) in two columns, the monitor beside the controls and interventions; on a
// phone or a portrait tablet in one (layout.ts). Skip links and keyboard shortcuts (the `?` dialog)
// reach each part.

import { lazy, Suspense, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runLogToJson } from '../../models/index.ts';
import { trendCsv } from '../state/csv.ts';
import { logFileName } from '../state/runRecord.ts';
import { runReplay } from '../state/replayRequest.ts';
import { temperaturesInText } from '../state/units.ts';
import { TREND_SERIES } from '../worker/protocol.ts';
import { BedsidePanel } from './BedsidePanel.tsx';
import { CellsPanel } from './CellsPanel.tsx';
import { BackToLibrary, FileErrorPanel, RunClock, ScreenHeader, useFocusTitle } from './Chrome.tsx';
import { Controls } from './Controls.tsx';
import { InterventionTabs } from './DevicesPanel.tsx';
import { InstructorPanel } from './InstructorPanel.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { EventLog } from './EventLog.tsx';
import { baseName, downloadChartsPng, downloadChartsSvg, downloadText } from './files.ts';
import { HeatPanel } from './HeatPanel.tsx';
import { MonitorPanel } from './MonitorPanel.tsx';
import { useAppStore, useAppStoreApi } from './store-context.tsx';
import { Tabs } from './Tabs.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { KeyboardHelp, SKIP_TARGETS, useRunShortcuts, type RunDialog } from './KeyboardHelp.tsx';
import { InstructorWindowBar } from './InstructorWindow.tsx';
import { useRunLayout } from './layout.ts';
import { Announcer } from './monitor/Announcer.tsx';
import { BodyMap } from './monitor/BodyMap.tsx';
import { RhythmStrip } from './monitor/RhythmStrip.tsx';

// Dialogs loaded on first use, outside the initial bundle.
const ModelExplorer = lazy(() => import('./explorer/ModelExplorer.tsx'));
const OddsDialog = lazy(() => import('../odds/OddsDialog.tsx'));

export function RunScreen() {
  const { title, scenario, status, endRun, unit, instructorMode, setInstructorMode, pause } =
    useAppStore(
      useShallow((s) => ({
        unit: s.unit,
        title: s.title,
        scenario: s.scenario,
        status: s.status,
        endRun: s.endRun,
        instructorMode: s.instructorMode,
        setInstructorMode: s.setInstructorMode,
        pause: s.pause,
      })),
    );
  useFocusTitle();
  const layout = useRunLayout();
  const [dialog, setDialog] = useState<RunDialog>('none');
  // A dialog over the run pauses it: nothing happens to the patient behind it.
  const open = (next: Exclude<RunDialog, 'none'>) => {
    if (next !== 'keys') pause();
    setDialog(next);
  };
  useRunShortcuts(dialog === 'none', open);
  const canEnd = scenario !== null && status !== 'loading' && status !== 'error';

  const errors = (
    <ErrorBoundary area="Scenario">
      <FileErrorPanel />
    </ErrorBoundary>
  );
  // The instructor knows the story: the panel takes the briefing's place.
  const briefing = instructorMode ? (
    <ErrorBoundary area="Instructor panel">
      <InstructorWindowBar />
      <InstructorPanel />
    </ErrorBoundary>
  ) : (
    <ErrorBoundary area="Briefing">
      <Briefing />
    </ErrorBoundary>
  );
  const controls = (
    <ErrorBoundary area="Controls">
      <Controls />
    </ErrorBoundary>
  );
  const files = !instructorMode && (
    <ErrorBoundary area="Run record">
      <RunFiles />
    </ErrorBoundary>
  );
  const log = (
    <ErrorBoundary area="Event log">
      <EventLog canRewind />
    </ErrorBoundary>
  );
  const monitor = (
    <ErrorBoundary area="Monitor">
      <MonitorPanel />
      <RhythmStrip />
    </ErrorBoundary>
  );
  const trend = (
    <ErrorBoundary area="Trend chart">
      <TrendPanel />
    </ErrorBoundary>
  );
  const patient = (
    <ErrorBoundary area="Patient">
      <PatientTabs />
    </ErrorBoundary>
  );
  const interventions = (
    <ErrorBoundary area="Interventions">
      <InterventionTabs bedside={<BedsidePanel />} heat={<HeatPanel />} />
    </ErrorBoundary>
  );

  return (
    <>
      <ScreenHeader
        title={temperaturesInText(title, unit) || 'Hypothermia simulator'}
        nav={<BackToLibrary />}
        skip={<SkipLinks />}
        settings={
          <>
            <Announcer />
            <button
              type="button"
              className="button button-ghost keys-button"
              onClick={() => open('keys')}
              aria-keyshortcuts="?"
              title="Keyboard shortcuts (?)"
              data-testid="open-keys"
            >
              <span aria-hidden="true">?</span>
              <span className="visually-hidden">Keyboard shortcuts</span>
            </button>
          </>
        }
        run={
          <>
            <RunClock />
            <button
              type="button"
              className="button button-end"
              onClick={endRun}
              disabled={!canEnd}
              data-testid="end-run"
            >
              End and debrief
            </button>
          </>
        }
      >
        <button
          type="button"
          className="button button-ghost"
          aria-pressed={instructorMode}
          onClick={() => setInstructorMode(!instructorMode)}
          data-testid="instructor-switch"
          title="Show the instructor panel: inject faults and events, send messages"
        >
          Instructor
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => open('odds')}
          disabled={scenario === null}
          data-testid="open-odds"
          aria-keyshortcuts="o"
          title="Replay your actions on many patients drawn from what is plausible (pauses the run)"
        >
          Odds
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => open('model')}
          data-testid="open-model"
          aria-keyshortcuts="m"
          title="The model's equations, parameters and validation (pauses the run)"
        >
          Model
        </button>
      </ScreenHeader>
      {layout === 'wide' ? (
        <main className="layout layout-wide" aria-label="Run">
          <div className="column column-side">
            {errors}
            {briefing}
            {controls}
            {files}
            {log}
          </div>
          <div className="column column-main">
            {monitor}
            {trend}
          </div>
          <div className="column column-patient">
            {patient}
            {interventions}
          </div>
        </main>
      ) : layout === 'medium' ? (
        <main className="layout layout-medium" aria-label="Run">
          {errors}
          <div className="column column-main">
            {monitor}
            {trend}
          </div>
          <div className="column column-patient">
            {controls}
            {interventions}
            {patient}
          </div>
          <div className="layout-more">
            {log}
            {briefing}
            {files}
          </div>
        </main>
      ) : (
        <main className="layout layout-narrow" aria-label="Run">
          {errors}
          {controls}
          {monitor}
          {interventions}
          {patient}
          {trend}
          {log}
          {briefing}
          {files}
        </main>
      )}
      {dialog === 'model' && (
        <ErrorBoundary area="Model explorer">
          <Suspense fallback={null}>
            <RunModelExplorer onClose={() => setDialog('none')} />
          </Suspense>
        </ErrorBoundary>
      )}
      {dialog === 'odds' && (
        <ErrorBoundary area="What are the odds?">
          <Suspense fallback={null}>
            <RunOdds onClose={() => setDialog('none')} />
          </Suspense>
        </ErrorBoundary>
      )}
      {dialog === 'keys' && <KeyboardHelp onClose={() => setDialog('none')} />}
    </>
  );
}

/** Links to jump past the header to the parts of the run (shown when focused). */
function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {SKIP_TARGETS.map((t) => (
        <a
          key={t.id}
          href={`#${t.id}`}
          className="skip-link"
          onClick={(event) => {
            // Not a navigation: the address bar keeps the run's link.
            event.preventDefault();
            const target = document.getElementById(t.id);
            target?.focus({ preventScroll: true });
            target?.scrollIntoView({ block: 'start' });
          }}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/**
 * The model explorer over the run. In the sandbox its parameters are editable: each change replays
 * the run so far with the new values (the run log keeps them).
 */
function RunModelExplorer({ onClose }: { onClose: () => void }) {
  const { unit, sandbox, parameters, setParameters, showNotice } = useAppStore(
    useShallow((s) => ({
      unit: s.unit,
      sandbox: s.origin === 'sandbox' && s.scenario !== null,
      parameters: s.parameters,
      setParameters: s.setParameters,
      showNotice: s.showNotice,
    })),
  );
  if (!sandbox) return <ModelExplorer onClose={onClose} unit={unit} />;
  return (
    <ModelExplorer
      onClose={onClose}
      unit={unit}
      editable
      overrides={parameters as Record<string, number>}
      onChangeOverrides={(next) => {
        const count = Object.keys(next).length;
        void setParameters(next).then((ok) => {
          if (ok) {
            showNotice(
              'info',
              count === 0
                ? 'Every parameter is back to its best estimate: your run was replayed.'
                : `Your run was replayed with ${count} changed parameter${count === 1 ? '' : 's'}.`,
            );
          }
        });
      }}
    />
  );
}

/** Brain cells or the body map: the same space on a 1280×720 screen, one tab each. */
function PatientTabs() {
  const [tab, setTab] = useState<'cells' | 'body'>('cells');
  return (
    <Tabs
      label="Patient"
      className="patient-tabs"
      tabs={[
        { id: 'cells', label: 'Brain cells' },
        { id: 'body', label: 'Body temperatures' },
      ]}
      selected={tab}
      onSelect={setTab}
      testIdPrefix="patient-tab-"
    >
      {tab === 'cells' ? <CellsPanel /> : <BodyMap />}
    </Tabs>
  );
}

/**
 * "What are the odds?" on the run so far: its scenario, seed, actions and time when the dialog opens
 * (the dialog asks what happens after that time: the expert's plan, or nothing more).
 */
function RunOdds({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  const [run] = useState(() => {
    const state = store.getState();
    return {
      ...runReplay(state),
      atS: state.snapshot?.tS ?? 0,
      finished: state.snapshot?.finished ?? false,
      unit: state.unit,
    };
  });
  return (
    <OddsDialog
      {...run}
      onClose={onClose}
      onResult={(result, asked) => {
        // The fan bands say from when, and which question they answer.
        if (result.fanBands) {
          store.getState().setFanBands({
            bands: result.fanBands,
            atS: asked.fromS,
            ...(asked.continuation !== null ? { continuation: asked.continuation } : {}),
          });
        }
      }}
    />
  );
}

function Briefing() {
  const { briefing, status, unit } = useAppStore(
    useShallow((s) => ({ briefing: s.briefing, status: s.status, unit: s.unit })),
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
      <p data-testid="briefing" tabIndex={0}>
        {temperaturesInText(briefing, unit)}
      </p>
    </section>
  );
}

/** The run's files: its log (out and in), the trends as CSV, the charts as pictures. */
function RunFiles() {
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const { fileName, hasRun, reportError } = useAppStore(
    useShallow((s) => ({
      fileName: s.fileName,
      hasRun: s.snapshot !== null && s.scenario !== null,
      reportError: s.reportError,
    })),
  );
  function exportLog() {
    const state = store.getState();
    const log = state.runLog();
    if (!log) return;
    downloadText(
      runLogToJson(log),
      logFileName(state.fileName, state.snapshot?.tS ?? 0),
      'application/json',
    );
  }
  function exportCsv() {
    const state = store.getState();
    downloadText(
      trendCsv(state.trend, TREND_SERIES),
      `${baseName(state.fileName)}-trends.csv`,
      'text/csv',
    );
  }
  function charts(): SVGSVGElement[] {
    return ['trend-chart', 'vitals-chart']
      .map((id) => document.querySelector<SVGSVGElement>(`svg[data-testid="${id}"]`))
      .filter((el): el is SVGSVGElement => el !== null);
  }
  function chartTitle() {
    const state = store.getState();
    return `${state.title}: trends to ${state.snapshot ? Math.round(state.snapshot.tS / 60) : 0} min`;
  }
  async function openLog(file: File) {
    const text = await file.text();
    await store.getState().openRunLog(text, file.name);
  }

  return (
    <section className="panel run-files" aria-labelledby="run-files-heading">
      <h2 id="run-files-heading">Run record</h2>
      <div className="file-buttons">
        <button
          type="button"
          className="button button-small"
          onClick={exportLog}
          disabled={!hasRun}
          title="Download this run's log (coldboot/run-log@1, JSON): it replays the run exactly"
        >
          Export log
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => input.current?.click()}
          title="Open a run log and replay it here, paused where it stopped"
        >
          Import log…
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={exportCsv}
          disabled={!hasRun}
          title="Download the trends as CSV (°C, like coldboot run)"
        >
          Trends CSV
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!hasRun}
          onClick={() =>
            downloadChartsSvg(charts(), chartTitle(), `${baseName(fileName)}-trends.svg`)
          }
        >
          Charts SVG
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!hasRun}
          onClick={() =>
            void downloadChartsPng(
              charts(),
              chartTitle(),
              `${baseName(fileName)}-trends.png`,
            ).catch((error: unknown) =>
              reportError('load', error instanceof Error ? error.message : String(error)),
            )
          }
        >
          Charts PNG
        </button>
      </div>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        tabIndex={-1}
        aria-label="Run log file"
        data-testid="import-log-input"
        accept=".json,application/json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void openLog(file);
        }}
      />
    </section>
  );
}
