// The briefing: what learners read before the run. The story, the patient, where they are at time
// zero, what they are graded on (objectives with their weights), the level and the length of the
// run; "Start" goes to the run screen.

import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_LINKED_SCENARIO_CHARS, scenarioLink } from '../state/shareLink.ts';
import type { Objective, Scenario } from '../../models/index.ts';
import { LEVEL_LABEL, formatDuration } from '../state/library.ts';
import { formatTemperature, temperaturesInText, type TemperatureUnit } from '../state/units.ts';
import { BackToLibrary, FileErrorPanel, ScreenHeader, useFocusTitle } from './Chrome.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useAppStore } from './store-context.tsx';

export function BriefingScreen() {
  const { scenario, status, fileName, origin, goTo, unit, scenarioText } = useAppStore(
    useShallow((s) => ({
      scenarioText: s.scenarioText,
      scenario: s.scenario,
      status: s.status,
      fileName: s.fileName,
      origin: s.origin,
      goTo: s.goTo,
      unit: s.unit,
    })),
  );
  useFocusTitle();
  const title = scenario?.title ?? (status === 'loading' ? 'Loading…' : 'Briefing');
  return (
    <>
      <ScreenHeader title={title} nav={<BackToLibrary />} />
      <main className="document-screen briefing-screen" aria-labelledby="screen-title">
        <ErrorBoundary area="Briefing">
          <FileErrorPanel />
          {scenario ? (
            <article className="briefing-doc" aria-label="Briefing">
              <p className="doc-kicker">
                {scenario.level && (
                  <span className={`level-badge level-${scenario.level}`}>
                    {LEVEL_LABEL[scenario.level]}
                  </span>
                )}
                <span>{durationText(scenario)}</span>
                <span className="muted">
                  {origin === 'library' ? 'Built-in scenario' : `File: ${fileName}`}
                </span>
              </p>
              {scenario.summary && (
                <p className="doc-summary">{temperaturesInText(scenario.summary, unit)}</p>
              )}
              <div className="briefing-columns">
                <section aria-labelledby="story-heading" className="panel">
                  <h2 id="story-heading">The story</h2>
                  <p className="story" data-testid="briefing">
                    {temperaturesInText(scenario.briefing, unit)}
                  </p>
                </section>
                <div className="briefing-side">
                  <PatientCard scenario={scenario} unit={unit} />
                  <Objectives objectives={scenario.objectives ?? []} unit={unit} />
                </div>
              </div>
              <div className="doc-actions">
                <button
                  type="button"
                  className="button button-primary button-large"
                  onClick={() => goTo('run')}
                  disabled={status === 'error'}
                  data-testid="start-run"
                >
                  Start <span aria-hidden="true">→</span>
                </button>
                <button type="button" className="button" onClick={() => goTo('library')}>
                  Choose another scenario
                </button>
              </div>
              {origin === 'file' && <ShareLink text={scenarioText} />}
            </article>
          ) : (
            status === 'loading' && (
              <p className="muted" aria-busy="true">
                Loading the scenario…
              </p>
            )
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}

function durationText(scenario: Scenario): string {
  const duration = formatDuration(scenario.end.atS);
  if (scenario.end.atS >= 72 * 3600 && !scenario.end.when) return 'Open-ended';
  return scenario.end.when ? `Up to ${duration} (it may end earlier)` : duration;
}

function PatientCard({ scenario, unit }: { scenario: Scenario; unit: TemperatureUnit }) {
  const { patient, start } = scenario;
  const env = start.environment;
  const age =
    patient.ageYears < 3
      ? `${Math.round(patient.ageYears * 12)} months`
      : `${Math.round(patient.ageYears * 10) / 10} years`;
  const surroundings =
    env.medium === 'water'
      ? `In water at ${formatTemperature(env.temperatureC, unit)}`
      : `Air at ${formatTemperature(env.temperatureC, unit)}${
          env.windMPerS ? `, wind ${env.windMPerS} m/s` : ''
        }${env.clothingClo !== undefined ? `, clothing ${env.clothingClo} clo` : ''}`;
  return (
    <section aria-labelledby="patient-heading" className="panel">
      <h2 id="patient-heading">The patient</h2>
      <dl className="patient-facts" data-testid="patient">
        <div>
          <dt>Sex</dt>
          <dd>{patient.sex === 'female' ? 'Female' : 'Male'}</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd>{age}</dd>
        </div>
        <div>
          <dt>Mass</dt>
          <dd>{Math.round(patient.massKg * 10) / 10} kg</dd>
        </div>
        <div>
          <dt>Height</dt>
          <dd>{Math.round(patient.heightCm)} cm</dd>
        </div>
      </dl>
      <p className="muted surroundings-line">
        Before the story begins: {surroundings.charAt(0).toLowerCase() + surroundings.slice(1)}.
      </p>
    </section>
  );
}

function Objectives({
  objectives,
  unit,
}: {
  objectives: readonly Objective[];
  unit: TemperatureUnit;
}) {
  const total = objectives.reduce((sum, o) => sum + o.weight, 0);
  return (
    <section aria-labelledby="objectives-heading" className="panel">
      <h2 id="objectives-heading">Objectives</h2>
      {objectives.length === 0 ? (
        <p className="muted">No graded objectives: watch the physiology and try what you like.</p>
      ) : (
        <ol className="objective-list" data-testid="objectives">
          {objectives.map((o) => (
            <li key={o.id}>
              <span>{temperaturesInText(o.text, unit)}</span>
              <span
                className="weight"
                title={`${Math.round((100 * o.weight) / total)} % of the score`}
              >
                weight {o.weight}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A scenario opened from a file, as a link that carries it (`#s=…`, src/state/shareLink.ts): shown to
 * copy, and copied to the clipboard where the browser allows. Too big a file is told how to share.
 */
function ShareLink({ text }: { text: string }) {
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const tooBig = text.length > MAX_LINKED_SCENARIO_CHARS;
  const make = () => {
    const made = scenarioLink(window.location.href, text);
    setLink(made);
    setCopied(false);
    if (made === null) return;
    navigator.clipboard?.writeText(made).then(
      () => setCopied(true),
      () => undefined,
    );
  };
  return (
    <section className="panel share-link" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Share this scenario</h2>
      {tooBig ? (
        <p className="muted">
          This file has {text.length.toLocaleString('en')} characters, more than a link carries (
          {MAX_LINKED_SCENARIO_CHARS.toLocaleString('en')}): put it on the same site as the app and
          share <code>?scenario=/path/to/file.yaml</code>, or share the file.
        </p>
      ) : (
        <>
          <p className="muted">
            A link that carries the whole scenario: whoever opens it gets this briefing, nothing
            else of your run.
          </p>
          <button type="button" className="button" onClick={make} data-testid="make-share-link">
            Make a link
          </button>
          {link !== null && (
            <p className="share-link-row">
              <label htmlFor={`${id}-link`}>Link{copied ? ' (copied)' : ''}</label>
              <input
                id={`${id}-link`}
                type="text"
                readOnly
                value={link}
                onFocus={(e) => e.target.select()}
                data-testid="share-link"
              />
            </p>
          )}
        </>
      )}
    </section>
  );
}
