// The landing screen: the built-in scenarios as cards (each a shareable `?scenario=` link), opening a
// scenario file or a run log (file picker or drag and drop anywhere on the page), the sandbox, and
// the way back to a run in progress or a saved one.

import { useId, useRef, useState, type DragEvent, type FormEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  PATIENT_PRESETS,
  PATIENT_PRESET_NAMES,
  type PatientPresetName,
} from '../../models/index.ts';
import {
  LEVEL_LABEL,
  formatDuration,
  urlWithScenario,
  type LibraryEntry,
} from '../state/library.ts';
import { SANDBOX_DEFAULTS, SANDBOX_LIMITS } from '../state/sandbox.ts';
import { formatClock, toDisplayUnit, unitSymbol, type TemperatureUnit } from '../state/units.ts';
import { openLibraryScenario, openLocalFile, startSandbox } from './actions.ts';
import { discardSavedRun } from './appEffects.ts';
import { FileErrorPanel, ScreenHeader, useFocusTitle } from './Chrome.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useAppStore, useAppStoreApi } from './store-context.tsx';

export function LibraryScreen() {
  const store = useAppStoreApi();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  useFocusTitle();

  function hasFiles(event: DragEvent) {
    return Array.from(event.dataTransfer.types).includes('Files');
  }
  function onDragEnter(event: DragEvent) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current++;
    setDragging(true);
  }
  function onDragOver(event: DragEvent) {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
  function onDragLeave() {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }
  function onDrop(event: DragEvent) {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void openLocalFile(store, file);
  }

  return (
    <>
      <ScreenHeader title="Scenario library" />
      <main
        className="library-screen"
        aria-labelledby="screen-title"
        onDragEnter={onDragEnter}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        data-testid="library"
      >
        <ErrorBoundary area="Library">
          <ReturnBanner />
          <FileErrorPanel />
          <div className="library-layout">
            <ScenarioCards />
            <aside className="library-side" aria-label="Your own scenarios">
              <OpenFilePanel />
              <SandboxPanel />
            </aside>
          </div>
        </ErrorBoundary>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <p>Drop a scenario file (YAML or JSON) or a run log to open it</p>
          </div>
        )}
      </main>
    </>
  );
}

/** Back to the run in progress, or restore a run saved in this browser. */
function ReturnBanner() {
  const store = useAppStoreApi();
  const { title, tS, started, status, resumable, restoreRun, goTo } = useAppStore(
    useShallow((s) => ({
      title: s.title,
      tS: s.snapshot?.tS ?? 0,
      started: (s.snapshot?.tS ?? 0) > 0 || s.actions.some((a) => a.source !== 'scenario'),
      status: s.status,
      resumable: s.resumable,
      restoreRun: s.restoreRun,
      goTo: s.goTo,
    })),
  );
  const live = started && ['ready', 'running', 'paused', 'finished'].includes(status);
  if (live) {
    return (
      <section className="panel return-banner" aria-label="Your run in progress">
        <p>
          Your run of <strong>{title}</strong> is at <strong>{formatClock(tS)}</strong>
          {status === 'finished' ? ' (ended)' : ''}.
        </p>
        <button type="button" className="button button-primary" onClick={() => goTo('run')}>
          Back to the run
        </button>
      </section>
    );
  }
  if (!resumable) return null;
  return (
    <section className="panel return-banner" aria-label="Saved run">
      <p>
        A run of <strong>{resumable.scenario.title}</strong> was saved in this browser at{' '}
        <strong>{formatClock(resumable.atS)}</strong>.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void restoreRun(resumable)}
        >
          Restore it
        </button>
        <button type="button" className="button" onClick={() => discardSavedRun(store)}>
          Discard
        </button>
      </div>
    </section>
  );
}

function ScenarioCards() {
  const { library, libraryError } = useAppStore(
    useShallow((s) => ({ library: s.library, libraryError: s.libraryError })),
  );
  return (
    <section className="library-cards" aria-labelledby="builtin-heading">
      <h2 id="builtin-heading">Built-in scenarios</h2>
      <p className="library-intro">
        Choose a case to read its briefing, then run it: watch the patient cool, act at the bedside
        and on the heart-lung machine, and compare your run with an expert’s in the debrief.
      </p>
      {libraryError && (
        <p className="inline-error" role="alert">
          {libraryError}
        </p>
      )}
      {library === null ? (
        <p className="muted" aria-busy="true">
          Loading the library…
        </p>
      ) : library.length === 0 ? (
        !libraryError && <p className="muted">No built-in scenarios are installed.</p>
      ) : (
        <ul className="card-grid">
          {library.map((entry) => (
            <ScenarioCard key={entry.file} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ScenarioCard({ entry }: { entry: LibraryEntry }) {
  const store = useAppStoreApi();
  const headingId = useId();
  const href = urlWithScenario(window.location.href, entry.file);
  const duration = formatDuration(entry.durationS);

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Let the browser open the link elsewhere (new tab, window) when asked to.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    void openLibraryScenario(store, entry.file);
  }

  return (
    <li className="scenario-card" data-testid="scenario-card">
      <h3 id={headingId} className="card-title">
        <a href={href} onClick={onClick} className="card-link">
          {entry.title}
        </a>
      </h3>
      <p className="card-meta">
        {entry.level && (
          <span className={`level-badge level-${entry.level}`}>{LEVEL_LABEL[entry.level]}</span>
        )}
        {duration && (
          <span className="card-duration">
            <span className="visually-hidden">Duration: </span>
            {duration}
          </span>
        )}
      </p>
      {entry.summary && <p className="card-summary">{entry.summary}</p>}
    </li>
  );
}

function OpenFilePanel() {
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="panel open-file" aria-labelledby="open-file-heading">
      <h2 id="open-file-heading">Open a file</h2>
      <p className="muted">
        A scenario (YAML or JSON, <code>coldboot/scenario@1</code>) or a run log to replay. You can
        also drop a file anywhere on this page.
      </p>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Open a scenario file…
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        tabIndex={-1}
        aria-label="Scenario or run log file"
        data-testid="open-file-input"
        accept=".yaml,.yml,.json,application/json,text/yaml"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void openLocalFile(store, file);
        }}
      />
    </section>
  );
}

/** The temperature field keeps the text as typed, in the unit it was typed in. */
interface TypedTemperature {
  readonly text: string;
  readonly unit: TemperatureUnit;
}

function temperatureText(t: TypedTemperature, unit: TemperatureUnit): string {
  if (t.unit === unit) return t.text;
  const value = Number(t.text);
  if (t.text.trim() === '' || !Number.isFinite(value)) return t.text;
  const celsius = t.unit === 'F' ? ((value - 32) * 5) / 9 : value;
  return String(Math.round(toDisplayUnit(celsius, unit) * 10) / 10);
}

function SandboxPanel() {
  const store = useAppStoreApi();
  const unit = useAppStore((s) => s.unit);
  const ids = { preset: useId(), temp: useId(), wind: useId(), clo: useId(), help: useId() };
  const [preset, setPreset] = useState<PatientPresetName>(SANDBOX_DEFAULTS.preset);
  const [medium, setMedium] = useState<'air' | 'water'>(SANDBOX_DEFAULTS.medium);
  const [temperature, setTemperature] = useState<TypedTemperature>({
    text: String(SANDBOX_DEFAULTS.temperatureC),
    unit: 'C',
  });
  const [wind, setWind] = useState('2');
  const [clothing, setClothing] = useState('1');
  const range = SANDBOX_LIMITS[medium];
  const shownText = temperatureText(temperature, unit);
  const min = Math.round(toDisplayUnit(range.min, unit));
  const max = Math.round(toDisplayUnit(range.max, unit));

  function start(event: FormEvent) {
    event.preventDefault();
    const value = Number(shownText);
    const temperatureC = unit === 'F' ? ((value - 32) * 5) / 9 : value;
    void startSandbox(store, {
      preset,
      medium,
      temperatureC: Number.isFinite(temperatureC) ? temperatureC : SANDBOX_DEFAULTS.temperatureC,
      windMPerS: Number(wind) || 0,
      clothingClo: Number(clothing) || 0,
    });
  }

  return (
    <section className="panel sandbox" aria-labelledby="sandbox-heading">
      <h2 id="sandbox-heading">Sandbox</h2>
      <p className="muted" id={ids.help}>
        An open-ended run: a standard patient, put into the surroundings you choose at time zero.
      </p>
      <form className="sandbox-form" onSubmit={start} aria-describedby={ids.help}>
        <div className="field">
          <label htmlFor={ids.preset}>Patient</label>
          <select
            id={ids.preset}
            value={preset}
            onChange={(e) => setPreset(e.target.value as PatientPresetName)}
          >
            {PATIENT_PRESET_NAMES.map((name) => (
              <option key={name} value={name}>
                {PATIENT_PRESETS[name].label}
              </option>
            ))}
          </select>
          <span className="field-hint">{PATIENT_PRESETS[preset].description}</span>
        </div>
        <fieldset className="field segmented-field">
          <legend>Surroundings</legend>
          <div className="segmented">
            {(['water', 'air'] as const).map((m) => (
              <label key={m} className={`segment${medium === m ? ' segment-on' : ''}`}>
                <input
                  type="radio"
                  name="sandbox-medium"
                  value={m}
                  checked={medium === m}
                  onChange={() => setMedium(m)}
                />
                {m === 'water' ? 'Water (to the neck)' : 'Air'}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.temp}>Temperature ({unitSymbol(unit)})</label>
            <input
              id={ids.temp}
              type="number"
              inputMode="decimal"
              step="0.5"
              min={min}
              max={max}
              required
              value={shownText}
              onChange={(e) => setTemperature({ text: e.target.value, unit })}
            />
          </div>
          {medium === 'air' && (
            <>
              <div className="field">
                <label htmlFor={ids.wind}>Wind (m/s)</label>
                <input
                  id={ids.wind}
                  type="number"
                  min={0}
                  max={SANDBOX_LIMITS.windMPerS.max}
                  step="0.5"
                  value={wind}
                  onChange={(e) => setWind(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={ids.clo}>Clothing (clo)</label>
                <input
                  id={ids.clo}
                  type="number"
                  min={0}
                  max={SANDBOX_LIMITS.clothingClo.max}
                  step="0.1"
                  value={clothing}
                  onChange={(e) => setClothing(e.target.value)}
                />
              </div>
            </>
          )}
        </div>
        <button type="submit" className="button button-primary">
          Start sandbox run
        </button>
      </form>
    </section>
  );
}
